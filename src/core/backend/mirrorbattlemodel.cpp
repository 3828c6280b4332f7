#include "backend/mirrorbattlemodel.h"

#include <QUuid>

#include "util/conversions.h"

const QList<MirrorRowModel::Column> &MirrorBattleModel::columns()
{
    static const QList<Column> columns = {
        {"battleId", Kind::Text},     {"engineVersion", Kind::Text}, {"gameName", Kind::Text},
        {"mapName", Kind::Text},      {"battleState", Kind::Text},   {"playersJoined", Kind::Int},
        {"playersTotal", Kind::Int},  {"startedAt", Kind::Time},     {"uptimeSeconds", Kind::Int64},
        {"port", Kind::Int},          {"pid", Kind::Int64},          {"cpuPercent", Kind::Double},
        {"memoryBytes", Kind::Int64}, {"instanceDir", Kind::Text},   {"engineLogPath", Kind::Text},
        {"endDetails", Kind::Text},   {"active", Kind::Bool},
    };
    return columns;
}

MirrorBattleModel::MirrorBattleModel(QObject *parent)
    : MirrorRowModel(columns(), parent)
{
    connect(this, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last)
            {
                for (int row = first; row <= last; ++row)
                {
                    const QString battleId = keyAt(row);
                    m_players.insert(battleId, new MirrorPlayerModel(battleId, this));
                }
            });
    connect(this, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last)
            {
                for (int row = first; row <= last; ++row)
                {
                    // A view may still show the players; they go with the next event loop turn.
                    if (MirrorPlayerModel *players = m_players.take(keyAt(row)))
                    {
                        players->deleteLater();
                    }
                }
            });
}

MirrorPlayerModel *MirrorBattleModel::players(const QString &battleId) const
{
    return m_players.value(normalizedKey(battleId));
}

QString MirrorBattleModel::normalizedKey(const QString &key) const
{
    const QUuid id = QUuid::fromString(key);
    return id.isNull() ? key : uuidText(id);
}

void MirrorBattleModel::rowsUpdated()
{
    int active = 0;
    for (int row = 0; row < count(); ++row)
    {
        active += value(row, "active").toBool() ? 1 : 0;
    }
    if (active != m_activeCount)
    {
        m_activeCount = active;
        emit activeCountChanged();
    }
}
