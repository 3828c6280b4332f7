// The start-script writer: a start request's data, decoded as the autohost decodes autohost/start, written as
// script.txt and read back the way the engine reads TDF. The script must hold exactly the sections and keys
// the request asks for, each value intact: no text of the request may end a value, open a section or add a
// key.
#include <cstddef>
#include <cstdint>

#include <QHash>
#include <QSet>

#include "fuzzcheck.h"
#include "protocol/requestdecoder.h"
#include "protocol/startscriptwriter.h"
#include "tdfdocument.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
const ScriptEndpoints Endpoints{u"0.0.0.0"_s, 20001, u"127.0.0.1"_s, 22001};

// What the script must say, built from the request independently of the writer.
class ExpectedScript
{
public:
    void section(const QString &path)
    {
        m_sections.append(path);
        m_keys[path];
    }
    void text(const QString &section, const QString &key, const QString &value)
    {
        m_keys[section].append(key.toLower());
        m_texts.insert(section + u'/' + key.toLower(), value);
    }
    void integer(const QString &section, const QString &key, qint64 value)
    {
        text(section, key, QString::number(value));
    }
    // Any spelling that reads back as the same double.
    void number(const QString &section, const QString &key, double value)
    {
        m_keys[section].append(key.toLower());
        m_numbers.insert(section + u'/' + key.toLower(), {value});
    }
    void numbers(const QString &section, const QString &key, const QList<double> &values)
    {
        m_keys[section].append(key.toLower());
        m_numbers.insert(section + u'/' + key.toLower(), values);
    }
    void pairs(const QString &section, const StringPairs &pairs)
    {
        for (const auto &[key, value] : pairs)
        {
            text(section, key, value);
        }
    }

    void check(const TdfDocument &script, const QByteArray &text) const
    {
        const QString shown = QString::fromUtf8(text);
        FUZZ_CHECK(script.sectionPaths() == m_sections,
                   u"sections [%1], expected [%2]\n%3"_s.arg(script.sectionPaths().join(u", "_s),
                                                             m_sections.join(u", "_s), shown));
        for (auto it = m_keys.cbegin(); it != m_keys.cend(); ++it)
        {
            const QStringList keys = script.keys(it.key());
            FUZZ_CHECK(QSet<QString>(keys.cbegin(), keys.cend()).size() == keys.size(),
                       u"a key repeated in [%1]: %2\n%3"_s.arg(it.key(), keys.join(u", "_s), shown));
            QStringList sortedKeys = keys;
            QStringList sortedExpected = it.value();
            sortedKeys.sort();
            sortedExpected.sort();
            FUZZ_CHECK(sortedKeys == sortedExpected,
                       u"[%1] has keys %2, expected %3\n%4"_s.arg(it.key(), keys.join(u", "_s),
                                                                  it.value().join(u", "_s), shown));
        }
        for (auto it = m_texts.cbegin(); it != m_texts.cend(); ++it)
        {
            const auto value = script.value(it.key());
            FUZZ_CHECK(value == it.value(), u"%1 is \"%2\", expected \"%3\"\n%4"_s.arg(
                                                it.key(), value.value_or(u"(none)"_s), it.value(), shown));
        }
        for (auto it = m_numbers.cbegin(); it != m_numbers.cend(); ++it)
        {
            const QString value = script.value(it.key(), QString());
            const QStringList parts = value.split(u' ');
            bool same = parts.size() == it.value().size();
            for (qsizetype i = 0; same && i < parts.size(); ++i)
            {
                bool ok = false;
                same = parts.at(i).toDouble(&ok) == it.value().at(i) && ok;
            }
            FUZZ_CHECK(same, u"%1 is \"%2\", which does not read back as the request's number\n%3"_s.arg(
                                 it.key(), value, shown));
        }
    }

private:
    QStringList m_sections;
    QHash<QString, QStringList> m_keys;
    QHash<QString, QString> m_texts;
    QHash<QString, QList<double>> m_numbers;
};

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
    std::abort();
}

