#pragma once

#include <functional>
#include <optional>

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include "protocol/autohostrequests.h"
#include "util/result.h"

class QRandomGenerator;

// A battle the operator starts on this machine without a Tachyon server: who plays with whom, and what. It
// becomes an autohost/start request that has passed the very RequestDecoder a server's request passes, so a
// local battle obeys exactly the rules of a served one (names are tokens, unique case-insensitively across
// players and spectators, every ally team has a player, engine/game/map non-empty and script-safe, …).
// Every player is a team of their own; userIds are "1", "2", … in the order players then spectators (decimal
// integers as Teiserver sends them); passwords are generated.
struct LocalBattlePlan
{
    // Where a plan is wrong, in the form's terms, so that a GUI can show it next to the field.
    struct Problem
    {
        // "engineVersion", "gameName", "mapName", "startPosType", "allyTeams" (the list as a whole),
        // "allyTeams.<i>" (ally team i, from 0) or "spectators"; empty for a problem no field explains.
        QString field;
        int entry = -1;      // the player's index in the ally team or the spectators; -1: the field itself
        QString message;     // for an entry it names the player: "\"Bo b\": must not contain white space"
        QString requestPath; // the field of the start request the decoder refused, for logs

        bool operator==(const Problem &) const = default;
    };

    using PasswordSource = std::function<QString()>;

    // The names of the start position types, as the desktop form and the admin API's startLocalBattle take
    // them.
    static constexpr auto Fixed = "fixed";
    static constexpr auto Random = "random";
    static constexpr auto ChooseInGame = "chooseInGame";
    static constexpr auto ChooseBeforeGame = "chooseBeforeGame";

    QString engineVersion;
    QString gameName;
    QString mapName;
    // Ingame needs neither the map nor the game on the host (real-engine notes §2).
    StartPosType startPosType = StartPosType::Ingame;
    QList<QStringList> allyTeams; // player names per ally team
    QStringList spectators;

    // The request with a new random battle id, or the first problem.
    Result<StartRequest, Problem> toStartRequest(const PasswordSource &passwords = systemPasswords()) const;
    // Every field's problems (the first one per player entry and per other field), in the decoder's order.
    QList<Problem> problems() const;
    // The problems of a start on a host with these engines: problems(), then, unless the engine version is
    // wrong already, an engine that is not one of availableEngines.
    QList<Problem> problems(const QStringList &availableEngines) const;

    // The start position type of one of the names above.
    static std::optional<StartPosType> startPosTypeNamed(const QString &name);
    // The newest of engine versions, what a plan runs without a chosen one: by their leading version numbers
    // (2025.06.22 > 106.0 > 99.1), then as text.
    static QString newestVersion(const QStringList &versions);
    // The address players connect to: hostingIP if configured; else the address the engines are bound to if
    // it is a specific one; else the first IPv4 address of the machine that is neither loopback nor
    // link-local; else 127.0.0.1.
    static QString hostAddress(const QString &hostingIp, const QString &engineBindIp,
                               const QList<QHostAddress> &machineAddresses);
    // The addresses of this machine's interfaces that are up, loopback ones excluded.
    static QList<QHostAddress> machineAddresses();

    // Passwords are 16 characters of PasswordAlphabet, which leaves out look-alikes (0/O/o, 1/l/I) because
    // players may have to type them.
    static constexpr qsizetype PasswordLength = 16;
    static const QString PasswordAlphabet;
    static QString randomPassword(QRandomGenerator &generator);
    // Passwords from QRandomGenerator::system().
    static PasswordSource systemPasswords();
};
