#include "protocol/startscriptwriter.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

#include <QHash>
#include <QSet>

#include "protocol/tdftext.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
// Numbers as JavaScript prints them (the reference autohost's format): the shortest text that reads back as
// the same double, in fixed notation from 1e-6 up to 1e21 and in exponent notation ("1e-7", "1e+21") outside.
QString formatNumber(double value)
{
    if (value == 0)
    {
        return u"0"_s; // also for -0
    }
    const double magnitude = std::abs(value);
    const bool fixed = magnitude >= 1e-6 && magnitude < 1e21;
    char buffer[128];
    const auto result = std::to_chars(std::begin(buffer), std::end(buffer), value,
                                      fixed ? std::chars_format::fixed : std::chars_format::scientific);
    QString text = QString::fromLatin1(buffer, result.ptr - std::begin(buffer));
    const qsizetype exponent = text.indexOf(u'e');
    if (exponent >= 0)
    {
        // to_chars writes "1e-07"; JavaScript writes "1e-7" and "1e+21".
        const QChar sign = text.at(exponent + 1);
        QString digits = text.mid(exponent + 2);
        while (digits.size() > 1 && digits.front() == u'0')
        {
            digits.remove(0, 1);
        }
        text = text.left(exponent + 1) + sign + digits;
    }
    return text;
}

QString formatNumber(qint64 value)
{
    return QString::number(value);
}

QString formatGameId(const QUuid &uuid)
{
    // The engine reads GameID as sixteen "%hhx" fields; RFC 4122 byte order makes the engine's game id equal
    // the battle UUID without dashes.
    return QString::fromLatin1(uuid.toRfc4122().toHex(' '));
}

int startPosTypeValue(StartPosType type)
{
    switch (type)
    {
    case StartPosType::Fixed:
        return 0;
    case StartPosType::Random:
        return 1;
    case StartPosType::Ingame:
        return 2;
    case StartPosType::BeforeGame:
        return 3;
    }
    return 2;
}

// Appends TDF text and remembers the first problem. Every value is checked with TdfText, every key of a
// key/value list (options, custom properties) with TdfText::keyProblem, and keys are unique per section
// case-insensitively, as the engine lower-cases them.
class TdfBuilder
{
public:
    void openSection(const QString &name, const QString &path)
    {
        claimKey(name, path);
        line(u'[' + name + u']');
        line(u"{"_s);
        m_scopes.append(QSet<QString>());
    }

    void closeSection()
    {
        m_scopes.removeLast();
        line(u"}"_s);
    }

    void entry(const QString &key, const QString &value, const QString &path)
    {
        if (const auto problem = TdfText::valueProblem(value))
        {
            setError(path + u' ' + *problem);
            return;
        }
        claimKey(key, path);
        line(key + u" = "_s + value + u';');
    }

    // Keys the request chose (options, custom properties): validated as keys.
    void pairs(const StringPairs &pairs, const QString &path)
    {
        for (const auto &[key, value] : pairs)
        {
            if (const auto problem = TdfText::keyProblem(key))
            {
                setError(path + u": key \""_s + key + u"\" "_s + *problem);
                return;
            }
            entry(key, value, path + u'.' + key);
        }
    }

    void setError(const QString &error)
    {
        if (!m_error)
        {
            m_error = error;
        }
    }

    const std::optional<QString> &error() const { return m_error; }
    QByteArray text() const { return m_text.toUtf8(); }

private:
    void claimKey(const QString &key, const QString &path)
    {
        if (m_scopes.isEmpty())
        {
            return;
        }
        const QString folded = key.toLower();
        if (m_scopes.last().contains(folded))
        {
            setError(path + u": key \""_s + key +
                     u"\" appears twice in its section (keys are case-insensitive)"_s);
            return;
        }
        m_scopes.last().insert(folded);
    }

    void line(const QString &text)
    {
        // The enclosing sections decide the indentation; a section's braces stand at its own level.
        const qsizetype depth = m_scopes.size();
        m_text += QString(depth, u'\t') + text + u'\n';
    }

    QString m_text;
    QList<QSet<QString>> m_scopes;
    std::optional<QString> m_error;
};

