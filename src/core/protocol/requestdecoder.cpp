#include "protocol/requestdecoder.h"

#include <algorithm>

#include <QHash>
#include <QRegularExpression>

#include "protocol/fieldreader.h"
#include "protocol/startscriptkeys.h"
#include "protocol/tdftext.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
using Presence = FieldReader::Presence;
constexpr Presence Required = Presence::Required;
constexpr Presence Optional = Presence::Optional;

// What a text must satisfy besides being a string; combined with '|'.
enum TextRule
{
    NonEmpty = 1 << 0,
    ScriptValue = 1 << 1, // written into the start script
    Token = 1 << 2,       // also travels inside engine commands (player names and passwords)
};

const QString VersionPattern = u"^[0-9a-zA-Z .+-]+$"_s;
const QString HashPattern = u"^[a-fA-F0-9]{128}$"_s;
const QString CommandPattern = u"^[a-z0-9_-]+$"_s;
constexpr qsizetype MaxMessageLength = 127;

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isHexDigit(QChar c)
{
    return isAsciiDigit(c) || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

bool isControl(QChar c)
{
    return c.category() == QChar::Other_Control;
}

bool containsControl(QStringView text)
{
    return std::any_of(text.begin(), text.end(), isControl);
}

// The "uuid" format exactly as ajv-formats defines it:
// /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i
std::optional<QUuid> parseUuid(QStringView text)
{
    if (text.startsWith(u"urn:uuid:", Qt::CaseInsensitive))
    {
        text = text.mid(9);
    }
    if (text.size() != 36)
    {
        return std::nullopt;
    }
    for (qsizetype i = 0; i < text.size(); ++i)
    {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != u'-' : !isHexDigit(text[i]))
        {
            return std::nullopt;
        }
    }
    return QUuid::fromString(text);
}

// Characters as JSON Schema's maxLength counts them: Unicode code points, so a surrogate pair counts once.
qsizetype codePointCount(QStringView text)
{
    qsizetype count = text.size();
    for (qsizetype i = 1; i < text.size(); ++i)
    {
        if (text[i].isLowSurrogate() && text[i - 1].isHighSurrogate())
        {
            --count;
        }
    }
    return count;
}

// Length of a {n}, {n,} or {n,m} quantifier starting at pattern[i]; 0 when ECMAScript reads the brace
// literally.
qsizetype braceQuantifierLength(QStringView pattern, qsizetype i)
{
    qsizetype j = i + 1;
    const auto digits = [&]
    {
        const qsizetype start = j;
        while (j < pattern.size() && isAsciiDigit(pattern[j]))
        {
            ++j;
        }
        return j > start;
    };
    if (!digits())
    {
        return 0;
    }
    if (j < pattern.size() && pattern[j] == u',')
    {
        ++j;
        digits();
    }
    return j < pattern.size() && pattern[j] == u'}' ? j + 1 - i : 0;
}

// Index after the character class that starts at pattern[i] ('['), read the ECMAScript way ("[]" is an empty
// class), or -1 when it is not terminated.
qsizetype characterClassEnd(QStringView pattern, qsizetype i)
{
    qsizetype j = i + 1;
    if (j < pattern.size() && pattern[j] == u'^')
    {
        ++j;
    }
    while (j < pattern.size())
    {
        if (pattern[j] == u'\\')
        {
            j += 2;
        }
        else if (pattern[j] == u']')
        {
            return j + 1;
        }
        else
        {
            ++j;
        }
    }
    return -1;
}

// Length of "<name>" at pattern[i] with an ECMAScript group name; 0 when there is none.
qsizetype groupNameLength(QStringView pattern, qsizetype i)
{
    if (i >= pattern.size() || pattern[i] != u'<')
    {
        return 0;
    }
    qsizetype j = i + 1;
    while (j < pattern.size() && pattern[j] != u'>')
    {
        const QChar c = pattern[j];
        const bool allowed = c.isLetter() || c == u'_' || c == u'$' || (j > i + 1 && c.isNumber());
        if (!allowed)
        {
            return 0;
        }
        ++j;
    }
    return j < pattern.size() && j > i + 1 ? j + 1 - i : 0;
}

