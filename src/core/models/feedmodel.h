#pragma once

#include <vector>

#include <QAbstractListModel>
#include <QTimer>
#include <QUuid>

#include "models/feedentry.h"
#include "models/filteredring.h"

class UpdateBuffer;

// The live feed of one battle (or of all battles for a null battle id): every update of the buffer as a feed
// line, plus the operator's notes. Incoming lines are applied in batches (one row insertion per batch) so
// that a flood of updates costs the view one layout per interval; the oldest lines go beyond maximumEntries.
// searchText and kinds filter the rows.
class FeedModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchTextChanged)
    Q_PROPERTY(int kinds READ kinds WRITE setKinds NOTIFY kindsChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY totalCountChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role
    {
        TimeRole = Qt::UserRole + 1, // QDateTime, local time
        TimeTextRole,                // "HH:mm:ss"
        KindRole,                    // Feed::Kind as int
        TypeRole,
        UserIdRole,
        AuthorRole,
        TextRole, // named "message" in QML
        DetailRole,
        // The whole line as the feed view shows it: "HH:mm:ss  Author: text  (detail)". One role for the text
        // the view draws, so that a reused delegate lays its text out once, not once per role that changed.
        // Named "text" in QML: the delegate's Text takes it as its own property.
        LineRole,
    };
    Q_ENUM(Role)

    using Resolver = FeedEntry::Resolver;

    static constexpr int DefaultBatchInterval = 100; // ms
    static constexpr qsizetype DefaultMaximumEntries = 200'000;

    // Starts with the battle's updates already in the buffer, then follows the buffer.
    FeedModel(UpdateBuffer *updates, const QUuid &battleId, Resolver resolver, QObject *parent = nullptr);

    QUuid battleId() const { return m_battleId; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    // The line of a row.
    const FeedEntry &entry(int row) const { return m_lines.row(row); }

    QString searchText() const { return m_searchText; }
    void setSearchText(const QString &searchText);
    int kinds() const { return m_kinds; }
    void setKinds(int kinds);
    int totalCount() const { return int(m_lines.size()); }
    int count() const { return int(m_lines.rowCount()); }

    int batchInterval() const { return m_batchTimer.interval(); }
    void setBatchInterval(int milliseconds);
    qsizetype maximumEntries() const { return m_maximumEntries; }
    void setMaximumEntries(qsizetype maximum);

    // A line about something the operator did (Operator kind), e.g. "kicked Bob".
    Q_INVOKABLE void appendNote(const QString &text);
    // Applies the pending lines now.
    Q_INVOKABLE void flush();

signals:
    void searchTextChanged();
    void kindsChanged();
    void totalCountChanged();
    void countChanged();

private:
    void handleAppended(const UpdateBuffer::Entry &entry);
    void enqueue(FeedEntry line);
    bool matches(const FeedEntry &line) const;
    void dropOldest(qsizetype count);
    void rebuildRows();
    void emitCountChanges(int totalBefore, int countBefore);

    UpdateBuffer *m_updates;
    QUuid m_battleId;
    Resolver m_resolver;
    FilteredRing<FeedEntry> m_lines;
    std::vector<FeedEntry> m_pending;
    QTimer m_batchTimer;
    qsizetype m_maximumEntries = DefaultMaximumEntries;
    QString m_searchText;
    int m_kinds = Feed::AllKinds;
};
