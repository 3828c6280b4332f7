#include "backend/mirrorplayermodel.h"

using namespace Qt::Literals::StringLiterals;

const QList<MirrorRowModel::Column> &MirrorPlayerModel::columns()
{
    static const QList<Column> columns = {
        {"userId", Kind::Text},      {"name", Kind::Text},       {"playerNumber", Kind::Int},
        {"team", Kind::Int},         {"allyTeam", Kind::Int},    {"spectator", Kind::Bool},
        {"playerState", Kind::Text}, {"leftReason", Kind::Text}, {"mutedChat", Kind::Bool},
        {"mutedDraw", Kind::Bool},   {"password", Kind::Text},   {"joinedAt", Kind::Time},
    };
    return columns;
}

MirrorPlayerModel::MirrorPlayerModel(const QString &battleId, QObject *parent)
    : MirrorRowModel(columns(), parent)
    , m_battleId(battleId)
{
}

QString MirrorPlayerModel::nameOf(const QString &userId) const
{
    return value(indexOf(userId), "name").toString();
}

void MirrorPlayerModel::rowsUpdated()
{
    int joined = 0;
    for (int row = 0; row < count(); ++row)
    {
        const QString state = value(row, "playerState").toString();
        joined += state == u"joined" || state == u"defeated" ? 1 : 0;
    }
    if (joined != m_joinedCount)
    {
        m_joinedCount = joined;
        emit joinedCountChanged();
    }
}