// The schema's "regex" format means an ECMAScript regular expression, while the autohost matches with
// QRegularExpression (PCRE2). This refuses the PCRE2 syntax that compiles but that ECMAScript rejects, so
// that an accepted pattern is valid for both: other group kinds ((?i), (?>…), (?|…), (?#…), (?P<…>),
// (*VERB)), possessive or doubled quantifiers, quantified lookbehinds and \Z.
std::optional<QString> ecmaScriptProblem(QStringView pattern)
{
    enum class Group
    {
        Plain,
        Lookbehind,
    };
    QList<Group> groups;
    bool afterQuantifier = false;
    bool afterLookbehind = false;
    qsizetype i = 0;
    while (i < pattern.size())
    {
        const QChar c = pattern[i];
        const qsizetype quantifier =
            c == u'*' || c == u'+' || c == u'?' ? 1 : (c == u'{' ? braceQuantifierLength(pattern, i) : 0);
        if (quantifier > 0)
        {
            if (afterQuantifier)
            {
                return u"has a quantifier right after another one (not ECMAScript)"_s;
            }
            if (afterLookbehind)
            {
                return u"quantifies a lookbehind (not ECMAScript)"_s;
            }
            i += quantifier;
            if (i < pattern.size() && pattern[i] == u'?')
            {
                ++i;
            }
            afterQuantifier = true;
            continue;
        }
        afterQuantifier = false;
        afterLookbehind = false;
        if (c == u'\\')
        {
            if (i + 1 < pattern.size() && pattern[i + 1] == u'Z')
            {
                return u"uses \\Z (not ECMAScript)"_s;
            }
            i += 2;
        }
        else if (c == u'[')
        {
            i = characterClassEnd(pattern, i);
            if (i < 0)
            {
                return u"has an unterminated character class"_s;
            }
        }
        else if (c == u'(')
        {
            const QStringView rest = pattern.mid(i + 1);
            Group group = Group::Plain;
            qsizetype opening = 1;
            if (rest.startsWith(u"?:") || rest.startsWith(u"?=") || rest.startsWith(u"?!"))
            {
                opening = 3;
            }
            else if (rest.startsWith(u"?<=") || rest.startsWith(u"?<!"))
            {
                group = Group::Lookbehind;
                opening = 4;
            }
            else if (rest.startsWith(u'?'))
            {
                const qsizetype name = groupNameLength(pattern, i + 2);
                if (name == 0)
                {
                    return u"uses a group syntax other than (?:, (?=, (?!, (?<=, (?<! and (?<name> (not ECMAScript)"_s;
                }
                opening = 2 + name;
            }
            else if (rest.startsWith(u'*'))
            {
                return u"uses a (* verb (not ECMAScript)"_s;
            }
            groups.append(group);
            i += opening;
        }
        else if (c == u')')
        {
            if (groups.isEmpty())
            {
                return u"has an unmatched ')'"_s;
            }
            afterLookbehind = groups.takeLast() == Group::Lookbehind;
            ++i;
        }
        else
        {
            ++i;
        }
    }
    if (!groups.isEmpty())
    {
        return u"has an unclosed group"_s;
    }
    return std::nullopt;
}

std::optional<QString> text(FieldReader &r, const Json &object, const QString &objectPath,
                            std::string_view key, Presence presence, int rules)
{
    const QString path = FieldReader::memberPath(objectPath, key);
    std::optional<QString> value = r.string(object, objectPath, key, presence);
    if (!value)
    {
        return std::nullopt;
    }
    if ((rules & NonEmpty) && value->isEmpty())
    {
        r.fail(path, u"must not be empty"_s);
    }
    if (rules & Token)
    {
        r.check(path, TdfText::tokenProblem(*value));
    }
    if (rules & ScriptValue)
    {
        r.check(path, TdfText::valueProblem(*value));
    }
    return r.failed() ? std::nullopt : value;
}

std::optional<QString> userId(FieldReader &r, const Json &object, const QString &objectPath,
                              std::string_view key)
{
    return text(r, object, objectPath, key, Required, NonEmpty | ScriptValue);
}

std::optional<double> numberAtLeast(FieldReader &r, const Json &object, const QString &objectPath,
                                    std::string_view key, Presence presence, double minimum)
{
    const std::optional<double> value = r.number(object, objectPath, key, presence);
    if (value && *value < minimum)
    {
        r.fail(FieldReader::memberPath(objectPath, key), u"must be >= "_s + QString::number(minimum));
        return std::nullopt;
    }
    return value;
}

std::optional<double> unitNumber(FieldReader &r, const Json &object, const QString &objectPath,
                                 std::string_view key)
{
    const std::optional<double> value = numberAtLeast(r, object, objectPath, key, Required, 0);
    if (value && *value > 1)
    {
        r.fail(FieldReader::memberPath(objectPath, key), u"must be <= 1"_s);
        return std::nullopt;
    }
    return value;
}

