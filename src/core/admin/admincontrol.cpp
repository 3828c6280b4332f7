#include "admin/admincontrol.h"

#include <QHash>

#include "admin/adminjson.h"
#include "autohostservice.h"
#include "battles/battlerequests.h"
#include "local/localbattleplan.h"
#include "logging.h"
#include "logrecorder.h"
#include "protocol/fieldreader.h"
#include "protocol/requestdecoder.h"
#include "protocol/tachyonmessage.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

const QString AdminControl::UnknownAction = u"unknown_action"_s;
const QString AdminControl::NotAvailable = u"not_available"_s;

namespace
{
using Answer = AdminControl::Answer;
using Presence = FieldReader::Presence;

RequestFailure invalid(const QString &details)
{
    return RequestFailure{FailureReason::InvalidRequest, details};
}

// The data object; absent data counts as an empty object where every member is optional.
const Json *dataObject(FieldReader &r, const std::optional<Json> &data, Presence presence)
{
    static const Json empty = Json::object();
    if (!data)
    {
        if (presence == Presence::Required)
        {
            r.fail(u"data"_s, u"is required"_s);
            return nullptr;
        }
        return &empty;
    }
    return r.object(&*data, u"data"_s);
}

// How many entries a read returns, and below which position it starts (both optional).
struct ReadWindow
{
    int limit = AdminControl::DefaultReadLimit;
    qint64 before = std::numeric_limits<qint64>::max();
};

ReadWindow readWindow(FieldReader &r, const Json &data)
{
    ReadWindow window;
    if (const auto limit = r.integer(data, u"data"_s, "limit", Presence::Optional))
    {
        if (*limit < 1 || *limit > AdminControl::MaxReadLimit)
        {
            r.fail(u"data.limit"_s, u"must be from 1 to %1"_s.arg(AdminControl::MaxReadLimit));
        }
        window.limit = int(*limit);
    }
    window.before = r.integer(data, u"data"_s, "before", Presence::Optional).value_or(window.before);
    return window;
}

// Names, from an array of strings.
QStringList names(FieldReader &r, const Json *array, const QString &path)
{
    QStringList found;
    for (qsizetype i = 0; array && i < qsizetype(array->size()) && !r.failed(); ++i)
    {
        if (const auto name = r.string(&(*array)[size_t(i)], FieldReader::indexPath(path, i)))
        {
            found.append(*name);
        }
    }
    return found;
}

// Where a plan's problem lies in the control's data.
QString problemPath(const LocalBattlePlan::Problem &problem)
{
    if (problem.field.isEmpty())
    {
        return u"data"_s;
    }
    const qsizetype dot = problem.field.indexOf(u'.');
    QString path = u"data."_s + problem.field.left(dot);
    if (dot >= 0)
    {
        path += u'[' + problem.field.mid(dot + 1) + u']';
    }
    if (problem.entry >= 0)
    {
        path += u'[' + QString::number(problem.entry) + u']';
    }
    return path;
}

// What players need to join a started local battle (the form's "players join at" panel).
Json joinData(const StartRequest &request, const QString &host, quint16 port)
{
    Json players = Json::array();
    const auto add = [&players](const PlayerSpec &player, int allyTeam)
    {
        players.push_back({{"name", toStdString(player.name)},
                           {"password", toStdString(player.password)},
                           {"allyTeam", allyTeam},
                           {"spectator", allyTeam < 0}});
    };
    for (qsizetype a = 0; a < request.allyTeams.size(); ++a)
    {
        for (const TeamSpec &team : request.allyTeams.at(a).teams)
        {
            for (const PlayerSpec &player : team.players)
            {
                add(player, int(a));
            }
        }
    }
    for (const PlayerSpec &spectator : request.spectators)
    {
        add(spectator, -1);
    }
    return {{"battleId", toStdString(uuidText(request.battleId))},
            {"host", toStdString(host)},
            {"port", port},
            {"engineVersion", toStdString(request.engineVersion)},
            {"gameName", toStdString(request.gameName)},
            {"mapName", toStdString(request.mapName)},
            {"players", std::move(players)}};
}

QString installName(EngineInstaller::Request request)
{
    switch (request)
    {
    case EngineInstaller::Request::Started:
        return u"started"_s;
    case EngineInstaller::Request::AlreadyInstalled:
        return u"alreadyInstalled"_s;
    case EngineInstaller::Request::AlreadyInstalling:
        return u"alreadyInstalling"_s;
    case EngineInstaller::Request::InvalidVersion:
        break;
    }
    return {};
}
} // namespace

