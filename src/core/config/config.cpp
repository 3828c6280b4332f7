#include "config/config.h"

#include <cmath>
#include <limits>
#include <variant>

#include <QDir>
#include <QFile>
#include <QHash>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QUrl>

#include "admin/listenaddress.h"
#include "engine/cpuaffinity.h"
#include "protocol/json.h"

using namespace Qt::Literals::StringLiterals;

bool Config::secureConnection() const
{
    if (useSecureConnection)
    {
        return *useSecureConnection;
    }
    if (tachyonServer.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
    {
        return false;
    }
    QString host = tachyonServer;
    if (host.startsWith(u'[') && host.endsWith(u']'))
    {
        host = host.mid(1, host.size() - 2);
    }
    QHostAddress address;
    return !(address.setAddress(host) && address.isLoopback());
}

namespace
{

enum class Kind
{
    Text,           // any string
    Secret,         // any string, never shown
    OptionalSecret, // unset (null) or any string, never shown; empty differs from unset
    ListenAddress,  // empty or address:port (ListenAddress)
    NonEmptyText,   // a non-empty string (directories)
    Host,           // empty, a host name or an IP literal
    Ip,             // an IP literal
    OptionalIp,     // empty or an IP literal
    HttpUrl,
    Port,        // optional integer 1..65535
    Bool,        // optional boolean
    Flag,        // boolean; null or empty text means the default
    Number,      // finite number within [minimum, maximum], minimum exclusive when exclusiveMinimum
    Integer,     // integer within [minimum, maximum]
    Limit,       // 0 (no limit) or an integer within [minimum, maximum]
    CpuAffinity, // CpuAffinity::parse accepts it
    Settings,    // object of scalars, coerced to strings
    StringList,  // array of strings
    LogFormat,   // "text" or "json"
};

enum class Group
{
    Server,
    Battles,
    Engines,
    Admin,
    Advanced,
};

using Member =
    std::variant<QString Config::*, std::optional<QString> Config::*, std::optional<quint16> Config::*,
                 std::optional<bool> Config::*, bool Config::*, double Config::*, int Config::*,
                 QList<QPair<QString, QString>> Config::*, QStringList Config::*>;

struct KeySpec
{
    QString name;
    Kind kind;
    Member member;
    Group group;
    const char *description; // translatable in context "ConfigKey"
    double minimum = 0;
    double maximum = 0;
    bool exclusiveMinimum = false;
};

// Durations beyond this (about 31 years) are mistakes, and keeping them finite keeps µs/ms conversions exact.
constexpr double MaxSeconds = 1e9;
constexpr double MaxInt = std::numeric_limits<int>::max();

// Every key, grouped as the settings editor shows them.
const QList<KeySpec> &keySpecs()
{
    static const QList<KeySpec> specs{
        {u"tachyonServer"_s, Kind::Host, &Config::tachyonServer, Group::Server,
         QT_TRANSLATE_NOOP(
             "ConfigKey",
             "Host name or IP address of the Tachyon server, without scheme; empty: local mode")},
        {u"tachyonServerPort"_s, Kind::Port, &Config::tachyonServerPort, Group::Server,
         QT_TRANSLATE_NOOP("ConfigKey", "Port of the Tachyon server; unset: 443 with TLS, 80 without")},
        {u"useSecureConnection"_s, Kind::Bool, &Config::useSecureConnection, Group::Server,
         QT_TRANSLATE_NOOP("ConfigKey", "Connect with TLS (https, wss); unset: TLS unless the server is "
                                        "localhost or a loopback address")},
        {u"authClientId"_s, Kind::Text, &Config::authClientId, Group::Server,
         QT_TRANSLATE_NOOP("ConfigKey", "OAuth2 client id issued by the server's admins")},
        {u"authClientSecret"_s, Kind::Secret, &Config::authClientSecret, Group::Server,
         QT_TRANSLATE_NOOP("ConfigKey", "OAuth2 client secret issued by the server's admins")},
        {u"hostingIP"_s, Kind::OptionalIp, &Config::hostingIP, Group::Server,
         QT_TRANSLATE_NOOP("ConfigKey",
                           "IPv4 or IPv6 address players connect to; required with a Tachyon server")},
        {u"maxReconnectDelaySeconds"_s, Kind::Number, &Config::maxReconnectDelaySeconds, Group::Server,
         QT_TRANSLATE_NOOP("ConfigKey", "Longest wait between reconnection attempts, in seconds"), 1,
         MaxSeconds},
        {u"serverStatsIntervalSeconds"_s, Kind::Number, &Config::serverStatsIntervalSeconds, Group::Server,
         QT_TRANSLATE_NOOP("ConfigKey", "How often the server's user count is asked, in seconds"), 0,
         MaxSeconds, true},
        {u"maxBattles"_s, Kind::Integer, &Config::maxBattles, Group::Battles,
         QT_TRANSLATE_NOOP("ConfigKey", "Battles at once"), 1, MaxInt},
        {u"engineBindIP"_s, Kind::Ip, &Config::engineBindIP, Group::Battles,
         QT_TRANSLATE_NOOP("ConfigKey", "Address the engines listen on for players")},
        {u"engineStartPort"_s, Kind::Integer, &Config::engineStartPort, Group::Battles,
         QT_TRANSLATE_NOOP("ConfigKey", "First game port; each battle uses this plus its offset"), 1025,
         65535},
        {u"engineAutohostStartPort"_s, Kind::Integer, &Config::engineAutohostStartPort, Group::Battles,
         QT_TRANSLATE_NOOP("ConfigKey", "First UDP port between the engines and the autohost, on 127.0.0.1"),
         1025, 65535},
        {u"maxPortsUsed"_s, Kind::Integer, &Config::maxPortsUsed, Group::Battles,
         QT_TRANSLATE_NOOP("ConfigKey", "Number of port offsets in both ranges"), 1, MaxInt},
        {u"maxGameDurationSeconds"_s, Kind::Number, &Config::maxGameDurationSeconds, Group::Battles,
         QT_TRANSLATE_NOOP("ConfigKey", "A battle running longer is stopped, in seconds"), 3600, MaxSeconds},
        {u"engineSettings"_s, Kind::Settings, &Config::engineSettings, Group::Battles,
         QT_TRANSLATE_NOOP("ConfigKey", "Settings written to each battle's springsettings.cfg")},
        {u"drainTimeoutSeconds"_s, Kind::Number, &Config::drainTimeoutSeconds, Group::Battles,
         QT_TRANSLATE_NOOP("ConfigKey", "On SIGTERM, how long running battles may go on before they are "
                                        "stopped, in seconds; 0: stop them at once"),
         0, 604800},
        {u"engineCpuAffinity"_s, Kind::CpuAffinity, &Config::engineCpuAffinity, Group::Battles,
         QT_TRANSLATE_NOOP("ConfigKey", "Cores of each engine: all, spread (the least-used core each), "
                                        "spread:0-7, or cores such as 0-3,6")},
        {u"engineNiceLevel"_s, Kind::Integer, &Config::engineNiceLevel, Group::Battles,
         QT_TRANSLATE_NOOP("ConfigKey", "Nice level of each engine, 0 to 19; 0: the autohost's own"), 0, 19},
        {u"engineMemoryLimitMegabytes"_s, Kind::Limit, &Config::engineMemoryLimitMegabytes, Group::Battles,
         QT_TRANSLATE_NOOP("ConfigKey", "Address space limit of each engine, in megabytes; 0: none"), 64,
         1048576},
        {u"maxBattleUpdatesPerSecond"_s, Kind::Integer, &Config::maxBattleUpdatesPerSecond, Group::Battles,
         QT_TRANSLATE_NOOP("ConfigKey", "Updates one battle may add per second after a burst of 5000; more "
                                        "are dropped"),
         1, MaxInt},
        {u"instancesDir"_s, Kind::NonEmptyText, &Config::instancesDir, Group::Battles,
         QT_TRANSLATE_NOOP("ConfigKey", "Directory of the battles' working directories")},
        {u"enginesDir"_s, Kind::NonEmptyText, &Config::enginesDir, Group::Engines,
         QT_TRANSLATE_NOOP("ConfigKey", "Directory of installed engines, one directory per version")},
        {u"extraEngineDirs"_s, Kind::StringList, &Config::extraEngineDirs, Group::Engines,
         QT_TRANSLATE_NOOP(
             "ConfigKey",
             "Engines kept elsewhere, never written to: engine directories or directories of versions")},
        {u"systemEngines"_s, Kind::Flag, &Config::systemEngines, Group::Engines,
         QT_TRANSLATE_NOOP("ConfigKey", "Offer the system's engine too (Debian's spring package)")},
        {u"engineDataDirs"_s, Kind::StringList, &Config::engineDataDirs, Group::Engines,
         QT_TRANSLATE_NOOP("ConfigKey", "Extra data directories (maps, games) for every engine")},
        {u"engineCdnBaseUrl"_s, Kind::HttpUrl, &Config::engineCdnBaseUrl, Group::Engines,
         QT_TRANSLATE_NOOP("ConfigKey", "Where engines to install are looked up")},
        {u"engineInstallTimeoutSeconds"_s, Kind::Integer, &Config::engineInstallTimeoutSeconds,
         Group::Engines,
         QT_TRANSLATE_NOOP("ConfigKey",
                           "Longest time for one download attempt of an engine archive, in seconds"),
         5, MaxInt},
        {u"engineDownloadMaxAttempts"_s, Kind::Integer, &Config::engineDownloadMaxAttempts, Group::Engines,
         QT_TRANSLATE_NOOP("ConfigKey", "Download attempts per engine install"), 1, MaxInt},
        {u"engineDownloadRetryBackoffBaseMs"_s, Kind::Integer, &Config::engineDownloadRetryBackoffBaseMs,
         Group::Engines,
         QT_TRANSLATE_NOOP("ConfigKey",
                           "Wait before the second download attempt, doubling after, in milliseconds"),
         1000, MaxInt},
        {u"adminListen"_s, Kind::ListenAddress, &Config::adminListen, Group::Admin,
         QT_TRANSLATE_NOOP("ConfigKey",
                           "Address and port of the admin endpoint (metrics, state, remote control), "
                           "e.g. 127.0.0.1:8201; empty: no endpoint")},
        {u"adminToken"_s, Kind::OptionalSecret, &Config::adminToken, Group::Admin,
         QT_TRANSLATE_NOOP("ConfigKey", "Bearer token of the admin endpoint; unset: the one in the data "
                                        "directory's admin-token file, made on first run; empty: no "
                                        "authentication (loopback only)")},
        {u"metricsPublic"_s, Kind::Flag, &Config::metricsPublic, Group::Admin,
         QT_TRANSLATE_NOOP("ConfigKey", "Serve the Prometheus metrics without the token")},
        {u"adminTlsCertificate"_s, Kind::Text, &Config::adminTlsCertificate, Group::Admin,
         QT_TRANSLATE_NOOP("ConfigKey",
                           "PEM certificate file for HTTPS on the admin endpoint; needs the key too")},
        {u"adminTlsKey"_s, Kind::Text, &Config::adminTlsKey, Group::Admin,
         QT_TRANSLATE_NOOP("ConfigKey", "PEM private key file of that certificate")},
        {u"maxUpdatesSubscriptionAgeSeconds"_s, Kind::Number, &Config::maxUpdatesSubscriptionAgeSeconds,
         Group::Advanced,
         QT_TRANSLATE_NOOP("ConfigKey",
                           "How long battle updates are kept for subscribers to replay, in seconds"),
         0, MaxSeconds, true},
        {u"engineStartTimeoutSeconds"_s, Kind::Number, &Config::engineStartTimeoutSeconds, Group::Advanced,
         QT_TRANSLATE_NOOP("ConfigKey", "How long an engine may take to start, in seconds"), 0, MaxSeconds,
         true},
        {u"engineKillGraceSeconds"_s, Kind::Number, &Config::engineKillGraceSeconds, Group::Advanced,
         QT_TRANSLATE_NOOP(
             "ConfigKey",
             "After a stop request, how long an engine may take to quit before it is terminated, in seconds"),
         0, MaxSeconds, true},
        {u"logFormat"_s, Kind::LogFormat, &Config::logFormat, Group::Advanced,
         QT_TRANSLATE_NOOP("ConfigKey", "Log lines as plain text or as JSON lines")},
        {u"journalDir"_s, Kind::Text, &Config::journalDir, Group::Advanced,
         QT_TRANSLATE_NOOP("ConfigKey",
                           "Directory of the update journal, which lets the server replay updates across a "
                           "restart and reports battles cut off by a crash; empty: no journal")},
        {u"journalMaxMegabytes"_s, Kind::Integer, &Config::journalMaxMegabytes, Group::Advanced,
         QT_TRANSLATE_NOOP("ConfigKey",
                           "Most disk space the update journal takes, in MiB; the oldest updates go first"),
         1, 1000000},
    };
    return specs;
}

const KeySpec *findKey(const QString &name)
{
    for (const KeySpec &spec : keySpecs())
    {
        if (spec.name == name)
        {
            return &spec;
        }
    }
    return nullptr;
}

// tachyonServer → AUTOHOST_TACHYON_SERVER, hostingIP → AUTOHOST_HOSTING_IP.
QString environmentName(const QString &key)
{
    QString name = u"AUTOHOST_"_s;
    for (qsizetype i = 0; i < key.size(); ++i)
    {
        const QChar c = key.at(i);
        if (c.isUpper() && i > 0 && (key.at(i - 1).isLower() || key.at(i - 1).isDigit()))
        {
            name += u'_';
        }
        name += c.toUpper();
    }
    return name;
}

const KeySpec *findEnvironmentKey(const QString &name)
{
    static const QHash<QString, const KeySpec *> byName = []
    {
        QHash<QString, const KeySpec *> map;
        for (const KeySpec &spec : keySpecs())
        {
            map.insert(environmentName(spec.name), &spec);
        }
        return map;
    }();
    return byName.value(name);
}

bool isIpv4Literal(const QString &text)
{
    static const QRegularExpression pattern(
        u"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"_s);
    return pattern.match(text).hasMatch();
}

// QHostAddress alone would also take "127.1" or surrounding spaces.
bool isIpLiteral(const QString &text)
{
    if (isIpv4Literal(text))
    {
        return true;
    }
    QHostAddress address;
    return text.contains(u':') && text.trimmed() == text && address.setAddress(text) &&
           address.protocol() == QAbstractSocket::IPv6Protocol;
}

bool isHost(const QString &text)
{
    if (text.contains(u':'))
    {
        const bool bracketed = text.startsWith(u'[') && text.endsWith(u']');
        return isIpLiteral(bracketed ? text.mid(1, text.size() - 2) : text);
    }
    static const QRegularExpression pattern(u"^[A-Za-z0-9._-]+$"_s);
    return pattern.match(text).hasMatch();
}

std::optional<double> parseNumber(const QString &text)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value))
    {
        return std::nullopt;
    }
    return value;
}