QString indexed(const QString &name, qsizetype index)
{
    return name + u'[' + QString::number(index) + u']';
}

void writePlayer(TdfBuilder &tdf, const PlayerSpec &player, const QString &path, std::optional<int> team)
{
    tdf.entry(u"UserID"_s, player.userId, path + u".userId"_s);
    tdf.entry(u"Name"_s, player.name, path + u".name"_s);
    tdf.entry(u"Password"_s, player.password, path + u".password"_s);
    if (team)
    {
        tdf.entry(u"Team"_s, formatNumber(qint64(*team)), path);
    }
    else
    {
        tdf.entry(u"Spectator"_s, u"1"_s, path);
    }
    if (player.countryCode)
    {
        tdf.entry(u"CountryCode"_s, *player.countryCode, path + u".countryCode"_s);
    }
    if (player.rank)
    {
        tdf.entry(u"Rank"_s, formatNumber(*player.rank), path + u".rank"_s);
    }
    tdf.pairs(player.customProperties, path + u".customProperties"_s);
}
} // namespace

QList<ScriptPlayer> StartScriptWriter::players(const StartRequest &request)
{
    QList<ScriptPlayer> result;
    for (const AllyTeamSpec &allyTeam : request.allyTeams)
    {
        for (const TeamSpec &team : allyTeam.teams)
        {
            for (const PlayerSpec &player : team.players)
            {
                result.append({player.userId, player.name, int(result.size()), false});
            }
        }
    }
    for (const PlayerSpec &spectator : request.spectators)
    {
        result.append({spectator.userId, spectator.name, int(result.size()), true});
    }
    return result;
}