std::optional<QUuid> battleId(FieldReader &r, const Json &data)
{
    const std::optional<QString> value = r.string(data, u"data"_s, "battleId", Required);
    if (!value)
    {
        return std::nullopt;
    }
    const std::optional<QUuid> uuid = parseUuid(*value);
    if (!uuid)
    {
        r.fail(u"data.battleId"_s, u"must be a UUID"_s);
    }
    return uuid;
}

// An engine version, which also names a directory under the engines folder.
std::optional<QString> engineVersion(FieldReader &r, const Json &data, std::string_view key)
{
    const QString path = FieldReader::memberPath(u"data"_s, key);
    const std::optional<QString> value = r.string(data, u"data"_s, key, Required);
    if (!value)
    {
        return std::nullopt;
    }
    const bool matches = !value->isEmpty() && std::all_of(value->begin(), value->end(),
                                                          [](QChar c)
                                                          {
                                                              return isAsciiDigit(c) ||
                                                                     (c >= u'a' && c <= u'z') ||
                                                                     (c >= u'A' && c <= u'Z') || c == u' ' ||
                                                                     c == u'.' || c == u'+' || c == u'-';
                                                          });
    if (!matches)
    {
        r.fail(path, u"must match "_s + VersionPattern);
    }
    else if (value->startsWith(u'.'))
    {
        r.fail(path, u"must not start with '.'"_s);
    }
    else if (value->startsWith(u' ') || value->endsWith(u' '))
    {
        r.fail(path, u"must not start or end with a space"_s);
    }
    return r.failed() ? std::nullopt : value;
}

std::optional<QString> archiveHash(FieldReader &r, const Json &data, std::string_view key)
{
    const std::optional<QString> value = r.string(data, u"data"_s, key, Optional);
    if (value && (value->size() != 128 || !std::all_of(value->begin(), value->end(), isHexDigit)))
    {
        r.fail(FieldReader::memberPath(u"data"_s, key), u"must match "_s + HashPattern);
        return std::nullopt;
    }
    return value;
}

// Remembers the keys of one object case-insensitively (the engine lower-cases start script keys).
bool uniqueKey(FieldReader &r, QHash<QString, QString> &seen, const QString &key, const QString &path)
{
    const QString folded = key.toCaseFolded();
    if (const auto it = seen.constFind(folded); it != seen.constEnd())
    {
        return r.fail(path, u"duplicates the key \""_s + *it + u"\" (keys are case-insensitive)"_s);
    }
    seen.insert(folded, key);
    return true;
}

// mapOptions, gameOptions, aiOptions: safe keys, safe string values.
StringPairs options(FieldReader &r, const Json &object, const QString &objectPath, std::string_view key)
{
    const QString path = FieldReader::memberPath(objectPath, key);
    const Json *options = r.object(object, objectPath, key, Optional);
    if (!options)
    {
        return {};
    }
    StringPairs pairs;
    QHash<QString, QString> seen;
    for (auto it = options->begin(); it != options->end() && !r.failed(); ++it)
    {
        const QString name = toQString(it.key());
        const QString entryPath = FieldReader::memberPath(path, it.key());
        if (!r.check(entryPath, TdfText::keyProblem(name)) || !uniqueKey(r, seen, name, entryPath))
        {
            break;
        }
        const std::optional<QString> value = r.string(&it.value(), entryPath);
        if (value && r.check(entryPath, TdfText::valueProblem(*value)))
        {
            pairs.append({name, *value});
        }
    }
    return pairs;
}

// customProperties of a player, bot, team or ally team: safe keys that the start script writer does not use
// in that section, safe string values.
StringPairs customProperties(FieldReader &r, const Json &object, const QString &objectPath,
                             const QStringList &sectionKeys, bool allyTeam = false)
{
    const QString path = FieldReader::memberPath(objectPath, "customProperties");
    const Json *properties = r.object(object, objectPath, "customProperties", Optional);
    if (!properties)
    {
        return {};
    }
    static const QRegularExpression allyKey(u"^ally[0-9]+$"_s, QRegularExpression::CaseInsensitiveOption);
    StringPairs pairs;
    QHash<QString, QString> seen;
    for (auto it = properties->begin(); it != properties->end() && !r.failed(); ++it)
    {
        const QString name = toQString(it.key());
        const QString entryPath = FieldReader::memberPath(path, it.key());
        if (!r.check(entryPath, TdfText::keyProblem(name)))
        {
            break;
        }
        for (const QString &sectionKey : sectionKeys)
        {
            if (name.compare(sectionKey, Qt::CaseInsensitive) == 0)
            {
                r.fail(entryPath, u"collides with the start script key \""_s + sectionKey + u'"');
            }
        }
        if (allyTeam && allyKey.match(name).hasMatch())
        {
            r.fail(entryPath, u"collides with the start script keys Ally<n>"_s);
        }
        if (r.failed() || !uniqueKey(r, seen, name, entryPath))
        {
            break;
        }
        const std::optional<QString> value = r.string(&it.value(), entryPath);
        if (value && r.check(entryPath, TdfText::valueProblem(*value)))
        {
            pairs.append({name, *value});
        }
    }
    return pairs;
}