// JSON numbers, and numbers written as strings (environment, --set, or quoted in the file like the
// reference's coercing schema validator accepts).
std::optional<double> numberValue(const Json &value)
{
    if (value.is_number())
    {
        return value.get<double>();
    }
    if (value.is_string())
    {
        return parseNumber(toQString(value.get<std::string>()));
    }
    return std::nullopt;
}

std::optional<bool> boolValue(const Json &value)
{
    if (value.is_boolean())
    {
        return value.get<bool>();
    }
    if (value.is_string())
    {
        const QString text = toQString(value.get<std::string>()).trimmed().toLower();
        if (text == u"true"_s || text == u"1"_s)
        {
            return true;
        }
        if (text == u"false"_s || text == u"0"_s)
        {
            return false;
        }
    }
    return std::nullopt;
}

// Text as the reference writes a coerced value: integral numbers without a fraction.
QString settingText(const Json &value)
{
    if (value.is_string())
    {
        return toQString(value.get<std::string>());
    }
    if (value.is_boolean())
    {
        return value.get<bool>() ? u"true"_s : u"false"_s;
    }
    if (value.is_number_float())
    {
        const double number = value.get<double>();
        if (std::isfinite(number) && std::trunc(number) == number && std::abs(number) < 1e15)
        {
            return QString::number(qint64(number));
        }
    }
    return toQString(dumpJson(value));
}

