#include "local/localbattleplan.h"

#include <algorithm>

#include <QNetworkInterface>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>
#include <QVersionNumber>

#include "protocol/json.h"
#include "protocol/requestdecoder.h"
#include "protocol/tachyonmessage.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

const QString LocalBattlePlan::PasswordAlphabet =
    u"23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"_s;

namespace
{
using Problem = LocalBattlePlan::Problem;

const QList<QPair<QString, StartPosType>> &startPosTypes()
{
    static const QList<QPair<QString, StartPosType>> types = {
        {QString::fromLatin1(LocalBattlePlan::Fixed), StartPosType::Fixed},
        {QString::fromLatin1(LocalBattlePlan::Random), StartPosType::Random},
        {QString::fromLatin1(LocalBattlePlan::ChooseInGame), StartPosType::Ingame},
        {QString::fromLatin1(LocalBattlePlan::ChooseBeforeGame), StartPosType::BeforeGame},
    };
    return types;
}

std::string startPosTypeName(StartPosType type)
{
    switch (type)
    {
    case StartPosType::Fixed:
        return "fixed";
    case StartPosType::Random:
        return "random";
    case StartPosType::Ingame:
        return "ingame";
    case StartPosType::BeforeGame:
        return "beforegame";
    }
    return "ingame";
}

Json playerJson(int userId, const QString &name, const QString &password)
{
    Json player = Json::object();
    player["userId"] = toStdString(QString::number(userId));
    player["name"] = toStdString(name);
    player["password"] = toStdString(password);
    return player;
}

// The autohost/start request a server would send for the plan.
Json requestJson(const LocalBattlePlan &plan, const QUuid &battleId,
                 const LocalBattlePlan::PasswordSource &passwords)
{
    int userId = 1;
    Json allyTeams = Json::array();
    for (const QStringList &names : plan.allyTeams)
    {
        Json teams = Json::array();
        for (const QString &name : names)
        {
            Json team = Json::object();
            team["players"] = Json::array({playerJson(userId++, name, passwords())});
            teams.push_back(std::move(team));
        }
        Json allyTeam = Json::object();
        allyTeam["teams"] = std::move(teams);
        allyTeams.push_back(std::move(allyTeam));
    }
    Json spectators = Json::array();
    for (const QString &name : plan.spectators)
    {
        spectators.push_back(playerJson(userId++, name, passwords()));
    }
    Json data = Json::object();
    data["battleId"] = toStdString(uuidText(battleId));
    data["engineVersion"] = toStdString(plan.engineVersion);
    data["gameName"] = toStdString(plan.gameName);
    data["mapName"] = toStdString(plan.mapName);
    data["startPosType"] = startPosTypeName(plan.startPosType);
    data["allyTeams"] = std::move(allyTeams);
    data["spectators"] = std::move(spectators);
    return TachyonMessage::makeRequest(u"autohost/start"_s, TachyonMessage::newMessageId(), data);
}

// Request paths inside a decoder message ("duplicates name \"Bob\" of data.allyTeams[0].teams[1].players[0]")
// in the form's words.
QString formWords(QString message)
{
    static const QRegularExpression player(
        u"data\\.allyTeams\\[(\\d+)\\]\\.teams\\[\\d+\\]\\.players\\[\\d+\\]"_s);
    static const QRegularExpression spectator(u"data\\.spectators\\[\\d+\\]"_s);
    QRegularExpressionMatch match;
    while ((match = player.match(message)).hasMatch())
    {
        message.replace(match.capturedStart(), match.capturedLength(),
                        u"ally team %1"_s.arg(match.captured(1).toInt() + 1));
    }
    return message.replace(spectator, u"the spectators"_s);
}

QString entryMessage(const QString &name, const QString &member, const QString &message)
{
    const QString subject =
        member.isEmpty() || member == u"name" ? u"\"%1\""_s.arg(name) : u"\"%1\" (%2)"_s.arg(name, member);
    return subject + u": "_s + formWords(message);
}

// Where the decoder's first problem lies in the plan.
Problem locate(const LocalBattlePlan &plan, const FieldError &error)
{
    static const QRegularExpression topLevel(u"^data\\.(engineVersion|gameName|mapName|startPosType)$"_s);
    static const QRegularExpression allyTeam(u"^data\\.allyTeams\\[(\\d+)\\](?:\\.teams)?$"_s);
    static const QRegularExpression player(
        u"^data\\.allyTeams\\[(\\d+)\\]\\.teams\\[(\\d+)\\]\\.players\\[0\\](?:\\.(\\w+))?$"_s);
    static const QRegularExpression spectator(u"^data\\.spectators\\[(\\d+)\\](?:\\.(\\w+))?$"_s);

    Problem problem{QString(), -1, formWords(error.message), error.path};
    QRegularExpressionMatch match;
    if ((match = topLevel.match(error.path)).hasMatch())
    {
        problem.field = match.captured(1);
    }
    else if (error.path == u"data.allyTeams")
    {
        problem.field = u"allyTeams"_s;
        problem.message = u"must have at least one ally team"_s;
    }
    else if ((match = allyTeam.match(error.path)).hasMatch())
    {
        problem.field = u"allyTeams."_s + match.captured(1);
        problem.message = u"must have at least one player"_s;
    }
    else if ((match = player.match(error.path)).hasMatch())
    {
        const int index = match.captured(1).toInt();
        problem.field = u"allyTeams."_s + match.captured(1);
        problem.entry = match.captured(2).toInt();
        problem.message =
            entryMessage(plan.allyTeams.value(index).value(problem.entry), match.captured(3), error.message);
    }
    else if ((match = spectator.match(error.path)).hasMatch())
    {
        problem.field = u"spectators"_s;
        problem.entry = match.captured(1).toInt();
        problem.message =
            entryMessage(plan.spectators.value(problem.entry), match.captured(2), error.message);
    }
    return problem;
}

Result<StartRequest, Problem> decode(const LocalBattlePlan &plan,
                                     const LocalBattlePlan::PasswordSource &passwords)
{
    auto decoded = RequestDecoder::start(requestJson(plan, QUuid::createUuid(), passwords));
    if (!decoded)
    {
        return fail(locate(plan, decoded.error()));
    }
    return std::move(decoded).value();
}

// A name no form entry can collide with, to stand in for a refused one.
QString standInName()
{
    return u"stand-in-"_s + QUuid::createUuid().toString(QUuid::Id128);
}

// Replaces what the problem refers to with something valid; false when there is nothing to replace.
bool standIn(LocalBattlePlan &plan, const Problem &problem)
{
    if (problem.field == u"engineVersion")
    {
        plan.engineVersion = u"0"_s;
    }
    else if (problem.field == u"gameName")
    {
        plan.gameName = u"game"_s;
    }
    else if (problem.field == u"mapName")
    {
        plan.mapName = u"map"_s;
    }
    else if (problem.field == u"allyTeams")
    {
        plan.allyTeams.append(QStringList{standInName()});
    }
    else if (problem.field.startsWith(u"allyTeams."))
    {
        QStringList &names = plan.allyTeams[problem.field.mid(10).toInt()];
        if (problem.entry < 0)
        {
            names.append(standInName());
        }
        else
        {
            names[problem.entry] = standInName();
        }
    }
    else if (problem.field == u"spectators" && problem.entry >= 0)
    {
        plan.spectators[problem.entry] = standInName();
    }
    else
    {
        return false;
    }
    return true;
}
} // namespace