// Who takes part in a start, to keep userIds and names unique and to resolve the bots' hosts.
struct Participants
{
    QHash<QString, QString> pathByUserId;
    QHash<QString, QPair<QString, QString>> nameAndPathByFoldedName;
    QList<QPair<QString, QString>> botHosts; // hostUserId, path of the hostUserId member
};

std::optional<PlayerSpec> player(FieldReader &r, const Json &value, const QString &path,
                                 Participants &participants)
{
    const Json *object = r.object(&value, path);
    if (!object)
    {
        return std::nullopt;
    }
    PlayerSpec spec;
    spec.userId = userId(r, *object, path, "userId").value_or(QString());
    if (r.failed())
    {
        return std::nullopt;
    }
    if (const auto it = participants.pathByUserId.constFind(spec.userId);
        it != participants.pathByUserId.constEnd())
    {
        r.fail(path + u".userId"_s, u"duplicates userId \""_s + spec.userId + u"\" of "_s + *it);
        return std::nullopt;
    }
    participants.pathByUserId.insert(spec.userId, path);
    spec.name = text(r, *object, path, "name", Required, Token).value_or(QString());
    if (r.failed())
    {
        return std::nullopt;
    }
    const QString foldedName = spec.name.toCaseFolded();
    if (const auto it = participants.nameAndPathByFoldedName.constFind(foldedName);
        it != participants.nameAndPathByFoldedName.constEnd())
    {
        r.fail(path + u".name"_s, u"duplicates name \""_s + it->first + u"\" of "_s + it->second +
                                      u" (names are case-insensitive)"_s);
        return std::nullopt;
    }
    participants.nameAndPathByFoldedName.insert(foldedName, {spec.name, path});
    spec.password = text(r, *object, path, "password", Required, Token).value_or(QString());
    spec.rank = r.integer(*object, path, "rank", Optional);
    spec.countryCode = text(r, *object, path, "countryCode", Optional, ScriptValue);
    spec.customProperties = customProperties(r, *object, path, StartScriptKeys::Player);
    return r.failed() ? std::nullopt : std::optional(spec);
}

std::optional<QList<PlayerSpec>> players(FieldReader &r, const Json &object, const QString &objectPath,
                                         std::string_view key, Participants &participants)
{
    const QString path = FieldReader::memberPath(objectPath, key);
    const Json *array = r.array(object, objectPath, key, Optional);
    QList<PlayerSpec> list;
    for (qsizetype i = 0; array && i < qsizetype(array->size()) && !r.failed(); ++i)
    {
        if (std::optional<PlayerSpec> spec =
                player(r, (*array)[size_t(i)], FieldReader::indexPath(path, i), participants))
        {
            list.append(std::move(*spec));
        }
    }
    return r.failed() ? std::nullopt : std::optional(list);
}

std::optional<BotSpec> bot(FieldReader &r, const Json &value, const QString &path, Participants &participants)
{
    const Json *object = r.object(&value, path);
    if (!object)
    {
        return std::nullopt;
    }
    BotSpec spec;
    spec.hostUserId = userId(r, *object, path, "hostUserId").value_or(QString());
    participants.botHosts.append({spec.hostUserId, path + u".hostUserId"_s});
    spec.name = text(r, *object, path, "name", Optional, NonEmpty | ScriptValue);
    spec.aiShortName =
        text(r, *object, path, "aiShortName", Required, NonEmpty | ScriptValue).value_or(QString());
    spec.aiVersion = text(r, *object, path, "aiVersion", Optional, ScriptValue);
    spec.aiOptions = options(r, *object, path, "aiOptions");
    spec.customProperties = customProperties(r, *object, path, StartScriptKeys::Ai);
    return r.failed() ? std::nullopt : std::optional(spec);
}

