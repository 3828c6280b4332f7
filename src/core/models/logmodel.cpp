#include "models/logmodel.h"

#include <algorithm>

#include <QDateTime>

using namespace Qt::Literals::StringLiterals;

namespace
{
// "HH:mm:ss.zzz" in local time: the time column of the log.
QString timeText(const LogRecord &record)
{
    return QDateTime::fromMSecsSinceEpoch(record.timeMsecs).toString(u"HH:mm:ss.zzz"_s);
}
} // namespace

LogModel::LogModel(LogRecorder *recorder, QObject *parent)
    : QAbstractListModel(parent)
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(DefaultBatchInterval);
    connect(&m_batchTimer, &QTimer::timeout, this, &LogModel::flush);
    // Connected before taking the kept records: a record delivered later that is among them is recognised by
    // its sequence number.
    connect(recorder, &LogRecorder::recorded, this, &LogModel::enqueue);
    const QList<LogRecord> kept = recorder->records();
    for (const LogRecord &record : kept)
    {
        m_records.append(record, matches(record));
    }
    if (!kept.isEmpty())
    {
        m_lastSequence = kept.constLast().sequence;
    }
    if (m_records.size() > m_capacity)
    {
        m_records.dropOldest(m_records.size() - m_capacity);
    }
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    {
        return {};
    }
    const LogRecord &record = m_records.row(index.row());
    switch (role)
    {
    case TimeRole:
        return QDateTime::fromMSecsSinceEpoch(record.timeMsecs);
    case TimeTextRole:
        return timeText(record);
    case LevelRole:
        return int(record.level);
    case LevelTextRole:
        return LogRecord::levelText(record.level);
    case CategoryRole:
        return record.category;
    case Qt::DisplayRole:
    case MessageRole:
        return record.message;
    case LineRole:
        return QString(timeText(record) + u"  "_s +
                       LogRecord::levelText(record.level).toUpper().leftJustified(7) + u' ' +
                       record.category + u"  "_s + record.message);
    default:
        return {};
    }
}

QHash<int, QByteArray> LogModel::roleNames() const
{
    return {
        {TimeRole, "time"},           {TimeTextRole, "timeText"}, {LevelRole, "level"},
        {LevelTextRole, "levelText"}, {CategoryRole, "category"}, {MessageRole, "message"},
        {LineRole, "text"},
    };
}

void LogModel::setSearchText(const QString &searchText)
{
    if (m_searchText == searchText)
    {
        return;
    }
    m_searchText = searchText;
    rebuildRows();
    emit searchTextChanged();
}

void LogModel::setMinimumLevel(int level)
{
    level = std::clamp(level, int(LogRecord::Debug), int(LogRecord::Error));
    if (m_minimumLevel == level)
    {
        return;
    }
    m_minimumLevel = level;
    rebuildRows();
    emit minimumLevelChanged();
}

void LogModel::setBatchInterval(int milliseconds)
{
    m_batchTimer.setInterval(milliseconds);
}

void LogModel::setCapacity(qsizetype capacity)
{
    m_capacity = std::max<qsizetype>(1, capacity);
    if (m_records.size() > m_capacity)
    {
        const int countBefore = count();
        dropOldest(m_records.size() - m_capacity);
        if (count() != countBefore)
        {
            emit countChanged();
        }
    }
}

void LogModel::enqueue(const QList<LogRecord> &records)
{
    for (const LogRecord &record : records)
    {
        if (record.sequence > m_lastSequence)
        {
            m_pending.append(record);
            m_lastSequence = record.sequence;
        }
    }
    if (!m_pending.isEmpty() && !m_batchTimer.isActive())
    {
        m_batchTimer.start();
    }
}

void LogModel::flush()
{
    m_batchTimer.stop();
    if (m_pending.isEmpty())
    {
        return;
    }
    QList<LogRecord> batch;
    batch.swap(m_pending);
    const int countBefore = count();

    const qsizetype overflow = m_records.size() + batch.size() - m_capacity;
    const qsizetype droppedOld = std::clamp<qsizetype>(overflow, 0, m_records.size());
    dropOldest(droppedOld);
    // A batch larger than the capacity keeps only its newest records.
    const auto first = batch.begin() + std::max<qsizetype>(0, overflow - droppedOld);

    QList<bool> visible;
    visible.reserve(batch.end() - first);
    for (auto record = first; record != batch.end(); ++record)
    {
        visible.append(matches(*record));
    }
    const auto inserted = int(visible.count(true));
    if (inserted > 0)
    {
        beginInsertRows(QModelIndex(), count(), count() + inserted - 1);
    }
    for (auto record = first; record != batch.end(); ++record)
    {
        m_records.append(std::move(*record), visible.at(record - first));
    }
    if (inserted > 0)
    {
        endInsertRows();
    }
    if (count() != countBefore)
    {
        emit countChanged();
    }
}

bool LogModel::matches(const LogRecord &record) const
{
    return record.level >= m_minimumLevel &&
           (m_searchText.isEmpty() || record.message.contains(m_searchText, Qt::CaseInsensitive) ||
            record.category.contains(m_searchText, Qt::CaseInsensitive));
}

void LogModel::dropOldest(qsizetype count)
{
    const qsizetype rows = m_records.rowsAmongOldest(count);
    if (rows > 0)
    {
        beginRemoveRows(QModelIndex(), 0, int(rows) - 1);
    }
    m_records.dropOldest(count);
    if (rows > 0)
    {
        endRemoveRows();
    }
}

void LogModel::rebuildRows()
{
    const int countBefore = count();
    beginResetModel();
    m_records.rebuildRows([this](const LogRecord &record) { return matches(record); });
    endResetModel();
    if (count() != countBefore)
    {
        emit countChanged();
    }
}