QString rangeText(const KeySpec &spec, const QString &what)
{
    const QString minimum = QString::number(spec.minimum, 'g', 12);
    const QString maximum = QString::number(spec.maximum, 'g', 12);
    if (spec.exclusiveMinimum)
    {
        return u"must be %1 > %2 and <= %3"_s.arg(what, minimum, maximum);
    }
    if (spec.maximum == MaxInt)
    {
        return u"must be %1 >= %2"_s.arg(what, minimum);
    }
    return u"must be %1 from %2 to %3"_s.arg(what, minimum, maximum);
}

using Value = std::variant<QString, std::optional<QString>, std::optional<quint16>, std::optional<bool>, bool,
                           double, int, QList<QPair<QString, QString>>, QStringList>;

// Checks a value for a key and converts it to the member's type; the error never quotes the value, which may
// be a secret.
Result<Value> convert(const KeySpec &spec, const Json &value)
{
    const bool emptyText = value.is_string() && value.get<std::string>().empty();
    switch (spec.kind)
    {
    case Kind::Text:
    case Kind::Secret:
    case Kind::NonEmptyText:
    case Kind::Host:
    case Kind::Ip:
    case Kind::OptionalIp:
    case Kind::HttpUrl:
    case Kind::LogFormat:
    case Kind::ListenAddress:
    {
        if (!value.is_string())
        {
            return fail(u"must be a string"_s);
        }
        const QString text = toQString(value.get<std::string>());
        if (spec.kind == Kind::NonEmptyText && text.isEmpty())
        {
            return fail(u"must be a non-empty string"_s);
        }
        if (spec.kind == Kind::Host && !text.isEmpty() && !isHost(text))
        {
            return fail(u"must be a host name or IP address, without scheme, port or path"_s);
        }
        if ((spec.kind == Kind::Ip || (spec.kind == Kind::OptionalIp && !text.isEmpty())) &&
            !isIpLiteral(text))
        {
            return fail(u"must be an IPv4 or IPv6 address"_s);
        }
        if (spec.kind == Kind::HttpUrl)
        {
            const QUrl url(text, QUrl::StrictMode);
            if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) ||
                url.host().isEmpty())
            {
                return fail(u"must be an http or https URL"_s);
            }
        }
        if (spec.kind == Kind::LogFormat && text != u"text"_s && text != u"json"_s)
        {
            return fail(u"must be \"text\" or \"json\""_s);
        }
        if (spec.kind == Kind::ListenAddress && !text.isEmpty())
        {
            if (const Result<ListenAddress> listen = ListenAddress::parse(text); !listen)
            {
                return fail(listen.error());
            }
        }
        return Value(text);
    }
    case Kind::OptionalSecret:
    {
        if (value.is_null())
        {
            return Value(std::optional<QString>());
        }
        if (!value.is_string())
        {
            return fail(u"must be a string"_s);
        }
        return Value(std::optional<QString>(toQString(value.get<std::string>())));
    }
    case Kind::Port:
    {
        if (value.is_null() || emptyText)
        {
            return Value(std::optional<quint16>());
        }
        const auto number = numberValue(value);
        if (!number || std::trunc(*number) != *number || *number < 1 || *number > 65535)
        {
            return fail(u"must be an integer from 1 to 65535"_s);
        }
        return Value(std::optional<quint16>(quint16(*number)));
    }
    case Kind::Bool:
    {
        if (value.is_null() || emptyText)
        {
            return Value(std::optional<bool>());
        }
        const auto flag = boolValue(value);
        if (!flag)
        {
            return fail(u"must be true or false"_s);
        }
        return Value(flag);
    }
    case Kind::Flag:
    {
        if (value.is_null() || emptyText)
        {
            return Value(Config().*std::get<bool Config::*>(spec.member));
        }
        const auto flag = boolValue(value);
        if (!flag)
        {
            return fail(u"must be true or false"_s);
        }
        return Value(*flag);
    }
    case Kind::Number:
    {
        const auto number = numberValue(value);
        const bool aboveMinimum =
            number && (spec.exclusiveMinimum ? *number > spec.minimum : *number >= spec.minimum);
        if (!aboveMinimum || *number > spec.maximum)
        {
            return fail(rangeText(spec, u"a number"_s));
        }
        return Value(*number);
    }
    case Kind::Integer:
    case Kind::Limit:
    {
        const auto number = numberValue(value);
        const bool none = spec.kind == Kind::Limit && number == 0.0;
        if (!number || std::trunc(*number) != *number ||
            (!none && (*number < spec.minimum || *number > spec.maximum)))
        {
            return fail(rangeText(spec, spec.kind == Kind::Limit ? u"0 (no limit) or an integer"_s
                                                                 : u"an integer"_s));
        }
        return Value(int(*number));
    }
    case Kind::CpuAffinity:
    {
        if (!value.is_string())
        {
            return fail(u"must be a string"_s);
        }
        const Result<CpuAffinity> affinity = CpuAffinity::parse(toQString(value.get<std::string>()));
        if (!affinity)
        {
            return fail(affinity.error());
        }
        return Value(affinity->toString());
    }
    case Kind::Settings:
    {
        if (!value.is_object())
        {
            return fail(u"must be an object of strings"_s);
        }
        static const QRegularExpression keyPattern(u"^[A-Za-z0-9_]+$"_s);
        QList<QPair<QString, QString>> settings;
        for (const auto &[jsonKey, jsonValue] : value.items())
        {
            const QString key = toQString(jsonKey);
            if (!keyPattern.match(key).hasMatch())
            {
                return fail(u"setting names may only contain letters, digits and '_'"_s);
            }
            if (!jsonValue.is_string() && !jsonValue.is_number() && !jsonValue.is_boolean())
            {
                return fail(u"the value of '%1' must be a string, number or boolean"_s.arg(key));
            }
            const QString text = settingText(jsonValue);
            if (text.contains(u'\r') || text.contains(u'\n') || text.contains(QChar(0)))
            {
                return fail(u"the value of '%1' must not contain line breaks or NUL"_s.arg(key));
            }
            settings.append({key, text});
        }
        return Value(settings);
    }
    case Kind::StringList:
    {
        if (!value.is_array())
        {
            return fail(u"must be an array of strings"_s);
        }
        QStringList list;
        for (const Json &item : value)
        {
            if (!item.is_string())
            {
                return fail(u"must be an array of strings"_s);
            }
            list.append(toQString(item.get<std::string>()));
        }
        return Value(list);
    }
    }
    return fail(u"unsupported key"_s);
}

