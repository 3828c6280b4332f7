#include "local/localbattleform.h"

#include <memory>

#include <QRegularExpression>

#include "backend/hostmirror.h"
#include "backend/mirrorrowmodel.h"
#include "logging.h"
#include "protocol/tachyonmessage.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
using Kind = MirrorRowModel::Kind;

QVariant member(const Json &object, const char *name, Kind kind)
{
    const auto found = object.is_object() ? object.find(name) : object.end();
    return MirrorRowModel::toValue(found != object.end() ? *found : Json(), kind);
}

// lastResult's map of a startLocalBattle answer (docs/admin-api.md).
QVariantMap joinData(const Json &answer)
{
    QVariantList players;
    static const Json none;
    const auto list = answer.is_object() ? answer.find("players") : answer.end();
    for (const Json &player : arrayOrEmpty(list != answer.end() ? *list : none))
    {
        players.append(QVariantMap{{u"name"_s, member(player, "name", Kind::Text)},
                                   {u"password"_s, member(player, "password", Kind::Text)},
                                   {u"allyTeam"_s, member(player, "allyTeam", Kind::Int)},
                                   {u"spectator"_s, member(player, "spectator", Kind::Bool)}});
    }
    return {{u"battleId"_s, member(answer, "battleId", Kind::Text)},
            {u"host"_s, member(answer, "host", Kind::Text)},
            {u"port"_s, member(answer, "port", Kind::Int)},
            {u"engineVersion"_s, member(answer, "engineVersion", Kind::Text)},
            {u"gameName"_s, member(answer, "gameName", Kind::Text)},
            {u"mapName"_s, member(answer, "mapName", Kind::Text)},
            {u"players"_s, players}};
}

Json nameList(const QStringList &names)
{
    Json list = Json::array();
    for (const QString &name : names)
    {
        list.push_back(toStdString(name));
    }
    return list;
}

// Adds a message to a field's, one per line.
void addError(QVariantMap &errors, const QString &field, const QString &message)
{
    const QString earlier = errors.value(field).toString();
    errors.insert(field, earlier.isEmpty() ? message : earlier + u'\n' + message);
}
} // namespace

LocalBattleForm::LocalBattleForm(HostMirror *mirror, QObject *parent)
    : QObject(parent)
    , m_mirror(mirror)
{
    connect(mirror, &HostMirror::localBattleChanged, this, &LocalBattleForm::updateFromMirror);
    updateFromMirror();
    resetPlayers();
}

void LocalBattleForm::setEngineVersion(const QString &version)
{
    m_engineChosen = !version.isEmpty();
    if (!m_engineChosen)
    {
        return updateFromMirror();
    }
    if (version != m_engineVersion)
    {
        m_engineVersion = version;
        emit engineVersionChanged();
        edited();
    }
}

void LocalBattleForm::setGameName(const QString &name)
{
    if (name != m_gameName)
    {
        m_gameName = name;
        emit gameNameChanged();
        edited();
    }
}

void LocalBattleForm::setMapName(const QString &name)
{
    if (name != m_mapName)
    {
        m_mapName = name;
        emit mapNameChanged();
        edited();
    }
}

void LocalBattleForm::setStartPosType(const QString &type)
{
    if (!LocalBattlePlan::startPosTypeNamed(type))
    {
        qCWarning(lcBattle).noquote()
            << u"local battle form: unknown start position type \"%1\" ignored"_s.arg(type);
        return;
    }
    if (type != m_startPosType)
    {
        m_startPosType = type;
        emit startPosTypeChanged();
        edited();
    }
}

void LocalBattleForm::setAllyTeams(const QStringList &allyTeams)
{
    if (allyTeams != m_allyTeams)
    {
        m_allyTeams = allyTeams;
        emit allyTeamsChanged();
        edited();
    }
}

void LocalBattleForm::setSpectators(const QString &spectators)
{
    if (spectators != m_spectators)
    {
        m_spectators = spectators;
        emit spectatorsChanged();
        edited();
    }
}

void LocalBattleForm::addAllyTeam()
{
    QStringList allyTeams = m_allyTeams;
    allyTeams.append(QString());
    setAllyTeams(allyTeams);
}

