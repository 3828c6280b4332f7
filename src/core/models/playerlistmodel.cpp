#include "models/playerlistmodel.h"

#include <algorithm>

#include "battles/battle.h"
#include "models/rowvalues.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
template <typename T>
void assign(T &field, const T &value, int role, QList<int> *changed)
{
    if (field != value)
    {
        field = value;
        changed->append(role);
    }
}

bool isConnected(const QString &state)
{
    return state == u"joined" || state == u"defeated";
}
} // namespace

PlayerListModel::PlayerListModel(Battle *battle, QObject *parent)
    : QAbstractListModel(parent)
    , m_battle(battle)
    , m_battleId(uuidText(battle->id()))
{
    // Teams are numbered across ally teams in script order, bot-only teams included (as StartScriptWriter
    // writes them).
    int team = 0;
    const QList<AllyTeamSpec> &allyTeams = battle->request().allyTeams;
    for (qsizetype allyTeam = 0; allyTeam < allyTeams.size(); ++allyTeam)
    {
        for (const TeamSpec &teamSpec : allyTeams.at(allyTeam).teams)
        {
            for (const PlayerSpec &player : teamSpec.players)
            {
                m_teams.insert(player.userId, {team, int(allyTeam)});
            }
            ++team;
        }
    }
    for (const ScriptPlayer &player : battle->players().players())
    {
        addPlayer(player);
    }

    connect(battle, &Battle::playerAdded, this, &PlayerListModel::addPlayer);
    connect(battle, &Battle::playerMuted, this, &PlayerListModel::setMuted);
    connect(battle, &Battle::playerUpdated, this,
            [this](const EngineUpdate &update) {
                handleUpdate(QString::fromLatin1(update.type), update.userId,
                             QString::fromLatin1(update.reason));
            });
}

int PlayerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> PlayerListModel::roleNames() const
{
    return {
        {UserIdRole, "userId"},
        {NameRole, "name"},
        {PlayerNumberRole, "playerNumber"},
        {TeamRole, "team"},
        {AllyTeamRole, "allyTeam"},
        {SpectatorRole, "spectator"},
        {StateRole, "playerState"},
        {LeftReasonRole, "leftReason"},
        {MutedChatRole, "mutedChat"},
        {MutedDrawRole, "mutedDraw"},
        {PasswordRole, "password"},
        {JoinedAtRole, "joinedAt"},
    };
}

QVariant PlayerListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    switch (role)
    {
    case UserIdRole:
        return row.userId;
    case NameRole:
        return row.name;
    case PlayerNumberRole:
        return row.playerNumber;
    case TeamRole:
        return row.team;
    case AllyTeamRole:
        return row.allyTeam;
    case SpectatorRole:
        return row.spectator;
    case StateRole:
        return row.state;
    case LeftReasonRole:
        return row.leftReason;
    case MutedChatRole:
        return row.mutedChat;
    case MutedDrawRole:
        return row.mutedDraw;
    case PasswordRole:
        return row.password;
    case JoinedAtRole:
        return row.joinedAt;
    default:
        return {};
    }
}

int PlayerListModel::joinedCount() const
{
    return int(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &row) { return isConnected(row.state); }));
}

int PlayerListModel::indexOf(const QString &userId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
    {
        if (m_rows.at(i).userId == userId)
        {
            return int(i);
        }
    }
    return -1;
}

QVariantMap PlayerListModel::get(int row) const
{
    return rowValues(*this, row);
}

void PlayerListModel::addPlayer(const ScriptPlayer &player)
{
    const QString password = m_battle ? m_battle->password(player.userId) : QString();
    if (const int known = indexOf(player.userId); known >= 0)
    {
        // addPlayer for a known user gives it a new password.
        QList<int> changed;
        assign(m_rows[known].password, password, PasswordRole, &changed);
        emitRowChanged(known, changed);
        return;
    }
    Row row;
    row.userId = player.userId;
    row.name = player.name;
    row.playerNumber = player.number;
    row.spectator = player.spectator;
    row.password = password;
    if (const auto teams = m_teams.constFind(player.userId); teams != m_teams.cend() && !player.spectator)
    {
        row.team = teams->first;
        row.allyTeam = teams->second;
    }
    const int index = int(m_rows.size());
    beginInsertRows(QModelIndex(), index, index);
    m_rows.append(row);
    endInsertRows();
    emit countChanged();
}

void PlayerListModel::handleUpdate(const QString &type, const QString &userId, const QString &reason)
{
    const int index = indexOf(userId);
    if (index < 0)
    {
        return;
    }
    Row &row = m_rows[index];
    const bool wasConnected = isConnected(row.state);
    QList<int> changed;
    if (type == u"player_joined")
    {
        assign(row.state, u"joined"_s, StateRole, &changed);
        assign(row.leftReason, QString(), LeftReasonRole, &changed);
        row.joinedAt = QDateTime::currentDateTimeUtc();
        changed.append(JoinedAtRole);
    }
    else if (type == u"player_left")
    {
        assign(row.state, u"left"_s, StateRole, &changed);
        assign(row.leftReason, reason, LeftReasonRole, &changed);
    }
    else if (type == u"player_defeated")
    {
        // The engine reports a forced spectator (/spec) as defeated too; either way the player now watches.
        assign(row.state, u"defeated"_s, StateRole, &changed);
        assign(row.spectator, true, SpectatorRole, &changed);
    }
    emitRowChanged(index, changed);
    if (wasConnected != isConnected(row.state))
    {
        emit joinedCountChanged();
    }
}

void PlayerListModel::setMuted(const QString &userId, bool chat, bool draw)
{
    const int index = indexOf(userId);
    if (index < 0)
    {
        return;
    }
    QList<int> changed;
    assign(m_rows[index].mutedChat, chat, MutedChatRole, &changed);
    assign(m_rows[index].mutedDraw, draw, MutedDrawRole, &changed);
    emitRowChanged(index, changed);
}

void PlayerListModel::emitRowChanged(int row, const QList<int> &roles)
{
    if (!roles.isEmpty())
    {
        emit dataChanged(index(row), index(row), roles);
    }
}