std::optional<TeamSpec> team(FieldReader &r, const Json &value, const QString &path,
                             Participants &participants)
{
    const Json *object = r.object(&value, path);
    if (!object)
    {
        return std::nullopt;
    }
    TeamSpec spec;
    spec.players = players(r, *object, path, "players", participants).value_or(QList<PlayerSpec>());
    const QString botsPath = path + u".bots"_s;
    const Json *bots = r.array(*object, path, "bots", Optional);
    for (qsizetype i = 0; bots && i < qsizetype(bots->size()) && !r.failed(); ++i)
    {
        if (std::optional<BotSpec> botSpec =
                bot(r, (*bots)[size_t(i)], FieldReader::indexPath(botsPath, i), participants))
        {
            spec.bots.append(std::move(*botSpec));
        }
    }
    spec.advantage = numberAtLeast(r, *object, path, "advantage", Optional, -1);
    spec.incomeMultiplier = numberAtLeast(r, *object, path, "incomeMultiplier", Optional, 0);
    spec.faction = text(r, *object, path, "faction", Optional, ScriptValue);
    const QString colorPath = path + u".color"_s;
    if (const Json *color = r.object(*object, path, "color", Optional))
    {
        RgbColor rgb;
        rgb.r = unitNumber(r, *color, colorPath, "r").value_or(0);
        rgb.g = unitNumber(r, *color, colorPath, "g").value_or(0);
        rgb.b = unitNumber(r, *color, colorPath, "b").value_or(0);
        spec.color = rgb;
    }
    const QString startPosPath = path + u".startPos"_s;
    if (const Json *startPos = r.object(*object, path, "startPos", Optional))
    {
        StartPosition position;
        position.x = r.integer(*startPos, startPosPath, "x", Required).value_or(0);
        position.y = r.integer(*startPos, startPosPath, "y", Required).value_or(0);
        spec.startPos = position;
    }
    spec.customProperties = customProperties(r, *object, path, StartScriptKeys::Team);
    if (!r.failed() && spec.players.isEmpty() && spec.bots.isEmpty())
    {
        r.fail(path, u"must have at least one player or bot"_s);
    }
    return r.failed() ? std::nullopt : std::optional(spec);
}

std::optional<StartBox> startBox(FieldReader &r, const Json &object, const QString &objectPath)
{
    const QString path = objectPath + u".startBox"_s;
    const Json *box = r.object(object, objectPath, "startBox", Optional);
    if (!box)
    {
        return std::nullopt;
    }
    StartBox result;
    result.top = unitNumber(r, *box, path, "top").value_or(0);
    result.bottom = unitNumber(r, *box, path, "bottom").value_or(0);
    result.left = unitNumber(r, *box, path, "left").value_or(0);
    result.right = unitNumber(r, *box, path, "right").value_or(0);
    if (r.failed())
    {
        return std::nullopt;
    }
    if (result.top >= result.bottom)
    {
        r.fail(path, u"top must be less than bottom"_s);
    }
    else if (result.left >= result.right)
    {
        r.fail(path, u"left must be less than right"_s);
    }
    return r.failed() ? std::nullopt : std::optional(result);
}

std::optional<AllyTeamSpec> allyTeam(FieldReader &r, const Json &value, const QString &path,
                                     qsizetype allyTeamCount, Participants &participants)
{
    const Json *object = r.object(&value, path);
    if (!object)
    {
        return std::nullopt;
    }
    AllyTeamSpec spec;
    const QString teamsPath = path + u".teams"_s;
    const Json *teams = r.array(*object, path, "teams", Required);
    if (teams && teams->empty())
    {
        r.fail(teamsPath, u"must have at least 1 item"_s);
    }
    for (qsizetype i = 0; teams && i < qsizetype(teams->size()) && !r.failed(); ++i)
    {
        if (std::optional<TeamSpec> teamSpec =
                team(r, (*teams)[size_t(i)], FieldReader::indexPath(teamsPath, i), participants))
        {
            spec.teams.append(std::move(*teamSpec));
        }
    }
    spec.startBox = startBox(r, *object, path);
    const QString alliesPath = path + u".allies"_s;
    if (const Json *allies = r.array(*object, path, "allies", Optional))
    {
        QList<int> indices;
        for (qsizetype i = 0; i < qsizetype(allies->size()) && !r.failed(); ++i)
        {
            const QString allyPath = FieldReader::indexPath(alliesPath, i);
            const std::optional<qint64> index = r.integer(&(*allies)[size_t(i)], allyPath);
            if (index && (*index < 0 || *index >= allyTeamCount))
            {
                r.fail(allyPath, u"must be the index of an ally team (0 to "_s +
                                     QString::number(allyTeamCount - 1) + u')');
            }
            else if (index)
            {
                indices.append(int(*index));
            }
        }
        spec.allies = indices;
    }
    spec.customProperties = customProperties(r, *object, path, StartScriptKeys::AllyTeam, true);
    return r.failed() ? std::nullopt : std::optional(spec);
}

