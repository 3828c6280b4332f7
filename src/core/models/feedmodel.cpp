#include "models/feedmodel.h"

#include <algorithm>

#include <QDateTime>

#include "updates/updatebuffer.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
// "HH:mm:ss" in local time: the time column of the feed.
QString timeText(const FeedEntry &line)
{
    return QDateTime::fromMSecsSinceEpoch(line.time / 1000).toString(u"HH:mm:ss"_s);
}
} // namespace

FeedModel::FeedModel(UpdateBuffer *updates, const QUuid &battleId, Resolver resolver, QObject *parent)
    : QAbstractListModel(parent)
    , m_updates(updates)
    , m_battleId(battleId)
    , m_resolver(std::move(resolver))
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(DefaultBatchInterval);
    connect(&m_batchTimer, &QTimer::timeout, this, &FeedModel::flush);

    updates->forEachSince(0,
                          [this](const UpdateBuffer::Entry &entry)
                          {
                              if (m_battleId.isNull() || entry.battleId == m_battleId)
                              {
                                  FeedEntry line = FeedEntry::fromUpdate(entry, m_resolver);
                                  const bool visible = matches(line);
                                  m_lines.append(std::move(line), visible);
                              }
                          });
    if (m_lines.size() > m_maximumEntries)
    {
        m_lines.dropOldest(m_lines.size() - m_maximumEntries);
    }
    connect(updates, &UpdateBuffer::appended, this, &FeedModel::handleAppended);
}

int FeedModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant FeedModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    {
        return {};
    }
    const FeedEntry &line = m_lines.row(index.row());
    switch (role)
    {
    case TimeRole:
        return QDateTime::fromMSecsSinceEpoch(line.time / 1000);
    case TimeTextRole:
        return timeText(line);
    case KindRole:
        return int(line.kind);
    case TypeRole:
        return line.type;
    case UserIdRole:
        return line.userId;
    case AuthorRole:
        return line.author;
    case Qt::DisplayRole:
    case TextRole:
        return line.text;
    case DetailRole:
        return line.detail;
    case LineRole:
    {
        QString shown = timeText(line) + u"  "_s;
        if (!line.author.isEmpty())
        {
            shown += line.author + u": "_s;
        }
        shown += line.text;
        if (!line.detail.isEmpty())
        {
            shown += u"  ("_s + line.detail + u')';
        }
        return shown;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> FeedModel::roleNames() const
{
    return {
        {TimeRole, "time"},    {TimeTextRole, "timeText"}, {KindRole, "kind"},
        {TypeRole, "type"},    {UserIdRole, "userId"},     {AuthorRole, "author"},
        {TextRole, "message"}, {DetailRole, "detail"},     {LineRole, "text"},
    };
}

void FeedModel::setSearchText(const QString &searchText)
{
    if (m_searchText == searchText)
    {
        return;
    }
    m_searchText = searchText;
    rebuildRows();
    emit searchTextChanged();
}

void FeedModel::setKinds(int kinds)
{
    if (m_kinds == kinds)
    {
        return;
    }
    m_kinds = kinds;
    rebuildRows();
    emit kindsChanged();
}

void FeedModel::setBatchInterval(int milliseconds)
{
    m_batchTimer.setInterval(milliseconds);
}

void FeedModel::setMaximumEntries(qsizetype maximum)
{
    m_maximumEntries = std::max<qsizetype>(1, maximum);
    if (m_lines.size() > m_maximumEntries)
    {
        const int totalBefore = totalCount();
        const int countBefore = count();
        dropOldest(m_lines.size() - m_maximumEntries);
        emitCountChanges(totalBefore, countBefore);
    }
}

void FeedModel::appendNote(const QString &text)
{
    enqueue(FeedEntry::note(m_updates->now(), text));
}

void FeedModel::handleAppended(const UpdateBuffer::Entry &entry)
{
    if (m_battleId.isNull() || entry.battleId == m_battleId)
    {
        // Composed now rather than when applied: the line shows the names as they were at the time.
        enqueue(FeedEntry::fromUpdate(entry, m_resolver));
    }
}

void FeedModel::enqueue(FeedEntry line)
{
    m_pending.push_back(std::move(line));
    if (!m_batchTimer.isActive())
    {
        m_batchTimer.start();
    }
}

void FeedModel::flush()
{
    m_batchTimer.stop();
    if (m_pending.empty())
    {
        return;
    }
    std::vector<FeedEntry> batch;
    batch.swap(m_pending);
    const int totalBefore = totalCount();
    const int countBefore = count();

    const qsizetype overflow = m_lines.size() + qsizetype(batch.size()) - m_maximumEntries;
    const qsizetype droppedOld = std::clamp<qsizetype>(overflow, 0, m_lines.size());
    dropOldest(droppedOld);
    // A batch larger than the maximum keeps only its newest lines.
    const auto first = batch.begin() + std::max<qsizetype>(0, overflow - droppedOld);

    std::vector<bool> visible;
    visible.reserve(size_t(batch.end() - first));
    for (auto line = first; line != batch.end(); ++line)
    {
        visible.push_back(matches(*line));
    }
    const auto inserted = int(std::count(visible.begin(), visible.end(), true));
    if (inserted > 0)
    {
        beginInsertRows(QModelIndex(), count(), count() + inserted - 1);
    }
    for (auto line = first; line != batch.end(); ++line)
    {
        m_lines.append(std::move(*line), visible[size_t(line - first)]);
    }
    if (inserted > 0)
    {
        endInsertRows();
    }
    emitCountChanges(totalBefore, countBefore);
}

bool FeedModel::matches(const FeedEntry &line) const
{
    if ((line.kind & m_kinds) == 0)
    {
        return false;
    }
    return m_searchText.isEmpty() || line.text.contains(m_searchText, Qt::CaseInsensitive) ||
           line.author.contains(m_searchText, Qt::CaseInsensitive) ||
           line.detail.contains(m_searchText, Qt::CaseInsensitive);
}

void FeedModel::dropOldest(qsizetype count)
{
    const qsizetype rows = m_lines.rowsAmongOldest(count);
    if (rows > 0)
    {
        beginRemoveRows(QModelIndex(), 0, int(rows) - 1);
    }
    m_lines.dropOldest(count);
    if (rows > 0)
    {
        endRemoveRows();
    }
}

void FeedModel::rebuildRows()
{
    const int countBefore = count();
    beginResetModel();
    m_lines.rebuildRows([this](const FeedEntry &line) { return matches(line); });
    endResetModel();
    emitCountChanges(totalCount(), countBefore);
}

void FeedModel::emitCountChanges(int totalBefore, int countBefore)
{
    if (totalCount() != totalBefore)
    {
        emit totalCountChanged();
    }
    if (count() != countBefore)
    {
        emit countChanged();
    }
}