Result<QByteArray> StartScriptWriter::write(const StartRequest &request, const ScriptEndpoints &endpoints)
{
    const QList<ScriptPlayer> scriptPlayers = players(request);
    QHash<QString, int> numberByUserId;
    for (const ScriptPlayer &player : scriptPlayers)
    {
        numberByUserId.insert(player.userId, player.number);
    }

    TdfBuilder tdf;
    tdf.openSection(u"GAME"_s, QString());
    tdf.entry(u"GameID"_s, formatGameId(request.battleId), u"battleId"_s);
    tdf.entry(u"GameType"_s, request.gameName, u"gameName"_s);
    tdf.entry(u"MapName"_s, request.mapName, u"mapName"_s);
    tdf.entry(u"ModHash"_s, request.gameArchiveHash.value_or(u"1"_s), u"gameArchiveHash"_s);
    tdf.entry(u"MapHash"_s, request.mapArchiveHash.value_or(u"1"_s), u"mapArchiveHash"_s);
    tdf.entry(u"StartPosType"_s, formatNumber(qint64(startPosTypeValue(request.startPosType))),
              u"startPosType"_s);

    tdf.openSection(u"MODOPTIONS"_s, u"gameOptions"_s);
    tdf.pairs(request.gameOptions, u"gameOptions"_s);
    tdf.closeSection();
    tdf.openSection(u"MAPOPTIONS"_s, u"mapOptions"_s);
    tdf.pairs(request.mapOptions, u"mapOptions"_s);
    tdf.closeSection();

    // Written even when 0: an explicit 0 must not fall back to the engine's default of 4 s.
    if (request.startDelay)
    {
        tdf.entry(u"GameStartDelay"_s, formatNumber(*request.startDelay), u"startDelay"_s);
    }

    if (!request.restrictions.isEmpty())
    {
        tdf.entry(u"NumRestrictions"_s, formatNumber(qint64(request.restrictions.size())), u"restrictions"_s);
        tdf.openSection(u"RESTRICT"_s, u"restrictions"_s);
        for (qsizetype i = 0; i < request.restrictions.size(); ++i)
        {
            const auto &[unit, limit] = request.restrictions.at(i);
            const QString path = u"restrictions."_s + unit;
            tdf.entry(u"Unit"_s + QString::number(i), unit, path);
            tdf.entry(u"Limit"_s + QString::number(i), formatNumber(limit), path);
        }
        tdf.closeSection();
    }

    qsizetype teamNumber = 0;
    qsizetype playerNumber = 0;
    qsizetype aiNumber = 0;
    for (qsizetype a = 0; a < request.allyTeams.size(); ++a)
    {
        const AllyTeamSpec &allyTeam = request.allyTeams.at(a);
        const QString allyPath = indexed(u"allyTeams"_s, a);
        tdf.openSection(u"ALLYTEAM"_s + QString::number(a), allyPath);
        if (allyTeam.startBox)
        {
            const QString path = allyPath + u".startBox"_s;
            tdf.entry(u"StartRectTop"_s, formatNumber(allyTeam.startBox->top), path);
            tdf.entry(u"StartRectLeft"_s, formatNumber(allyTeam.startBox->left), path);
            tdf.entry(u"StartRectBottom"_s, formatNumber(allyTeam.startBox->bottom), path);
            tdf.entry(u"StartRectRight"_s, formatNumber(allyTeam.startBox->right), path);
        }
        if (allyTeam.allies)
        {
            const QString path = allyPath + u".allies"_s;
            tdf.entry(u"NumAllies"_s, formatNumber(qint64(allyTeam.allies->size())), path);
            for (qsizetype i = 0; i < allyTeam.allies->size(); ++i)
            {
                tdf.entry(u"Ally"_s + QString::number(i), formatNumber(qint64(allyTeam.allies->at(i))), path);
            }
        }
        tdf.pairs(allyTeam.customProperties, allyPath + u".customProperties"_s);
        tdf.closeSection();

        for (qsizetype t = 0; t < allyTeam.teams.size(); ++t)
        {
            const TeamSpec &team = allyTeam.teams.at(t);
            const QString teamPath = allyPath + u'.' + indexed(u"teams"_s, t);

            if (team.players.isEmpty() && team.bots.isEmpty())
            {
                return fail(teamPath + u" has neither players nor bots"_s);
            }
            for (qsizetype b = 0; b < team.bots.size(); ++b)
            {
                const QString &host = team.bots.at(b).hostUserId;
                if (!numberByUserId.contains(host))
                {
                    return fail(teamPath + u'.' + indexed(u"bots"_s, b) + u".hostUserId \""_s + host +
                                u"\" is neither a player nor a spectator of the battle"_s);
                }
            }
            // An AI-only team is led by the player whose client runs its first AI.
            const QString &leader =
                team.players.isEmpty() ? team.bots.first().hostUserId : team.players.first().userId;

            tdf.openSection(u"TEAM"_s + QString::number(teamNumber), teamPath);
            tdf.entry(u"AllyTeam"_s, formatNumber(qint64(a)), teamPath);
            tdf.entry(u"TeamLeader"_s, formatNumber(qint64(numberByUserId.value(leader))), teamPath);
            if (team.advantage)
            {
                tdf.entry(u"Advantage"_s, formatNumber(*team.advantage), teamPath + u".advantage"_s);
            }
            if (team.incomeMultiplier)
            {
                tdf.entry(u"IncomeMultiplier"_s, formatNumber(*team.incomeMultiplier),
                          teamPath + u".incomeMultiplier"_s);
            }
            if (team.faction)
            {
                tdf.entry(u"Side"_s, *team.faction, teamPath + u".faction"_s);
            }
            if (team.color)
            {
                tdf.entry(u"RgbColor"_s,
                          formatNumber(team.color->r) + u' ' + formatNumber(team.color->g) + u' ' +
                              formatNumber(team.color->b),
                          teamPath + u".color"_s);
            }
            if (team.startPos)
            {
                tdf.entry(u"StartPosX"_s, formatNumber(team.startPos->x), teamPath + u".startPos"_s);
                tdf.entry(u"StartPosZ"_s, formatNumber(team.startPos->y), teamPath + u".startPos"_s);
            }
            tdf.pairs(team.customProperties, teamPath + u".customProperties"_s);
            tdf.closeSection();

            for (qsizetype p = 0; p < team.players.size(); ++p)
            {
                tdf.openSection(u"PLAYER"_s + QString::number(playerNumber++), teamPath);
                writePlayer(tdf, team.players.at(p), teamPath + u'.' + indexed(u"players"_s, p),
                            int(teamNumber));
                tdf.closeSection();
            }

            for (qsizetype b = 0; b < team.bots.size(); ++b)
            {
                const BotSpec &bot = team.bots.at(b);
                const QString botPath = teamPath + u'.' + indexed(u"bots"_s, b);
                tdf.openSection(u"AI"_s + QString::number(aiNumber++), botPath);
                tdf.entry(u"ShortName"_s, bot.aiShortName, botPath + u".aiShortName"_s);
                tdf.entry(u"Host"_s, formatNumber(qint64(numberByUserId.value(bot.hostUserId))), botPath);
                tdf.entry(u"Team"_s, formatNumber(qint64(teamNumber)), botPath);
                if (bot.aiVersion)
                {
                    tdf.entry(u"Version"_s, *bot.aiVersion, botPath + u".aiVersion"_s);
                }
                if (bot.name)
                {
                    tdf.entry(u"Name"_s, *bot.name, botPath + u".name"_s);
                }
                if (!bot.aiOptions.isEmpty())
                {
                    tdf.openSection(u"OPTIONS"_s, botPath + u".aiOptions"_s);
                    tdf.pairs(bot.aiOptions, botPath + u".aiOptions"_s);
                    tdf.closeSection();
                }
                tdf.pairs(bot.customProperties, botPath + u".customProperties"_s);
                tdf.closeSection();
            }
            ++teamNumber;
        }
    }

    for (qsizetype s = 0; s < request.spectators.size(); ++s)
    {
        const QString path = indexed(u"spectators"_s, s);
        tdf.openSection(u"PLAYER"_s + QString::number(playerNumber++), path);
        writePlayer(tdf, request.spectators.at(s), path, std::nullopt);
        tdf.closeSection();
    }

    tdf.entry(u"NumAllyTeams"_s, formatNumber(qint64(request.allyTeams.size())), u"allyTeams"_s);
    tdf.entry(u"NumTeams"_s, formatNumber(qint64(teamNumber)), u"allyTeams"_s);
    tdf.entry(u"NumPlayers"_s, formatNumber(qint64(playerNumber)), u"allyTeams"_s);
    tdf.entry(u"IsHost"_s, u"1"_s, QString());
    tdf.entry(u"HostIP"_s, endpoints.hostIp, u"endpoints.hostIp"_s);
    tdf.entry(u"HostPort"_s, formatNumber(qint64(endpoints.hostPort)), u"endpoints.hostPort"_s);
    tdf.entry(u"AutohostIP"_s, endpoints.autohostIp, u"endpoints.autohostIp"_s);
    tdf.entry(u"AutohostPort"_s, formatNumber(qint64(endpoints.autohostPort)), u"endpoints.autohostPort"_s);
    tdf.closeSection();

    if (tdf.error())
    {
        return fail(*tdf.error());
    }
    return tdf.text();
}