QList<QPair<QString, qint64>> restrictions(FieldReader &r, const Json &data)
{
    const QString path = u"data.restrictions"_s;
    const Json *object = r.object(data, u"data"_s, "restrictions", Optional);
    if (!object)
    {
        return {};
    }
    QList<QPair<QString, qint64>> limits;
    QHash<QString, QString> seen;
    for (auto it = object->begin(); it != object->end() && !r.failed(); ++it)
    {
        const QString name = toQString(it.key());
        const QString entryPath = FieldReader::memberPath(path, it.key());
        if (!r.check(entryPath, TdfText::keyProblem(name)) || !uniqueKey(r, seen, name, entryPath))
        {
            break;
        }
        const std::optional<qint64> limit = r.integer(&it.value(), entryPath);
        if (limit && *limit < 0)
        {
            r.fail(entryPath, u"must be >= 0"_s);
        }
        else if (limit)
        {
            limits.append({name, *limit});
        }
    }
    return limits;
}

std::optional<QString> luamsgRegexp(FieldReader &r, const Json &data)
{
    const QString path = u"data.luamsgRegexp"_s;
    const std::optional<QString> pattern = r.string(data, u"data"_s, "luamsgRegexp", Optional);
    if (!pattern)
    {
        return std::nullopt;
    }
    const QRegularExpression expression(*pattern);
    if (!expression.isValid())
    {
        r.fail(path, u"does not compile: "_s + expression.errorString() + u" at offset "_s +
                         QString::number(expression.patternErrorOffset()));
        return std::nullopt;
    }
    if (r.check(path, ecmaScriptProblem(*pattern)))
    {
        return pattern;
    }
    return std::nullopt;
}

std::optional<StartPosType> startPosType(FieldReader &r, const Json &data)
{
    const Json *value = r.member(data, u"data"_s, "startPosType", Required);
    if (!value)
    {
        return std::nullopt;
    }
    static const QList<QPair<const char *, StartPosType>> types = {{"fixed", StartPosType::Fixed},
                                                                   {"random", StartPosType::Random},
                                                                   {"ingame", StartPosType::Ingame},
                                                                   {"beforegame", StartPosType::BeforeGame}};
    for (const auto &[name, type] : types)
    {
        if (*value == name)
        {
            return type;
        }
    }
    r.fail(u"data.startPosType"_s, u"must be one of \"fixed\", \"random\", \"ingame\", \"beforegame\""_s);
    return std::nullopt;
}

// The envelope as the request schemas define it, and the data object.
const Json *requestData(FieldReader &r, const Json &message, std::string_view commandId)
{
    if (!message.is_object())
    {
        r.fail(QString(), u"the request must be a JSON object"_s);
        return nullptr;
    }
    const Json *type = r.member(message, QString(), "type", Required);
    if (type && *type != "request")
    {
        r.fail(u"type"_s, u"must be \"request\""_s);
    }
    r.string(message, QString(), "messageId", Required);
    const Json *command = r.member(message, QString(), "commandId", Required);
    if (command && *command != commandId)
    {
        r.fail(u"commandId"_s, u"must be \""_s + toQString(std::string(commandId)) + u'"');
    }
    return r.object(message, QString(), "data", Required);
}

template <typename T>
Result<T, FieldError> result(const FieldReader &r, T value)
{
    if (r.failed())
    {
        return fail(r.error());
    }
    return value;
}
} // namespace