void assign(Config &config, const Member &member, Value value)
{
    std::visit(
        [&config, &value](auto pointer)
        {
            using Type = std::remove_reference_t<decltype(config.*pointer)>;
            config.*pointer = std::get<Type>(std::move(value));
        },
        member);
}

Json toJson(const Config &config, const Member &member)
{
    return std::visit(
        [&config](auto pointer) -> Json
        {
            const auto &field = config.*pointer;
            using Type = std::decay_t<decltype(field)>;
            if constexpr (std::is_same_v<Type, QString>)
            {
                return toStdString(field);
            }
            else if constexpr (std::is_same_v<Type, std::optional<QString>>)
            {
                return field ? Json(toStdString(*field)) : Json();
            }
            else if constexpr (std::is_same_v<Type, std::optional<quint16>> ||
                               std::is_same_v<Type, std::optional<bool>>)
            {
                return field ? Json(*field) : Json();
            }
            else if constexpr (std::is_same_v<Type, QList<QPair<QString, QString>>>)
            {
                Json object = Json::object();
                for (const auto &[key, text] : field)
                {
                    object[toStdString(key)] = toStdString(text);
                }
                return object;
            }
            else if constexpr (std::is_same_v<Type, QStringList>)
            {
                Json array = Json::array();
                for (const QString &text : field)
                {
                    array.push_back(toStdString(text));
                }
                return array;
            }
            else
            {
                return field;
            }
        },
        member);
}

