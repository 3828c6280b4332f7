#pragma once

#include <algorithm>
#include <deque>
#include <functional>

#include <QtGlobal>

// The storage behind the batched list models: the kept entries oldest first, and the rows of the view as the
// sequence numbers of the entries that pass the current filter. Dropping the oldest entries and appending new
// ones are O(1) per entry; the rows stay sorted, so the rows an old-end drop removes are always a prefix.
template <typename T>
class FilteredRing
{
public:
    qsizetype size() const { return qsizetype(m_entries.size()); }
    qsizetype rowCount() const { return qsizetype(m_rows.size()); }
    const T &row(qsizetype row) const { return m_entries[size_t(m_rows[size_t(row)] - m_firstSequence)]; }

    // How many rows the oldest `count` entries are.
    qsizetype rowsAmongOldest(qsizetype count) const
    {
        const auto end = std::lower_bound(m_rows.begin(), m_rows.end(), m_firstSequence + count);
        return qsizetype(end - m_rows.begin());
    }

    void dropOldest(qsizetype count)
    {
        count = std::clamp<qsizetype>(count, 0, size());
        m_rows.erase(m_rows.begin(), m_rows.begin() + rowsAmongOldest(count));
        m_entries.erase(m_entries.begin(), m_entries.begin() + count);
        m_firstSequence += count;
    }

    void append(T entry, bool visible)
    {
        if (visible)
        {
            m_rows.push_back(m_firstSequence + size());
        }
        m_entries.push_back(std::move(entry));
    }

    void rebuildRows(const std::function<bool(const T &)> &visible)
    {
        m_rows.clear();
        qint64 sequence = m_firstSequence;
        for (const T &entry : m_entries)
        {
            if (visible(entry))
            {
                m_rows.push_back(sequence);
            }
            ++sequence;
        }
    }

private:
    std::deque<T> m_entries;
    std::deque<qint64> m_rows;
    qint64 m_firstSequence = 0; // of m_entries.front()
};