Result<StartRequest, FieldError> RequestDecoder::start(const Json &message)
{
    FieldReader r;
    StartRequest request;
    const Json *data = requestData(r, message, "autohost/start");
    if (!data)
    {
        return fail(r.error());
    }
    const QString path = u"data"_s;
    request.battleId = battleId(r, *data).value_or(QUuid());
    request.engineVersion = engineVersion(r, *data, "engineVersion").value_or(QString());
    request.gameName = text(r, *data, path, "gameName", Required, NonEmpty | ScriptValue).value_or(QString());
    request.mapName = text(r, *data, path, "mapName", Required, NonEmpty | ScriptValue).value_or(QString());
    request.gameArchiveHash = archiveHash(r, *data, "gameArchiveHash");
    request.mapArchiveHash = archiveHash(r, *data, "mapArchiveHash");
    request.startDelay = r.integer(*data, path, "startDelay", Optional);
    request.startPosType = startPosType(r, *data).value_or(StartPosType::Ingame);
    Participants participants;
    const QString allyTeamsPath = u"data.allyTeams"_s;
    const Json *allyTeams = r.array(*data, path, "allyTeams", Required);
    if (allyTeams && allyTeams->empty())
    {
        r.fail(allyTeamsPath, u"must have at least 1 item"_s);
    }
    for (qsizetype i = 0; allyTeams && i < qsizetype(allyTeams->size()) && !r.failed(); ++i)
    {
        if (std::optional<AllyTeamSpec> spec =
                allyTeam(r, (*allyTeams)[size_t(i)], FieldReader::indexPath(allyTeamsPath, i),
                         qsizetype(allyTeams->size()), participants))
        {
            request.allyTeams.append(std::move(*spec));
        }
    }
    request.spectators = players(r, *data, path, "spectators", participants).value_or(QList<PlayerSpec>());
    request.mapOptions = options(r, *data, path, "mapOptions");
    request.gameOptions = options(r, *data, path, "gameOptions");
    request.restrictions = restrictions(r, *data);
    request.luamsgRegexp = luamsgRegexp(r, *data);
    for (const auto &[hostUserId, hostPath] : std::as_const(participants.botHosts))
    {
        if (!participants.pathByUserId.contains(hostUserId))
        {
            r.fail(hostPath, u"is not the userId of a player or spectator of this start"_s);
        }
    }
    return result(r, std::move(request));
}

Result<KillRequest, FieldError> RequestDecoder::kill(const Json &message)
{
    FieldReader r;
    KillRequest request;
    if (const Json *data = requestData(r, message, "autohost/kill"))
    {
        request.battleId = battleId(r, *data).value_or(QUuid());
    }
    return result(r, request);
}

Result<AddPlayerRequest, FieldError> RequestDecoder::addPlayer(const Json &message)
{
    FieldReader r;
    AddPlayerRequest request;
    if (const Json *data = requestData(r, message, "autohost/addPlayer"))
    {
        const QString path = u"data"_s;
        request.battleId = battleId(r, *data).value_or(QUuid());
        request.userId = userId(r, *data, path, "userId").value_or(QString());
        request.name = text(r, *data, path, "name", Required, Token).value_or(QString());
        request.password = text(r, *data, path, "password", Required, Token).value_or(QString());
    }
    return result(r, request);
}

Result<KickPlayerRequest, FieldError> RequestDecoder::kickPlayer(const Json &message)
{
    FieldReader r;
    KickPlayerRequest request;
    if (const Json *data = requestData(r, message, "autohost/kickPlayer"))
    {
        request.battleId = battleId(r, *data).value_or(QUuid());
        request.userId = userId(r, *data, u"data"_s, "userId").value_or(QString());
    }
    return result(r, request);
}

Result<MutePlayerRequest, FieldError> RequestDecoder::mutePlayer(const Json &message)
{
    FieldReader r;
    MutePlayerRequest request;
    if (const Json *data = requestData(r, message, "autohost/mutePlayer"))
    {
        const QString path = u"data"_s;
        request.battleId = battleId(r, *data).value_or(QUuid());
        request.userId = userId(r, *data, path, "userId").value_or(QString());
        request.chat = r.boolean(*data, path, "chat", Required).value_or(false);
        request.draw = r.boolean(*data, path, "draw", Required).value_or(false);
    }
    return result(r, request);
}

Result<SpecPlayersRequest, FieldError> RequestDecoder::specPlayers(const Json &message)
{
    FieldReader r;
    SpecPlayersRequest request;
    if (const Json *data = requestData(r, message, "autohost/specPlayers"))
    {
        request.battleId = battleId(r, *data).value_or(QUuid());
        const QString path = u"data.userIds"_s;
        const Json *userIds = r.array(*data, u"data"_s, "userIds", Required);
        for (qsizetype i = 0; userIds && i < qsizetype(userIds->size()) && !r.failed(); ++i)
        {
            const QString itemPath = FieldReader::indexPath(path, i);
            const std::optional<QString> id = r.string(&(*userIds)[size_t(i)], itemPath);
            if (id && id->isEmpty())
            {
                r.fail(itemPath, u"must not be empty"_s);
            }
            else if (id && r.check(itemPath, TdfText::valueProblem(*id)))
            {
                request.userIds.append(*id);
            }
        }
    }
    return result(r, request);
}