void LocalBattleForm::removeAllyTeam(int index)
{
    if (index >= 0 && index < m_allyTeams.size())
    {
        QStringList allyTeams = m_allyTeams;
        allyTeams.removeAt(index);
        setAllyTeams(allyTeams);
    }
}

void LocalBattleForm::setAllyTeam(int index, const QString &names)
{
    if (index >= 0 && index < m_allyTeams.size())
    {
        QStringList allyTeams = m_allyTeams;
        allyTeams[index] = names;
        setAllyTeams(allyTeams);
    }
}

void LocalBattleForm::resetPlayers()
{
    setAllyTeams({u"Player1"_s, u"Player2"_s});
    setSpectators(QString());
}

LocalBattlePlan LocalBattleForm::plan() const
{
    LocalBattlePlan plan;
    plan.engineVersion = m_engineVersion.trimmed();
    plan.gameName = m_gameName.trimmed();
    plan.mapName = m_mapName.trimmed();
    plan.startPosType = LocalBattlePlan::startPosTypeNamed(m_startPosType).value_or(StartPosType::Ingame);
    for (const QString &text : m_allyTeams)
    {
        plan.allyTeams.append(splitNames(text));
    }
    plan.spectators = splitNames(m_spectators);
    return plan;
}

bool LocalBattleForm::validate()
{
    m_showErrors = true;
    QVariantMap errors;
    for (const LocalBattlePlan::Problem &problem : plan().problems(m_availableEngines))
    {
        // A problem no field explains cannot come from the form's own values; it still must not vanish.
        addError(errors, problem.field.isEmpty() ? u"form"_s : problem.field, problem.message);
    }
    setErrors(errors);
    return errors.isEmpty();
}

void LocalBattleForm::start()
{
    if (m_busy)
    {
        emit startFailed(u"a start is already under way"_s);
        return;
    }
    if (!validate())
    {
        emit startFailed(u"the form has errors"_s);
        return;
    }
    AutohostBackend *backend = m_mirror ? m_mirror->backend() : nullptr;
    if (!backend)
    {
        emit startFailed(u"no autohost to start it on"_s);
        return;
    }
    const LocalBattlePlan plan = this->plan();
    Json allyTeams = Json::array();
    for (const QStringList &names : plan.allyTeams)
    {
        allyTeams.push_back(nameList(names));
    }
    const Json data = {{"engineVersion", toStdString(plan.engineVersion)},
                       {"gameName", toStdString(plan.gameName)},
                       {"mapName", toStdString(plan.mapName)},
                       {"startPosType", toStdString(m_startPosType)},
                       {"allyTeams", std::move(allyTeams)},
                       {"spectators", nameList(plan.spectators)}};
    setBusy(true);
    // An answer while perform() runs was known without asking the host: nothing was sent.
    const auto sent = std::make_shared<bool>(false);
    const QPointer<LocalBattleForm> self(this);
    backend->perform(u"startLocalBattle"_s, data,
                     [self, sent](const AutohostBackend::Answer &answer)
                     {
                         if (self)
                         {
                             self->finishStart(answer, *sent);
                         }
                     });
    *sent = true;
}

void LocalBattleForm::finishStart(const AutohostBackend::Answer &answer, bool sent)
{
    setBusy(false);
    if (answer)
    {
        m_lastResult = joinData(*answer);
        emit lastResultChanged();
        emit started(m_lastResult.value(u"battleId"_s).toString());
        return;
    }
    const RequestFailure &failure = answer.error();
    if (failure.reason == AutohostBackend::NotAttached)
    {
        emit startFailed(sent ? u"the link to the autohost broke before it answered (%1); the battles list "
                                u"shows whether the battle started"_s.arg(failure.details)
                              : u"no link to the autohost (%1)"_s.arg(failure.details));
        return;
    }
    // The host may know better than the form, e.g. of an engine that has just gone.
    if (const auto errors = fieldErrors(failure.details);
        errors && failure.reason == FailureReason::InvalidRequest)
    {
        setErrors(*errors);
        emit startFailed(u"the form has errors"_s);
        return;
    }
    emit startFailed(failure.details);
}