Result<StartRequest, Problem> LocalBattlePlan::toStartRequest(const PasswordSource &passwords) const
{
    return decode(*this, passwords);
}

QList<Problem> LocalBattlePlan::problems() const
{
    // The decoder stops at the first problem: each one found is replaced by a valid stand-in and the plan
    // decoded again, so a form can mark every wrong field at once. Each round fixes one field or entry.
    QList<Problem> found;
    LocalBattlePlan working = *this;
    qsizetype rounds = 8 + allyTeams.size() + spectators.size();
    for (const QStringList &names : allyTeams)
    {
        rounds += names.size();
    }
    while (rounds-- > 0)
    {
        const auto decoded = decode(working, [] { return u"password"_s; });
        if (decoded)
        {
            break;
        }
        found.append(decoded.error());
        if (!standIn(working, decoded.error()))
        {
            break;
        }
    }
    return found;
}

QList<Problem> LocalBattlePlan::problems(const QStringList &availableEngines) const
{
    QList<Problem> found = problems();
    const bool versionWrong =
        std::any_of(found.cbegin(), found.cend(),
                    [](const Problem &problem) { return problem.field == u"engineVersion"; });
    if (!versionWrong && !availableEngines.contains(engineVersion))
    {
        found.append({u"engineVersion"_s, -1,
                      availableEngines.isEmpty()
                          ? u"is not installed (no engine is)"_s
                          : u"is not installed (available: %1)"_s.arg(availableEngines.join(u", "_s)),
                      u"data.engineVersion"_s});
    }
    return found;
}