QByteArray StartScriptWriter::engineSettings(const QList<QPair<QString, QString>> &operatorSettings)
{
    // AllowSpectatorJoin=1 would let unknown users in as spectators and break the player-number table;
    // WhiteListAdditionalPlayers=1 is what makes /adduser work.
    static const QList<QPair<QString, QString>> forced = {
        {u"AllowSpectatorJoin"_s, u"0"_s},
        {u"WhiteListAdditionalPlayers"_s, u"1"_s},
    };
    const auto breaksLine = [](const QString &text)
    {
        return text.contains(u'\n') || text.contains(u'\r') || text.contains(QChar(0));
    };

    QByteArray text;
    for (const auto &[key, value] : operatorSettings)
    {
        if (key.isEmpty() || breaksLine(key) || key.contains(u'=') || breaksLine(value))
        {
            continue;
        }
        const bool isForced = std::any_of(
            forced.cbegin(), forced.cend(),
            // An init-capture: clang before 16 cannot capture a structured binding.
            [&name = key](const auto &entry) { return entry.first.compare(name, Qt::CaseInsensitive) == 0; });
        if (isForced)
        {
            continue;
        }
        text += (key + u'=' + value + u'\n').toUtf8();
    }
    for (const auto &[key, value] : forced)
    {
        text += (key + u'=' + value + u'\n').toUtf8();
    }
    return text;
}
