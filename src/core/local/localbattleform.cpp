#include "local/localbattleform.h"

#include <algorithm>

#include <QNetworkInterface>
#include <QPointer>
#include <QRegularExpression>
#include <QVersionNumber>

#include "autohostservice.h"
#include "logging.h"
#include "protocol/tachyonmessage.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
const QList<QPair<QString, StartPosType>> &startPosTypes()
{
    static const QList<QPair<QString, StartPosType>> types = {
        {QString::fromLatin1(LocalBattleForm::Fixed), StartPosType::Fixed},
        {QString::fromLatin1(LocalBattleForm::Random), StartPosType::Random},
        {QString::fromLatin1(LocalBattleForm::ChooseInGame), StartPosType::Ingame},
        {QString::fromLatin1(LocalBattleForm::ChooseBeforeGame), StartPosType::BeforeGame},
    };
    return types;
}

QVariantMap playerEntry(const PlayerSpec &player, int allyTeam)
{
    return {{u"name"_s, player.name},
            {u"password"_s, player.password},
            {u"allyTeam"_s, allyTeam},
            {u"spectator"_s, allyTeam < 0}};
}
} // namespace

LocalBattleForm::LocalBattleForm(AutohostService *service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
    connect(service->engines(), &EngineCatalog::versionsChanged, this, &LocalBattleForm::updateEngines);
    connect(&m_scanner, &ContentScanner::scanningChanged, this, &LocalBattleForm::scanningChanged);
    connect(&m_scanner, &ContentScanner::finished, this,
            [this](const QStringList &games, const QStringList &maps)
            {
                if (games != m_games || maps != m_maps)
                {
                    m_games = games;
                    m_maps = maps;
                    emit contentChanged();
                }
            });
    updateEngines(service->engines()->versions());
    resetPlayers();
    scanContent();
}

void LocalBattleForm::setEngineVersion(const QString &version)
{
    m_engineChosen = !version.isEmpty();
    if (!m_engineChosen)
    {
        return updateEngines(m_availableEngines);
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
    if (!startPosTypeNamed(type))
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

void LocalBattleForm::setPasswordSource(LocalBattlePlan::PasswordSource passwords)
{
    m_passwords = std::move(passwords);
}

LocalBattlePlan LocalBattleForm::plan() const
{
    LocalBattlePlan plan;
    plan.engineVersion = m_engineVersion.trimmed();
    plan.gameName = m_gameName.trimmed();
    plan.mapName = m_mapName.trimmed();
    plan.startPosType = startPosTypeNamed(m_startPosType).value_or(StartPosType::Ingame);
    for (const QString &text : m_allyTeams)
    {
        plan.allyTeams.append(splitNames(text));
    }
    plan.spectators = splitNames(m_spectators);
    return plan;
}

std::optional<StartPosType> LocalBattleForm::startPosTypeNamed(const QString &name)
{
    const auto &types = startPosTypes();
    const auto type = std::find_if(types.cbegin(), types.cend(),
                                   [&name](const auto &known) { return known.first == name; });
    return type == types.cend() ? std::nullopt : std::optional(type->second);
}

QList<LocalBattlePlan::Problem> LocalBattleForm::problems(const LocalBattlePlan &plan,
                                                          const QStringList &availableEngines)
{
    QList<LocalBattlePlan::Problem> found = plan.problems();
    const bool versionWrong = std::any_of(found.cbegin(), found.cend(),
                                          [](const LocalBattlePlan::Problem &problem)
                                          { return problem.field == u"engineVersion"; });
    if (!versionWrong && !availableEngines.contains(plan.engineVersion))
    {
        found.append({u"engineVersion"_s, -1,
                      availableEngines.isEmpty()
                          ? u"is not installed (no engine is)"_s
                          : u"is not installed (available: %1)"_s.arg(availableEngines.join(u", "_s)),
                      u"data.engineVersion"_s});
    }
    return found;
}

bool LocalBattleForm::validate()
{
    m_showErrors = true;
    QVariantMap errors;
    for (const LocalBattlePlan::Problem &problem : problems(plan(), m_availableEngines))
    {
        // A problem no field explains cannot come from the form's own values; it still must not vanish.
        const QString field = problem.field.isEmpty() ? u"form"_s : problem.field;
        const QString earlier = errors.value(field).toString();
        errors.insert(field, earlier.isEmpty() ? problem.message : earlier + u'\n' + problem.message);
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
    setBusy(true);
    const QPointer<LocalBattleForm> self(this);
    startPlan(m_service, plan(), m_passwords,
              [self](const Result<QVariantMap, RequestFailure> &result)
              {
                  if (!self)
                  {
                      return;
                  }
                  self->setBusy(false);
                  if (!result)
                  {
                      emit self->startFailed(result.error().details);
                      return;
                  }
                  self->m_lastResult = *result;
                  emit self->lastResultChanged();
                  emit self->started(result->value(u"battleId"_s).toString());
              });
}

void LocalBattleForm::startPlan(AutohostService *service, const LocalBattlePlan &plan,
                                const LocalBattlePlan::PasswordSource &passwords, StartHandler handler)
{
    const auto request = plan.toStartRequest(passwords);
    if (!request)
    {
        handler(fail(RequestFailure{FailureReason::InvalidRequest, request.error().message}));
        return;
    }
    const Config &config = service->config();
    const QString host = hostAddress(config.hostingIP, config.engineBindIP, machineAddresses());
    const StartRequest startRequest = *request;
    service->startLocalBattle(startRequest,
                              [startRequest, host, handler = std::move(handler)](
                                  const Result<BattleManager::StartSuccess, RequestFailure> &result)
                              {
                                  if (!result)
                                  {
                                      handler(fail(result.error()));
                                      return;
                                  }
                                  QVariantList players;
                                  for (qsizetype a = 0; a < startRequest.allyTeams.size(); ++a)
                                  {
                                      for (const TeamSpec &team : startRequest.allyTeams.at(a).teams)
                                      {
                                          for (const PlayerSpec &player : team.players)
                                          {
                                              players.append(playerEntry(player, int(a)));
                                          }
                                      }
                                  }
                                  for (const PlayerSpec &spectator : startRequest.spectators)
                                  {
                                      players.append(playerEntry(spectator, -1));
                                  }
                                  handler(QVariantMap{{u"battleId"_s, uuidText(startRequest.battleId)},
                                                      {u"host"_s, host},
                                                      {u"port"_s, int(result->port)},
                                                      {u"engineVersion"_s, startRequest.engineVersion},
                                                      {u"gameName"_s, startRequest.gameName},
                                                      {u"mapName"_s, startRequest.mapName},
                                                      {u"players"_s, players}});
                              });
}

void LocalBattleForm::scanContent()
{
    m_scanner.scan(ContentScanner::dataDirs(m_service->config().engineDataDirs));
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

QString LocalBattleForm::newestVersion(const QStringList &versions)
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

QString LocalBattleForm::hostAddress(const QString &hostingIp, const QString &engineBindIp,
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

QList<QHostAddress> LocalBattleForm::machineAddresses()
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

void LocalBattleForm::updateEngines(const QStringList &versions)
{
    if (versions != m_availableEngines)
    {
        m_availableEngines = versions;
        emit availableEnginesChanged();
    }
    // Until the operator picks one, the form offers the newest engine.
    const QString newest = newestVersion(versions);
    if (!m_engineChosen && newest != m_engineVersion)
    {
        m_engineVersion = newest;
        emit engineVersionChanged();
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