std::optional<QVariantMap> LocalBattleForm::fieldErrors(const QString &details)
{
    // Problems are joined by "; ", each starting with its field; a name in a message may hold "; " too.
    static const QRegularExpression separator(u"; (?=data[.\\[:])"_s);
    static const QRegularExpression problem(
        u"^data(?:\\.(engineVersion|gameName|mapName|startPosType|allyTeams|spectators)"
        u"(?:\\[(\\d+)\\])?(?:\\[\\d+\\])?)?: (.+)$"_s,
        QRegularExpression::DotMatchesEverythingOption);
    QVariantMap errors;
    for (const QString &part : details.split(separator))
    {
        const QRegularExpressionMatch match = problem.match(part);
        if (!match.hasMatch())
        {
            return std::nullopt;
        }
        QString field = match.captured(1);
        if (field.isEmpty())
        {
            field = u"form"_s;
        }
        else if (field == u"allyTeams" && match.hasCaptured(2))
        {
            field += u'.' + match.captured(2);
        }
        addError(errors, field, match.captured(3));
    }
    return errors;
}

void LocalBattleForm::scanContent()
{
    if (AutohostBackend *backend = m_mirror ? m_mirror->backend() : nullptr)
    {
        backend->perform(u"scanContent"_s, Json(),
                         [](const AutohostBackend::Answer &answer)
                         {
                             if (!answer)
                             {
                                 qCWarning(lcBattle).noquote()
                                     << u"local battle form: no content scan: %1"_s.arg(
                                            answer.error().details);
                             }
                         });
    }
}

QString LocalBattleForm::joinScript(int playerIndex) const
{
    const QVariantList players = m_lastResult.value(u"players"_s).toList();
    if (playerIndex < 0 || playerIndex >= players.size())
    {
        return QString();
    }
    const QVariantMap player = players.at(playerIndex).toMap();
    // The names and passwords passed the start script's rules, so they are safe in this script too.
    return u"[GAME]\n{\n\tHostIP=%1;\n\tHostPort=%2;\n\tIsHost=0;\n\tMyPlayerName=%3;\n\tMyPasswd=%4;\n}\n"_s
        .arg(m_lastResult.value(u"host"_s).toString(), QString::number(m_lastResult.value(u"port"_s).toInt()),
             player.value(u"name"_s).toString(), player.value(u"password"_s).toString());
}

QStringList LocalBattleForm::splitNames(const QString &text)
{
    static const QRegularExpression separators(u"[,\\r\\n]"_s);
    QStringList names;
    for (const QString &part : text.split(separators))
    {
        const QString name = part.trimmed();
        if (!name.isEmpty())
        {
            names.append(name);
        }
    }
    return names;
}

void LocalBattleForm::updateFromMirror()
{
    if (!m_mirror)
    {
        return;
    }
    if (const QStringList versions = m_mirror->engineVersions(); versions != m_availableEngines)
    {
        m_availableEngines = versions;
        emit availableEnginesChanged();
    }
    // Until the operator picks one, the form offers the host's default: the newest engine.
    if (const QString newest = m_mirror->defaultEngine(); !m_engineChosen && newest != m_engineVersion)
    {
        m_engineVersion = newest;
        emit engineVersionChanged();
    }
    if (m_mirror->games() != m_games || m_mirror->maps() != m_maps)
    {
        m_games = m_mirror->games();
        m_maps = m_mirror->maps();
        emit contentChanged();
    }
    if (m_mirror->scanning() != m_scanning)
    {
        m_scanning = m_mirror->scanning();
        emit scanningChanged();
    }
    edited();
}

void LocalBattleForm::edited()
{
    if (m_showErrors)
    {
        validate();
    }
}

void LocalBattleForm::setErrors(const QVariantMap &errors)
{
    if (errors != m_errors)
    {
        m_errors = errors;
        emit errorsChanged();
    }
}

void LocalBattleForm::setBusy(bool busy)
{
    if (busy != m_busy)
    {
        m_busy = busy;
        emit busyChanged();
    }
}