void player(ExpectedScript &expected, const QString &section, const PlayerSpec &player)
{
    expected.section(section);
    expected.text(section, u"UserID"_s, player.userId);
    expected.text(section, u"Name"_s, player.name);
    expected.text(section, u"Password"_s, player.password);
    if (player.countryCode)
    {
        expected.text(section, u"CountryCode"_s, *player.countryCode);
    }
    if (player.rank)
    {
        expected.integer(section, u"Rank"_s, *player.rank);
    }
    expected.pairs(section, player.customProperties);
}

ExpectedScript expectedScript(const StartRequest &request)
{
    // The engine numbers players in script order: ally teams, teams, players, then spectators.
    QHash<QString, qint64> numberOf;
    for (const AllyTeamSpec &allyTeam : request.allyTeams)
    {
        for (const TeamSpec &team : allyTeam.teams)
        {
            for (const PlayerSpec &player : team.players)
            {
                numberOf.insert(player.userId, numberOf.size());
            }
        }
    }
    for (const PlayerSpec &spectator : request.spectators)
    {
        numberOf.insert(spectator.userId, numberOf.size());
    }

    ExpectedScript expected;
    const QString game = u"game"_s;
    expected.section(game);
    expected.text(game, u"GameID"_s, QString::fromLatin1(request.battleId.toRfc4122().toHex(' ')));
    expected.text(game, u"GameType"_s, request.gameName);
    expected.text(game, u"MapName"_s, request.mapName);
    expected.text(game, u"ModHash"_s, request.gameArchiveHash.value_or(u"1"_s));
    expected.text(game, u"MapHash"_s, request.mapArchiveHash.value_or(u"1"_s));
    expected.integer(game, u"StartPosType"_s, startPosTypeValue(request.startPosType));
    expected.section(u"game/modoptions"_s);
    expected.pairs(u"game/modoptions"_s, request.gameOptions);
    expected.section(u"game/mapoptions"_s);
    expected.pairs(u"game/mapoptions"_s, request.mapOptions);
    if (request.startDelay)
    {
        expected.integer(game, u"GameStartDelay"_s, *request.startDelay);
    }
    if (!request.restrictions.isEmpty())
    {
        expected.integer(game, u"NumRestrictions"_s, request.restrictions.size());
        expected.section(u"game/restrict"_s);
        for (qsizetype i = 0; i < request.restrictions.size(); ++i)
        {
            expected.text(u"game/restrict"_s, u"Unit"_s + QString::number(i),
                          request.restrictions.at(i).first);
            expected.integer(u"game/restrict"_s, u"Limit"_s + QString::number(i),
                             request.restrictions.at(i).second);
        }
    }
    qint64 teamNumber = 0;
    qint64 playerNumber = 0;
    qint64 aiNumber = 0;
    for (qsizetype a = 0; a < request.allyTeams.size(); ++a)
    {
        const AllyTeamSpec &allyTeam = request.allyTeams.at(a);
        const QString allySection = u"game/allyteam"_s + QString::number(a);
        expected.section(allySection);
        if (allyTeam.startBox)
        {
            expected.number(allySection, u"StartRectTop"_s, allyTeam.startBox->top);
            expected.number(allySection, u"StartRectLeft"_s, allyTeam.startBox->left);
            expected.number(allySection, u"StartRectBottom"_s, allyTeam.startBox->bottom);
            expected.number(allySection, u"StartRectRight"_s, allyTeam.startBox->right);
        }
        if (allyTeam.allies)
        {
            expected.integer(allySection, u"NumAllies"_s, allyTeam.allies->size());
            for (qsizetype i = 0; i < allyTeam.allies->size(); ++i)
            {
                expected.integer(allySection, u"Ally"_s + QString::number(i), allyTeam.allies->at(i));
            }
        }
        expected.pairs(allySection, allyTeam.customProperties);
        for (const TeamSpec &team : allyTeam.teams)
        {
            const QString teamSection = u"game/team"_s + QString::number(teamNumber);
            expected.section(teamSection);
            expected.integer(teamSection, u"AllyTeam"_s, a);
            const QString &leader =
                team.players.isEmpty() ? team.bots.first().hostUserId : team.players.first().userId;
            expected.integer(teamSection, u"TeamLeader"_s, numberOf.value(leader));
            if (team.advantage)
            {
                expected.number(teamSection, u"Advantage"_s, *team.advantage);
            }
            if (team.incomeMultiplier)
            {
                expected.number(teamSection, u"IncomeMultiplier"_s, *team.incomeMultiplier);
            }
            if (team.faction)
            {
                expected.text(teamSection, u"Side"_s, *team.faction);
            }
            if (team.color)
            {
                expected.numbers(teamSection, u"RgbColor"_s, {team.color->r, team.color->g, team.color->b});
            }
            if (team.startPos)
            {
                expected.integer(teamSection, u"StartPosX"_s, team.startPos->x);
                expected.integer(teamSection, u"StartPosZ"_s, team.startPos->y);
            }
            expected.pairs(teamSection, team.customProperties);
            for (const PlayerSpec &teamPlayer : team.players)
            {
                const QString section = u"game/player"_s + QString::number(playerNumber++);
                player(expected, section, teamPlayer);
                expected.integer(section, u"Team"_s, teamNumber);
            }
            for (const BotSpec &bot : team.bots)
            {
                const QString section = u"game/ai"_s + QString::number(aiNumber++);
                expected.section(section);
                expected.text(section, u"ShortName"_s, bot.aiShortName);
                expected.integer(section, u"Host"_s, numberOf.value(bot.hostUserId, -1));
                expected.integer(section, u"Team"_s, teamNumber);
                if (bot.aiVersion)
                {
                    expected.text(section, u"Version"_s, *bot.aiVersion);
                }
                if (bot.name)
                {
                    expected.text(section, u"Name"_s, *bot.name);
                }
                if (!bot.aiOptions.isEmpty())
                {
                    expected.section(section + u"/options"_s);
                    expected.pairs(section + u"/options"_s, bot.aiOptions);
                }
                expected.pairs(section, bot.customProperties);
            }
            ++teamNumber;
        }
    }
    for (const PlayerSpec &spectator : request.spectators)
    {
        const QString section = u"game/player"_s + QString::number(playerNumber++);
        player(expected, section, spectator);
        expected.integer(section, u"Spectator"_s, 1);
    }
    expected.integer(game, u"NumAllyTeams"_s, request.allyTeams.size());
    expected.integer(game, u"NumTeams"_s, teamNumber);
    expected.integer(game, u"NumPlayers"_s, playerNumber);
    expected.integer(game, u"IsHost"_s, 1);
    expected.text(game, u"HostIP"_s, Endpoints.hostIp);
    expected.integer(game, u"HostPort"_s, Endpoints.hostPort);
    expected.text(game, u"AutohostIP"_s, Endpoints.autohostIp);
    expected.integer(game, u"AutohostPort"_s, Endpoints.autohostPort);
    return expected;
}
} // namespace

// The input is the request's data member; the envelope is always the same.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    Json message = {{"type", "request"}, {"messageId", "m-1"}, {"commandId", "autohost/start"}};
    message["data"] = Json::parse(data, data + size, nullptr, false);
    if (message["data"].is_discarded())
    {
        return 0;
    }
    const auto request = RequestDecoder::start(message);
    if (!request)
    {
        FUZZ_CHECK(!request.error().toString().isEmpty(), u"a refusal without a reason"_s);
        return 0;
    }
    // The writer refuses only what the decoder refuses.
    const auto script = StartScriptWriter::write(*request, Endpoints);
    FUZZ_CHECK(script, u"the writer refused a decoded request: "_s + script.error());
    const auto document = TdfDocument::parse(*script);
    FUZZ_CHECK(document,
               u"the script does not parse: %1\n%2"_s.arg(document.error(), QString::fromUtf8(*script)));
    expectedScript(*request).check(*document, *script);
    return 0;
}