std::optional<StartPosType> LocalBattlePlan::startPosTypeNamed(const QString &name)
{
    const auto &types = startPosTypes();
    const auto type = std::find_if(types.cbegin(), types.cend(),
                                   [&name](const auto &known) { return known.first == name; });
    return type == types.cend() ? std::nullopt : std::optional(type->second);
}

QString LocalBattlePlan::newestVersion(const QStringList &versions)
{
    const auto older = [](const QString &a, const QString &b)
    {
        const int numbers =
            QVersionNumber::compare(QVersionNumber::fromString(a), QVersionNumber::fromString(b));
        return numbers != 0 ? numbers < 0 : a < b;
    };
    const auto newest = std::max_element(versions.cbegin(), versions.cend(), older);
    return newest == versions.cend() ? QString() : *newest;
}

QString LocalBattlePlan::hostAddress(const QString &hostingIp, const QString &engineBindIp,
                                     const QList<QHostAddress> &machineAddresses)
{
    if (!hostingIp.trimmed().isEmpty())
    {
        return hostingIp.trimmed();
    }
    const QHostAddress bound(engineBindIp);
    if (!bound.isNull() && bound != QHostAddress::AnyIPv4 && bound != QHostAddress::AnyIPv6 &&
        bound != QHostAddress::Any)
    {
        return bound.toString();
    }
    const auto usable = std::find_if(machineAddresses.cbegin(), machineAddresses.cend(),
                                     [](const QHostAddress &address)
                                     {
                                         return address.protocol() == QAbstractSocket::IPv4Protocol &&
                                                !address.isLoopback() && !address.isLinkLocal();
                                     });
    return usable == machineAddresses.cend() ? u"127.0.0.1"_s : usable->toString();
}

QList<QHostAddress> LocalBattlePlan::machineAddresses()
{
    QList<QHostAddress> addresses;
    for (const QNetworkInterface &interface : QNetworkInterface::allInterfaces())
    {
        const auto flags = interface.flags();
        if (!flags.testFlag(QNetworkInterface::IsUp) || !flags.testFlag(QNetworkInterface::IsRunning) ||
            flags.testFlag(QNetworkInterface::IsLoopBack))
        {
            continue;
        }
        for (const QNetworkAddressEntry &entry : interface.addressEntries())
        {
            addresses.append(entry.ip());
        }
    }
    return addresses;
}

QString LocalBattlePlan::randomPassword(QRandomGenerator &generator)
{
    QString password;
    password.reserve(PasswordLength);
    for (qsizetype i = 0; i < PasswordLength; ++i)
    {
        password.append(PasswordAlphabet.at(qsizetype(generator.bounded(int(PasswordAlphabet.size())))));
    }
    return password;
}

LocalBattlePlan::PasswordSource LocalBattlePlan::systemPasswords()
{
    return []
    {
        return randomPassword(*QRandomGenerator::system());
    };
}