// Where "line 3, column 7" of a broken file is, without quoting its text (it may hold the secret).
struct ErrorPositionSax
{
    std::size_t position = 0;

    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(Json::number_integer_t) { return true; }
    bool number_unsigned(Json::number_unsigned_t) { return true; }
    bool number_float(Json::number_float_t, const Json::string_t &) { return true; }
    bool string(Json::string_t &) { return true; }
    bool binary(Json::binary_t &) { return true; }
    bool start_object(std::size_t) { return true; }
    bool key(Json::string_t &) { return true; }
    bool end_object() { return true; }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return true; }
    bool parse_error(std::size_t errorPosition, const std::string &, const nlohmann::detail::exception &)
    {
        position = errorPosition;
        return false;
    }
};

QString syntaxErrorPosition(const QByteArray &text)
{
    ErrorPositionSax sax;
    Json::sax_parse(text.begin(), text.end(), &sax);
    // nlohmann counts the offending byte itself.
    const qsizetype offset = qBound<qsizetype>(0, qsizetype(sax.position) - 1, text.size());
    const QByteArray before = text.left(offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return u"line %1, column %2"_s.arg(line).arg(column);
}

// A problem found while loading: the key it concerns (empty: the file itself), where the value came from
// ("config.json: maxBattles", "AUTOHOST_MAX_BATTLES", "--set maxBattles") and what is wrong with it.
struct LoadProblem
{
    QString key;
    QString where;
    QString message;

    QString text() const { return where + u": "_s + message; }
};

using Checked = Result<std::monostate, LoadProblem>;

Checked passed()
{
    return Checked(std::monostate{});
}

class Loader
{
public:
    Result<LoadedConfig, LoadProblem> load(const ConfigSources &sources);
    QList<LoadProblem> fileProblems(const QByteArray &content);

private:
    enum Rank
    {
        Defaults,
        File,
        Environment,
        Override,
    };

    Checked apply(const KeySpec &spec, const Json &value, const QString &where, Rank rank);
    // A value given as text (environment, --set): objects and arrays are JSON text.
    Checked applyText(const KeySpec &spec, const QString &text, const QString &where, Rank rank);
    static Result<Json, LoadProblem> parseFile(const QString &path, const QByteArray &text);
    // Applies a file's keys. Stops at the first invalid value unless keepGoing, which reports each.
    QList<LoadProblem> applyFile(const QString &path, const Json &json, bool keepGoing);
    Checked crossChecks() const;
    // Where a key got its value ("config.json: maxPortsUsed"), for errors that involve several keys.
    QString whereSet(const QString &key) const;
    QString latest(const QStringList &keys) const;
    LoadProblem problemAt(const QString &key, const QString &message) const
    {
        return {key, whereSet(key), message};
    }

    LoadedConfig m_loaded;
    QHash<QString, QString> m_where;
    QHash<QString, Rank> m_rank;
};

Result<LoadedConfig, LoadProblem> Loader::load(const ConfigSources &sources)
{
    if (!sources.filePath.isEmpty())
    {
        QFile file(sources.filePath);
        if (!file.open(QIODevice::ReadOnly))
        {
            return fail(
                LoadProblem{{}, sources.filePath, u"cannot read the file: %1"_s.arg(file.errorString())});
        }
        const Result<Json, LoadProblem> json = parseFile(sources.filePath, file.readAll());
        if (!json)
        {
            return fail(json.error());
        }
        if (const QList<LoadProblem> problems = applyFile(sources.filePath, *json, false);
            !problems.isEmpty())
        {
            return fail(problems.first());
        }
    }
    for (const auto &[name, text] : sources.environment)
    {
        if (!name.startsWith(u"AUTOHOST_"_s))
        {
            continue;
        }
        const KeySpec *spec = findEnvironmentKey(name);
        if (!spec)
        {
            m_loaded.warnings.append(u"unknown environment variable '%1' ignored"_s.arg(name));
            continue;
        }
        if (const Checked checked = applyText(*spec, text, name, Environment); !checked)
        {
            return fail(checked.error());
        }
    }
    for (const auto &[key, text] : sources.overrides)
    {
        const KeySpec *spec = findKey(key);
        if (!spec)
        {
            m_loaded.warnings.append(u"unknown key '%1' in --set ignored"_s.arg(key));
            continue;
        }
        if (const Checked checked = applyText(*spec, text, u"--set "_s + key, Override); !checked)
        {
            return fail(checked.error());
        }
    }
    if (const Checked checked = crossChecks(); !checked)
    {
        return fail(checked.error());
    }
    return m_loaded;
}

QList<LoadProblem> Loader::fileProblems(const QByteArray &content)
{
    const Result<Json, LoadProblem> json = parseFile(QString(), content);
    if (!json)
    {
        return {json.error()};
    }
    QList<LoadProblem> problems = applyFile(QString(), *json, true);
    if (problems.isEmpty())
    {
        if (const Checked checked = crossChecks(); !checked)
        {
            problems.append(checked.error());
        }
    }
    return problems;
}

Checked Loader::apply(const KeySpec &spec, const Json &value, const QString &where, Rank rank)
{
    Result<Value> converted = convert(spec, value);
    if (!converted)
    {
        return fail(LoadProblem{spec.name, where, converted.error()});
    }
    assign(m_loaded.config, spec.member, std::move(converted).value());
    m_where.insert(spec.name, where);
    m_rank.insert(spec.name, rank);
    return passed();
}

Checked Loader::applyText(const KeySpec &spec, const QString &text, const QString &where, Rank rank)
{
    Json value = toStdString(text);
    if (spec.kind == Kind::OptionalSecret && text.isEmpty())
    {
        // Empty text unsets, as for the other optional keys; only the file's "" turns authentication off, so
        // a stray empty variable cannot.
        value = nullptr;
    }
    if (spec.kind == Kind::Settings || spec.kind == Kind::StringList)
    {
        value = Json::parse(toStdString(text), nullptr, false);
        if (value.is_discarded())
        {
            return fail(LoadProblem{spec.name, where,
                                    u"must be JSON text (%1)"_s.arg(spec.kind == Kind::Settings
                                                                        ? u"an object"_s
                                                                        : u"an array of strings"_s)});
        }
    }
    return apply(spec, value, where, rank);
}

Result<Json, LoadProblem> Loader::parseFile(const QString &path, const QByteArray &text)
{
    const Json json = Json::parse(text.begin(), text.end(), nullptr, false);
    if (json.is_discarded())
    {
        return fail(LoadProblem{
            {}, path, u"not valid JSON near %1 (comments are not allowed)"_s.arg(syntaxErrorPosition(text))});
    }
    if (!json.is_object())
    {
        return fail(LoadProblem{{}, path, u"must contain a JSON object"_s});
    }
    return json;
}

QList<LoadProblem> Loader::applyFile(const QString &path, const Json &json, bool keepGoing)
{
    QList<LoadProblem> problems;
    for (const auto &[key, value] : json.items())
    {
        const QString name = toQString(key);
        const KeySpec *spec = findKey(name);
        if (!spec)
        {
            m_loaded.warnings.append(u"unknown key '%1' in %2 ignored"_s.arg(name, path));
            continue;
        }
        if (const Checked checked = apply(*spec, value, path + u": "_s + name, File); !checked)
        {
            problems.append(checked.error());
            if (!keepGoing)
            {
                break;
            }
        }
    }
    return problems;
}

QString Loader::whereSet(const QString &key) const
{
    return m_where.value(key, u"default "_s + key);
}

QString Loader::latest(const QStringList &keys) const
{
    QString best = keys.first();
    for (const QString &key : keys)
    {
        if (m_rank.value(key, Defaults) > m_rank.value(best, Defaults))
        {
            best = key;
        }
    }
    return best;
}

Checked Loader::crossChecks() const
{
    const Config &config = m_loaded.config;
    const qint64 count = config.maxPortsUsed;
    for (const auto &[key, start] : {std::pair{u"engineStartPort"_s, config.engineStartPort},
                                     std::pair{u"engineAutohostStartPort"_s, config.engineAutohostStartPort}})
    {
        if (start + count - 1 > 65535)
        {
            return fail(problemAt(latest({key, u"maxPortsUsed"_s}),
                                  u"%1 (%2) + maxPortsUsed (%3) - 1 exceeds 65535"_s.arg(
                                      key, QString::number(start), QString::number(count))));
        }
    }
    const qint64 game = config.engineStartPort;
    const qint64 autohost = config.engineAutohostStartPort;
    if (game < autohost + count && autohost < game + count)
    {
        return fail(problemAt(latest({u"engineStartPort"_s, u"engineAutohostStartPort"_s, u"maxPortsUsed"_s}),
                              u"the game ports %1-%2 overlap the autohost ports %3-%4"_s.arg(
                                  QString::number(game), QString::number(game + count - 1),
                                  QString::number(autohost), QString::number(autohost + count - 1))));
    }
    if (config.adminTlsCertificate.isEmpty() != config.adminTlsKey.isEmpty())
    {
        const QString missing = config.adminTlsKey.isEmpty() ? u"adminTlsKey"_s : u"adminTlsCertificate"_s;
        const QString set = config.adminTlsKey.isEmpty() ? u"adminTlsCertificate"_s : u"adminTlsKey"_s;
        return fail(problemAt(set, u"set, so %1 is required too (TLS needs both)"_s.arg(missing)));
    }
    if (const Result<ListenAddress> listen = ListenAddress::parse(config.adminListen);
        listen && !listen->isLoopback() && config.adminToken && config.adminToken->isEmpty())
    {
        return fail(problemAt(latest({u"adminListen"_s, u"adminToken"_s}),
                              u"the admin endpoint refuses to listen on %1 without a token: remove the empty "
                              "adminToken (a token is then generated) or listen on a loopback address"_s.arg(
                                  listen->toString())));
    }
    if (!config.tachyonServer.isEmpty())
    {
        const std::pair<QString, const QString *> required[] = {
            {u"authClientId"_s, &config.authClientId},
            {u"authClientSecret"_s, &config.authClientSecret},
            {u"hostingIP"_s, &config.hostingIP},
        };
        for (const auto &[key, value] : required)
        {
            if (!value->isEmpty())
            {
                continue;
            }
            if (m_where.contains(key))
            {
                return fail(problemAt(key, u"must not be empty when tachyonServer is set"_s));
            }
            return fail(problemAt(u"tachyonServer"_s, u"set, so %1 is required"_s.arg(key)));
        }
    }
    return passed();
}

bool isSecret(Kind kind)
{
    return kind == Kind::Secret || kind == Kind::OptionalSecret;
}

ConfigKey::Kind shownKind(Kind kind)
{
    switch (kind)
    {
    case Kind::Text:
    case Kind::Secret:
    case Kind::OptionalSecret:
    case Kind::ListenAddress:
    case Kind::NonEmptyText:
    case Kind::Host:
    case Kind::Ip:
    case Kind::OptionalIp:
    case Kind::HttpUrl:
    case Kind::LogFormat:
        return ConfigKey::Kind::Text;
    case Kind::CpuAffinity:
        return ConfigKey::Kind::Text;
    case Kind::Port:
    case Kind::Integer:
    case Kind::Limit:
        return ConfigKey::Kind::Integer;
    case Kind::Number:
        return ConfigKey::Kind::Number;
    case Kind::Bool:
        return ConfigKey::Kind::OptionalBoolean;
    case Kind::Flag:
        return ConfigKey::Kind::Boolean;
    case Kind::Settings:
        return ConfigKey::Kind::Object;
    case Kind::StringList:
        return ConfigKey::Kind::List;
    }
    return ConfigKey::Kind::Text;
}

QString groupName(Group group)
{
    switch (group)
    {
    case Group::Server:
        return QString::fromUtf8(QT_TRANSLATE_NOOP("ConfigKey", "Server"));
    case Group::Battles:
        return QString::fromUtf8(QT_TRANSLATE_NOOP("ConfigKey", "Battles"));
    case Group::Engines:
        return QString::fromUtf8(QT_TRANSLATE_NOOP("ConfigKey", "Engines"));
    case Group::Admin:
        return QString::fromUtf8(QT_TRANSLATE_NOOP("ConfigKey", "Admin endpoint"));
    case Group::Advanced:
        return QString::fromUtf8(QT_TRANSLATE_NOOP("ConfigKey", "Advanced"));
    }
    return {};
}

} // namespace

