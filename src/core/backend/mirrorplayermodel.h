#pragma once

#include "backend/mirrorrowmodel.h"

// The players table of one battle from the admin API (PlayerListModel's roles, in its order), with what the
// views read of PlayerListModel: battleId, count, joinedCount, indexOf, get.
class MirrorPlayerModel : public MirrorRowModel
{
    Q_OBJECT
    Q_PROPERTY(QString battleId READ battleId CONSTANT)
    Q_PROPERTY(int joinedCount READ joinedCount NOTIFY joinedCountChanged)

public:
    static const QList<Column> &columns();

    explicit MirrorPlayerModel(const QString &battleId, QObject *parent = nullptr);

    QString battleId() const { return m_battleId; }
    // Players and spectators connected now: joined or defeated.
    int joinedCount() const { return m_joinedCount; }
    // The name of a user of the battle; empty when unknown.
    QString nameOf(const QString &userId) const;

signals:
    void joinedCountChanged();

protected:
    void rowsUpdated() override;

private:
    QString m_battleId;
    int m_joinedCount = 0;
};