Result<SendMessageRequest, FieldError> RequestDecoder::sendMessage(const Json &message)
{
    FieldReader r;
    SendMessageRequest request;
    if (const Json *data = requestData(r, message, "autohost/sendMessage"))
    {
        request.battleId = battleId(r, *data).value_or(QUuid());
        const QString path = u"data.message"_s;
        request.message = r.string(*data, u"data"_s, "message", Required).value_or(QString());
        if (r.failed())
        {
            return fail(r.error());
        }
        if (codePointCount(request.message) > MaxMessageLength)
        {
            r.fail(path, u"must not be longer than %1 characters"_s.arg(MaxMessageLength));
        }
        else if (containsControl(request.message))
        {
            r.fail(path, u"must not contain control characters (newline, NUL, …)"_s);
        }
    }
    return result(r, request);
}

Result<SendCommandRequest, FieldError> RequestDecoder::sendCommand(const Json &message)
{
    FieldReader r;
    SendCommandRequest request;
    if (const Json *data = requestData(r, message, "autohost/sendCommand"))
    {
        request.battleId = battleId(r, *data).value_or(QUuid());
        request.command = r.string(*data, u"data"_s, "command", Required).value_or(QString());
        const bool matches =
            !request.command.isEmpty() &&
            std::all_of(request.command.begin(), request.command.end(),
                        [](QChar c)
                        { return isAsciiDigit(c) || (c >= u'a' && c <= u'z') || c == u'_' || c == u'-'; });
        if (!r.failed() && !matches)
        {
            r.fail(u"data.command"_s, u"must match "_s + CommandPattern);
        }
        else if (request.command == u"adduser")
        {
            // The player table follows the engine's numbering; an /adduser it does not know about would shift
            // it.
            r.fail(u"data.command"_s, u"must not be adduser (use autohost/addPlayer)"_s);
        }
        const QString path = u"data.arguments"_s;
        const Json *arguments = r.array(*data, u"data"_s, "arguments", Optional);
        for (qsizetype i = 0; arguments && i < qsizetype(arguments->size()) && !r.failed(); ++i)
        {
            const QString itemPath = FieldReader::indexPath(path, i);
            const std::optional<QString> argument = r.string(&(*arguments)[size_t(i)], itemPath);
            if (!argument)
            {
                break;
            }
            const bool last = i + 1 == qsizetype(arguments->size());
            if (argument->isEmpty())
            {
                r.fail(itemPath, u"must not be empty"_s);
            }
            else if (containsControl(*argument))
            {
                r.fail(itemPath, u"must not contain control characters (newline, NUL, …)"_s);
            }
            else if (argument->contains(u"//"))
            {
                r.fail(itemPath, u"must not contain '//'"_s);
            }
            else if (!last &&
                     std::any_of(argument->begin(), argument->end(), [](QChar c) { return c.isSpace(); }))
            {
                r.fail(itemPath, u"must not contain white space (only the last argument may)"_s);
            }
            else
            {
                request.arguments.append(*argument);
            }
        }
    }
    return result(r, request);
}

Result<SubscribeUpdatesRequest, FieldError> RequestDecoder::subscribeUpdates(const Json &message)
{
    FieldReader r;
    SubscribeUpdatesRequest request;
    if (const Json *data = requestData(r, message, "autohost/subscribeUpdates"))
    {
        request.since = r.integer(*data, u"data"_s, "since", Required).value_or(0);
    }
    return result(r, request);
}

Result<InstallEngineRequest, FieldError> RequestDecoder::installEngine(const Json &message)
{
    FieldReader r;
    InstallEngineRequest request;
    if (const Json *data = requestData(r, message, "autohost/installEngine"))
    {
        request.version = engineVersion(r, *data, "version").value_or(QString());
    }
    return result(r, request);
}

Result<QUuid, FieldError> RequestDecoder::battleIdOf(const Json &data)
{
    FieldReader r;
    QUuid id;
    if (r.object(&data, u"data"_s))
    {
        id = battleId(r, data).value_or(QUuid());
    }
    return result(r, id);
}