Result<LoadedConfig> ConfigLoader::load(const ConfigSources &sources)
{
    Result<LoadedConfig, LoadProblem> loaded = Loader().load(sources);
    if (!loaded)
    {
        return fail(loaded.error().text());
    }
    return std::move(loaded).value();
}

QList<ConfigProblem> ConfigLoader::fileProblems(const QByteArray &content)
{
    QList<ConfigProblem> problems;
    for (const LoadProblem &problem : Loader().fileProblems(content))
    {
        problems.append({problem.key, problem.message});
    }
    return problems;
}

const QList<ConfigKey> &ConfigLoader::keys()
{
    static const QList<ConfigKey> keys = []
    {
        const Config defaults;
        QList<ConfigKey> list;
        for (const KeySpec &spec : keySpecs())
        {
            list.append({spec.name, shownKind(spec.kind), groupName(spec.group),
                         QString::fromUtf8(spec.description), isSecret(spec.kind),
                         toJson(defaults, spec.member)});
        }
        return list;
    }();
    return keys;
}

QString ConfigLoader::defaultConfigPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(u"config.json"_s);
}

QList<QPair<QString, QString>> ConfigLoader::processEnvironment()
{
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QList<QPair<QString, QString>> pairs;
    const QStringList names = environment.keys();
    for (const QString &name : names)
    {
        pairs.append({name, environment.value(name)});
    }
    return pairs;
}

QString ConfigLoader::describe(const Config &config)
{
    Json json = Json::object();
    for (const KeySpec &spec : keySpecs())
    {
        const std::string name = toStdString(spec.name);
        json[name] = toJson(config, spec.member);
        // Unset and empty stay visible: they tell whether a token file is used or authentication is off.
        if (isSecret(spec.kind) && json[name].is_string() && json[name] != "")
        {
            json[name] = "***";
        }
    }
    return toQString(dumpJson(json));
}

QStringList ConfigLoader::changedKeys(const Config &before, const Config &after)
{
    QStringList changed;
    for (const KeySpec &spec : keySpecs())
    {
        if (toJson(before, spec.member) != toJson(after, spec.member))
        {
            changed.append(spec.name);
        }
    }
    return changed;
}

void ConfigLoader::copyKey(const QString &key, const Config &from, Config *to)
{
    if (const KeySpec *spec = findKey(key))
    {
        std::visit([&from, to](auto pointer) { to->*pointer = from.*pointer; }, spec->member);
    }
}