AdminControl::AdminControl(AutohostService *service, LogRecorder *recorder, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_recorder(recorder)
    , m_passwords(LocalBattlePlan::systemPasswords())
    , m_killReason(u"killed through the admin endpoint"_s)
{
}

const QStringList &AdminControl::actions()
{
    static const QStringList actions = {u"kill"_s,        u"kick"_s,
                                        u"spec"_s,        u"mute"_s,
                                        u"addPlayer"_s,   u"sendMessage"_s,
                                        u"sendCommand"_s, u"installEngine"_s,
                                        u"drain"_s,       u"startLocalBattle"_s,
                                        u"scanContent"_s, u"feed"_s,
                                        u"log"_s};
    return actions;
}

void AdminControl::setPasswordSource(std::function<QString()> passwords)
{
    m_passwords = std::move(passwords);
}

void AdminControl::setKillReason(const QString &reason)
{
    m_killReason = reason;
}

void AdminControl::perform(const QString &action, const std::optional<Json> &data, Handler handler)
{
    static const QHash<QString, QString> battleCommands = {
        {u"kill"_s, u"autohost/kill"_s},
        {u"kick"_s, u"autohost/kickPlayer"_s},
        {u"spec"_s, u"autohost/specPlayers"_s},
        {u"mute"_s, u"autohost/mutePlayer"_s},
        {u"sendMessage"_s, u"autohost/sendMessage"_s},
        {u"sendCommand"_s, u"autohost/sendCommand"_s},
    };
    if (const auto command = battleCommands.constFind(action); command != battleCommands.cend())
    {
        handler(battleRequest(*command, data));
    }
    else if (action == u"addPlayer")
    {
        handler(addPlayer(data));
    }
    else if (action == u"installEngine")
    {
        handler(installEngine(data));
    }
    else if (action == u"drain")
    {
        handler(drain(data));
    }
    else if (action == u"feed")
    {
        handler(feed(data));
    }
    else if (action == u"log")
    {
        handler(log(data));
    }
    else if (action == u"startLocalBattle")
    {
        startLocalBattle(data, std::move(handler));
    }
    else if (action == u"scanContent")
    {
        m_service->content()->scan();
        handler(Json::object());
    }
    else
    {
        handler(fail(RequestFailure{
            UnknownAction, u"action: \"%1\" is not one of %2"_s.arg(action, actions().join(u", "_s))}));
    }
}

Answer AdminControl::battleRequest(const QString &command, const std::optional<Json> &data)
{
    const auto done = BattleRequests::apply(*m_service->battles(), command, data, m_killReason);
    if (!done)
    {
        return fail(done.error());
    }
    return Json::object();
}

Answer AdminControl::addPlayer(const std::optional<Json> &data)
{
    const auto added = BattleRequests::addGeneratedPlayer(*m_service->battles(), data, m_passwords);
    if (!added)
    {
        return fail(added.error());
    }
    return Json{{"userId", toStdString(added->userId)}, {"password", toStdString(added->password)}};
}

Answer AdminControl::installEngine(const std::optional<Json> &data)
{
    const auto decoded = RequestDecoder::installEngine(
        TachyonMessage::makeRequest(u"autohost/installEngine"_s, u"admin"_s, data));
    if (!decoded)
    {
        return fail(invalid(decoded.error().toString()));
    }
    const QString install = installName(m_service->installEngine(decoded->version));
    if (install.isEmpty())
    {
        return fail(invalid(u"data.version: \"%1\" cannot name an engine directory"_s.arg(decoded->version)));
    }
    return Json{{"version", toStdString(decoded->version)}, {"install", toStdString(install)}};
}

Answer AdminControl::drain(const std::optional<Json> &data)
{
    FieldReader r;
    const Json *object = dataObject(r, data, Presence::Required);
    const std::optional<bool> field =
        object ? r.boolean(*object, u"data"_s, "enabled", Presence::Required) : std::nullopt;
    if (r.failed())
    {
        return fail(invalid(r.error().toString()));
    }
    // A required field that did not fail is present.
    const bool enabled = field.value_or(false);
    BattleManager *battles = m_service->battles();
    if (m_service->shuttingDown())
    {
        // Shutting down drains already; its refusal, which says so, stays.
        if (!enabled)
        {
            return fail(invalid(u"data.enabled: the autohost is shutting down and accepts no new battles"_s));
        }
        return Json{{"draining", true}, {"maxBattles", battles->maxBattles()}};
    }
    if (battles->accepting() == enabled)
    {
        qCInfo(lcAdmin).noquote() << (enabled ? u"draining: no new battles are accepted"_s
                                              : u"draining ended: new battles are accepted"_s);
    }
    battles->setAccepting(!enabled);
    return Json{{"draining", !battles->accepting()}, {"maxBattles", battles->maxBattles()}};
}

Answer AdminControl::feed(const std::optional<Json> &data) const
{
    FieldReader r;
    const Json *object = dataObject(r, data, Presence::Required);
    if (!object)
    {
        return fail(invalid(r.error().toString()));
    }
    const auto battleId = RequestDecoder::battleIdOf(*object);
    if (!battleId)
    {
        return fail(invalid(battleId.error().toString()));
    }
    const ReadWindow window = readWindow(r, *object);
    if (r.failed())
    {
        return fail(invalid(r.error().toString()));
    }
    const UpdateBuffer *updates = m_service->updates();
    QList<const UpdateBuffer::Entry *> newestFirst;
    bool more = false;
    updates->visitBackwards(window.before,
                            [&](const UpdateBuffer::Entry &entry)
                            {
                                if (entry.battleId != *battleId)
                                {
                                    return true;
                                }
                                if (newestFirst.size() == window.limit)
                                {
                                    more = true;
                                    return false;
                                }
                                newestFirst.append(&entry);
                                return true;
                            });
    if (newestFirst.isEmpty() && !m_service->battles()->find(*battleId).ok())
    {
        // Neither running nor in the buffer before `before`; it may still have later updates.
        bool known = false;
        updates->visitBackwards(std::numeric_limits<qint64>::max(),
                                [&known, &battleId](const UpdateBuffer::Entry &entry)
                                {
                                    known = entry.battleId == *battleId;
                                    return !known;
                                });
        if (!known)
        {
            return fail(
                RequestFailure{BattleRequests::BattleNotFound,
                               u"data.battleId: battle %1 does not exist"_s.arg(uuidText(*battleId))});
        }
    }
    Json entries = Json::array();
    for (auto it = newestFirst.crbegin(); it != newestFirst.crend(); ++it)
    {
        entries.push_back(UpdateBuffer::eventData(**it));
    }
    return Json{
        {"battleId", toStdString(uuidText(*battleId))}, {"updates", std::move(entries)}, {"more", more}};
}

Answer AdminControl::log(const std::optional<Json> &data) const
{
    FieldReader r;
    const Json *object = dataObject(r, data, Presence::Optional);
    const ReadWindow window = object ? readWindow(r, *object) : ReadWindow();
    if (r.failed())
    {
        return fail(invalid(r.error().toString()));
    }
    if (!m_recorder)
    {
        return fail(RequestFailure{NotAvailable, u"this autohost keeps no log lines"_s});
    }
    const QList<LogRecord> records = m_recorder->records();
    auto end = records.cend();
    while (end != records.cbegin() && std::prev(end)->sequence >= window.before)
    {
        --end;
    }
    const auto begin = end - std::min<qsizetype>(window.limit, end - records.cbegin());
    Json lines = Json::array();
    for (auto it = begin; it != end; ++it)
    {
        lines.push_back(AdminJson::logRecord(*it));
    }
    return Json{{"records", std::move(lines)}, {"more", begin != records.cbegin()}};
}

void AdminControl::startLocalBattle(const std::optional<Json> &data, Handler handler)
{
    FieldReader r;
    const Json *object = dataObject(r, data, Presence::Required);
    if (!object)
    {
        return handler(fail(invalid(r.error().toString())));
    }
    const QString path = u"data"_s;
    const QStringList versions = m_service->engines()->versions();
    LocalBattlePlan plan;
    const auto version = r.string(*object, path, "engineVersion", Presence::Optional);
    plan.engineVersion = version && !version->isEmpty() ? *version : LocalBattlePlan::newestVersion(versions);
    plan.gameName = r.string(*object, path, "gameName", Presence::Required).value_or(QString());
    plan.mapName = r.string(*object, path, "mapName", Presence::Required).value_or(QString());
    if (const auto type = r.string(*object, path, "startPosType", Presence::Optional))
    {
        if (const auto named = LocalBattlePlan::startPosTypeNamed(*type))
        {
            plan.startPosType = *named;
        }
        else
        {
            r.fail(u"data.startPosType"_s, u"must be one of \"%1\", \"%2\", \"%3\", \"%4\""_s.arg(
                                               QString::fromLatin1(LocalBattlePlan::Fixed),
                                               QString::fromLatin1(LocalBattlePlan::Random),
                                               QString::fromLatin1(LocalBattlePlan::ChooseInGame),
                                               QString::fromLatin1(LocalBattlePlan::ChooseBeforeGame)));
        }
    }
    const Json *allyTeams = r.array(*object, path, "allyTeams", Presence::Required);
    for (qsizetype i = 0; allyTeams && i < qsizetype(allyTeams->size()) && !r.failed(); ++i)
    {
        const QString teamPath = FieldReader::indexPath(u"data.allyTeams"_s, i);
        plan.allyTeams.append(names(r, r.array(&(*allyTeams)[size_t(i)], teamPath), teamPath));
    }
    plan.spectators =
        names(r, r.array(*object, path, "spectators", Presence::Optional), u"data.spectators"_s);
    if (r.failed())
    {
        return handler(fail(invalid(r.error().toString())));
    }
    const QList<LocalBattlePlan::Problem> problems = plan.problems(versions);
    if (!problems.isEmpty())
    {
        QStringList details;
        for (const LocalBattlePlan::Problem &problem : problems)
        {
            details.append(problemPath(problem) + u": "_s + problem.message);
        }
        return handler(fail(invalid(details.join(u"; "_s))));
    }
    const auto request = plan.toStartRequest(m_passwords);
    if (!request)
    {
        return handler(fail(invalid(problemPath(request.error()) + u": "_s + request.error().message)));
    }
    const Config &config = m_service->config();
    const QString host = LocalBattlePlan::hostAddress(config.hostingIP, config.engineBindIP,
                                                      LocalBattlePlan::machineAddresses());
    m_service->startLocalBattle(*request,
                                [startRequest = *request, host, handler = std::move(handler)](
                                    const Result<BattleManager::StartSuccess, RequestFailure> &started)
                                {
                                    if (!started)
                                    {
                                        return handler(fail(started.error()));
                                    }
                                    handler(joinData(startRequest, host, started->port));
                                });
}
