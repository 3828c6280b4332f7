#pragma once

#include <optional>

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QVariantMap>

#include "backend/autohostbackend.h"
#include "local/localbattleplan.h"

class HostMirror;

// The form behind "start a local battle" in the desktop app: the operator picks engine, game and map, lists
// the players of each ally team and the spectators, and starts the battle on the autohost a HostMirror shows
// (in this process or remote alike) without a Tachyon server. What it offers (engines, games, maps) is the
// mirror's localBattle section; validation is LocalBattlePlan's (the request decoder's rules), done here so
// that the fields show their problems at once; the start is the backend's startLocalBattle action, so it
// meets the same admission, ports and engines as a served battle and the host generates the passwords.
// Player lists are texts: names separated by commas or line breaks, trimmed, empty ones dropped.
class LocalBattleForm : public QObject
{
    Q_OBJECT
    // The newest available engine until the operator sets one (setting "" goes back to the newest).
    Q_PROPERTY(QString engineVersion READ engineVersion WRITE setEngineVersion NOTIFY engineVersionChanged)
    Q_PROPERTY(QString gameName READ gameName WRITE setGameName NOTIFY gameNameChanged)
    Q_PROPERTY(QString mapName READ mapName WRITE setMapName NOTIFY mapNameChanged)
    // "fixed", "random", "chooseInGame" or "chooseBeforeGame"; other values are refused.
    Q_PROPERTY(QString startPosType READ startPosType WRITE setStartPosType NOTIFY startPosTypeChanged)
    // One text per ally team.
    Q_PROPERTY(QStringList allyTeams READ allyTeams WRITE setAllyTeams NOTIFY allyTeamsChanged)
    Q_PROPERTY(QString spectators READ spectators WRITE setSpectators NOTIFY spectatorsChanged)
    Q_PROPERTY(QStringList availableEngines READ availableEngines NOTIFY availableEnginesChanged)
    // Suggestions: the games and maps found in the host's data directories (the engine may not need them, see
    // startPosType).
    Q_PROPERTY(QStringList games READ games NOTIFY contentChanged)
    Q_PROPERTY(QStringList maps READ maps NOTIFY contentChanged)
    Q_PROPERTY(bool scanning READ scanning NOTIFY scanningChanged)
    // Field → message: "engineVersion", "gameName", "mapName", "allyTeams" (no ally team at all),
    // "allyTeams.<i>" and "spectators" (several messages for one list are joined by line breaks), "form" for
    // a problem no field explains (not expected). Besides the request decoder's rules, the engine must be one
    // of availableEngines. Empty until validate() or start(); from then on every edit validates again, so the
    // messages follow the fields. Problems the host finds that the form did not (its engines changed) land
    // here too.
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY errorsChanged)
    // A start is under way.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // The last battle started from this form, what a host hands out so that players can join: battleId, host,
    // port, engineVersion, gameName, mapName and players [{name, password, allyTeam (-1 for spectators),
    // spectator}]. Empty before the first start.
    Q_PROPERTY(QVariantMap lastResult READ lastResult NOTIFY lastResultChanged)

public:
    // Offers what the mirror's localBattle section tells, and starts battles through its backend.
    explicit LocalBattleForm(HostMirror *mirror, QObject *parent = nullptr);

    QString engineVersion() const { return m_engineVersion; }
    void setEngineVersion(const QString &version);
    QString gameName() const { return m_gameName; }
    void setGameName(const QString &name);
    QString mapName() const { return m_mapName; }
    void setMapName(const QString &name);
    QString startPosType() const { return m_startPosType; }
    void setStartPosType(const QString &type);
    QStringList allyTeams() const { return m_allyTeams; }
    void setAllyTeams(const QStringList &allyTeams);
    QString spectators() const { return m_spectators; }
    void setSpectators(const QString &spectators);
    QStringList availableEngines() const { return m_availableEngines; }
    QStringList games() const { return m_games; }
    QStringList maps() const { return m_maps; }
    bool scanning() const { return m_scanning; }
    QVariantMap errors() const { return m_errors; }
    bool busy() const { return m_busy; }
    QVariantMap lastResult() const { return m_lastResult; }

    Q_INVOKABLE void addAllyTeam();
    Q_INVOKABLE void removeAllyTeam(int index);
    Q_INVOKABLE void setAllyTeam(int index, const QString &names);
    // Two ally teams, "Player1" against "Player2" (valid names: no white space), no spectators.
    Q_INVOKABLE void resetPlayers();
    // Fills errors; true when the form describes a battle that can be requested.
    Q_INVOKABLE bool validate();
    // Validates, then asks the host to start the battle: started or startFailed follows (startFailed at once
    // for an invalid form or while busy).
    Q_INVOKABLE void start();
    // Asks the host to scan its data directories again (the configured engineDataDirs and the engine's usual
    // ones); scanning, games and maps follow.
    Q_INVOKABLE void scanContent();
    // A client start script for player playerIndex of lastResult's players: what that player passes to the
    // engine (spring <script>) to join. Empty when there is no such player.
    Q_INVOKABLE QString joinScript(int playerIndex) const;

    // The plan the fields describe.
    LocalBattlePlan plan() const;

    // Names from a player list text: split at commas and line breaks, trimmed, empty ones dropped.
    static QStringList splitNames(const QString &text);
    // The form's errors for the details of a refused startLocalBattle ("data.mapName: must not be empty;
    // data.allyTeams[1][0]: …"), or nothing unless every problem names a field of the form.
    static std::optional<QVariantMap> fieldErrors(const QString &details);

signals:
    void engineVersionChanged();
    void gameNameChanged();
    void mapNameChanged();
    void startPosTypeChanged();
    void allyTeamsChanged();
    void spectatorsChanged();
    void availableEnginesChanged();
    void contentChanged();
    void scanningChanged();
    void errorsChanged();
    void busyChanged();
    void lastResultChanged();
    void started(const QString &battleId);
    void startFailed(const QString &reason);

private:
    void updateFromMirror();
    // sent: the request reached the link (else the answer came without asking the host).
    void finishStart(const AutohostBackend::Answer &answer, bool sent);
    // After an edit: errors follow the fields once they are shown.
    void edited();
    void setErrors(const QVariantMap &errors);
    void setBusy(bool busy);

    QPointer<HostMirror> m_mirror;
    QString m_engineVersion;
    bool m_engineChosen = false;
    QString m_gameName;
    QString m_mapName;
    // Choosing start positions in game (StartPosType 2) lets the host run without the map: spring-dedicated
    // needs neither game nor map with types 2 and 3 and dummy hashes, while 0 and 1 make it load the map for
    // its start positions (real-engine notes §2). A host usually has no content installed.
    QString m_startPosType = QString::fromLatin1(LocalBattlePlan::ChooseInGame);
    QStringList m_allyTeams;
    QString m_spectators;
    QStringList m_availableEngines;
    QStringList m_games;
    QStringList m_maps;
    bool m_scanning = false;
    QVariantMap m_errors;
    bool m_showErrors = false;
    bool m_busy = false;
    QVariantMap m_lastResult;
};
