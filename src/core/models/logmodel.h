#pragma once

#include <QAbstractListModel>
#include <QTimer>

#include "logrecorder.h"
#include "models/filteredring.h"

// The log view: the recorder's records (those kept from before the model existed, then new ones), applied in
// batches like the feed, the oldest dropped beyond capacity. minimumLevel and searchText filter the rows.
class LogModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchTextChanged)
    Q_PROPERTY(int minimumLevel READ minimumLevel WRITE setMinimumLevel NOTIFY minimumLevelChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role
    {
        TimeRole = Qt::UserRole + 1, // QDateTime, local time
        TimeTextRole,                // "HH:mm:ss.zzz"
        LevelRole,                   // LogRecord::Level as int: 0 debug … 3 error
        LevelTextRole,               // "debug", "info", "warning", "error"
        CategoryRole,
        MessageRole,
        // The whole line as the log page shows it: "HH:mm:ss.zzz  WARNING category  message" (one role for
        // the text the view draws: a reused delegate lays its text out once). Named "text", so that the
        // page's Text delegate takes it as its own text property: a string property declared in QML holds a
        // JavaScript string, and writing a screenful of those per batch of a log flood made the JavaScript
        // collector run three times a second.
        LineRole,
    };
    Q_ENUM(Role)

    static constexpr int DefaultBatchInterval = 100; // ms
    static constexpr qsizetype DefaultCapacity = 10'000;

    explicit LogModel(LogRecorder *recorder, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    const LogRecord &record(int row) const { return m_records.row(row); }

    QString searchText() const { return m_searchText; }
    void setSearchText(const QString &searchText);
    int minimumLevel() const { return m_minimumLevel; }
    void setMinimumLevel(int level);
    int count() const { return int(m_records.rowCount()); }
    // Records kept, shown or not.
    int totalCount() const { return int(m_records.size()); }

    int batchInterval() const { return m_batchTimer.interval(); }
    void setBatchInterval(int milliseconds);
    qsizetype capacity() const { return m_capacity; }
    void setCapacity(qsizetype capacity);

    // Applies the pending records now.
    Q_INVOKABLE void flush();

signals:
    void searchTextChanged();
    void minimumLevelChanged();
    void countChanged();

private:
    void enqueue(const QList<LogRecord> &records);
    bool matches(const LogRecord &record) const;
    void dropOldest(qsizetype count);
    void rebuildRows();

    FilteredRing<LogRecord> m_records;
    QList<LogRecord> m_pending;
    qint64 m_lastSequence = 0; // records up to this one are here already
    QTimer m_batchTimer;
    qsizetype m_capacity = DefaultCapacity;
    QString m_searchText;
    int m_minimumLevel = LogRecord::Debug;
};
