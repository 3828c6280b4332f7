#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPair>
#include <QPointer>

#include "battles/playertable.h"

class Battle;

// The participants of one battle in PlayerTable order (script players, script spectators, then users added
// later) with their teams and what the battle reported about them since the model was created: joins, leaves,
// defeats, mutes, added users and new passwords. It keeps the last known state when the Battle is deleted.
class PlayerListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(QString battleId READ battleId CONSTANT)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int joinedCount READ joinedCount NOTIFY joinedCountChanged)

public:
    enum Role
    {
        UserIdRole = Qt::UserRole + 1,
        NameRole,
        PlayerNumberRole, // int: the engine's player number
        TeamRole,         // int: the script's team number; -1 for spectators
        AllyTeamRole,     // int: the index of the ally team; -1 for spectators
        SpectatorRole,    // bool: a spectator from the start, an added user, or a defeated (or spec'd) player
        StateRole,        // QString: waiting (not joined yet), joined, left, defeated (still connected)
        LeftReasonRole,   // QString: "" or the last leave's reason: left, lost_connection, kicked
        MutedChatRole,
        MutedDrawRole,
        PasswordRole, // QString: what the user joins with (start request or the latest addPlayer)
        JoinedAtRole, // QDateTime (UTC) of the last join; invalid before the first
    };
    Q_ENUM(Role)

    explicit PlayerListModel(Battle *battle, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString battleId() const { return m_battleId; }
    int count() const { return int(m_rows.size()); }
    // Players and spectators connected now: joined or defeated.
    int joinedCount() const;

    // The row of a user id, or -1.
    Q_INVOKABLE int indexOf(const QString &userId) const;
    // Every role of a row by its name; empty for a row that does not exist.
    Q_INVOKABLE QVariantMap get(int row) const;

signals:
    void countChanged();
    void joinedCountChanged();

private:
    struct Row
    {
        QString userId;
        QString name;
        int playerNumber = 0;
        int team = -1;
        int allyTeam = -1;
        bool spectator = false;
        QString state = QStringLiteral("waiting");
        QString leftReason;
        bool mutedChat = false;
        bool mutedDraw = false;
        QString password;
        QDateTime joinedAt;
    };

    void addPlayer(const ScriptPlayer &player);
    void handleUpdate(const QString &type, const QString &userId, const QString &reason);
    void setMuted(const QString &userId, bool chat, bool draw);
    void emitRowChanged(int row, const QList<int> &roles);

    QPointer<Battle> m_battle;
    QString m_battleId;
    // Teams of the start request's players: userId → (team, ally team).
    QHash<QString, QPair<int, int>> m_teams;
    QList<Row> m_rows;
};
