// The config loader: any content of config.json. The settings editor's check (fileProblems) and the loader
// must agree; a configuration that loads keeps its secrets out of the log, written back as a file it loads to
// the same configuration, and its engine settings make a springsettings.cfg of one setting per line.
#include <cstddef>
#include <cstdint>

#include <QFile>
#include <QTemporaryDir>

#include "config/config.h"
#include "fuzzcheck.h"
#include "protocol/startscriptwriter.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
const QTemporaryDir &directory()
{
    static const QTemporaryDir dir;
    return dir;
}

Result<LoadedConfig> loadFile(const QString &name, const QByteArray &content)
{
    const QString path = directory().filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
    {
        std::abort();
    }
    file.close();
    return ConfigLoader::load(ConfigSources{path, {}, {}});
}

void checkSecretsHidden(const Config &config)
{
    const Json described = Json::parse(toStdString(ConfigLoader::describe(config)), nullptr, false);
    FUZZ_CHECK(described.is_object(), u"describe() is not a JSON object"_s);
    for (const ConfigKey &key : ConfigLoader::keys())
    {
        const Json &value = described.at(toStdString(key.name));
        if (key.secret)
        {
            FUZZ_CHECK(value.is_null() || value == "" || value == "***", key.name + u" is shown"_s);
        }
    }
}

void checkEngineSettings(const Config &config)
{
    const QString text = QString::fromUtf8(StartScriptWriter::engineSettings(config.engineSettings));
    FUZZ_CHECK(text.endsWith(u"AllowSpectatorJoin=0\nWhiteListAdditionalPlayers=1\n"_s), text);
    QStringList lines = text.split(u'\n');
    lines.removeLast();
    for (qsizetype i = 0; i < lines.size(); ++i)
    {
        const QString key = lines.at(i).section(u'=', 0, 0);
        FUZZ_CHECK(!key.isEmpty() && !key.contains(u'\r') && !key.contains(QChar(0)), lines.at(i));
        const bool forced = key.compare(u"AllowSpectatorJoin"_s, Qt::CaseInsensitive) == 0 ||
                            key.compare(u"WhiteListAdditionalPlayers"_s, Qt::CaseInsensitive) == 0;
        FUZZ_CHECK(forced == (i >= lines.size() - 2),
                   u"an operator setting overrides a forced one: "_s + text);
    }
}

// The configuration as a file: every key with its value, the secrets included.
QByteArray asFile(const Config &config)
{
    // describe() masks the secrets; they are put back from the configuration.
    Json json = Json::parse(toStdString(ConfigLoader::describe(config)));
    const std::pair<const char *, std::optional<QString>> secrets[] = {
        {"authClientSecret", config.authClientSecret},
        {"adminToken", config.adminToken},
    };
    for (const auto &[name, value] : secrets)
    {
        json[name] = value ? Json(toStdString(*value)) : Json();
    }
    return QByteArray::fromStdString(dumpJson(json));
}

// The same content as the text of one --set override (and so of an AUTOHOST_* variable, which takes the same
// path), for the key its first byte picks: the loader must take or refuse it, and what it takes writes back.
void checkOverride(const QByteArray &content)
{
    if (content.isEmpty())
    {
        return;
    }
    const QList<ConfigKey> &keys = ConfigLoader::keys();
    const QString key = keys.at(quint8(content.front()) % keys.size()).name;
    const Result<LoadedConfig> loaded =
        ConfigLoader::load(ConfigSources{QString(), {}, {{key, QString::fromUtf8(content.mid(1))}}});
    if (!loaded)
    {
        FUZZ_CHECK(loaded.error().contains(key),
                   u"a refusal that does not name the key: "_s + loaded.error());
        return;
    }
    checkSecretsHidden(loaded->config);
    const QByteArray written = asFile(loaded->config);
    const Result<LoadedConfig> reloaded = loadFile(u"written.json"_s, written);
    FUZZ_CHECK(reloaded && asFile(reloaded->config) == written,
               u"--set %1: written back, the configuration does not load the same:\n%2"_s.arg(
                   key, QString::fromUtf8(written)));
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray content(reinterpret_cast<const char *>(data), qsizetype(size));
    checkOverride(content);
    const QList<ConfigProblem> problems = ConfigLoader::fileProblems(content);
    const Result<LoadedConfig> loaded = loadFile(u"config.json"_s, content);
    FUZZ_CHECK(problems.isEmpty() == loaded.ok(),
               loaded
                   ? QString(u"fileProblems: "_s + problems.first().key + u": "_s + problems.first().message)
                   : QString(u"load: "_s + loaded.error()));
    if (!loaded)
    {
        FUZZ_CHECK(!loaded.error().isEmpty(), u"a refusal without a reason"_s);
        return 0;
    }
    checkSecretsHidden(loaded->config);
    checkEngineSettings(loaded->config);

    const QByteArray written = asFile(loaded->config);
    const Result<LoadedConfig> reloaded = loadFile(u"written.json"_s, written);
    FUZZ_CHECK(reloaded, u"the configuration written back does not load: %1\n%2"_s.arg(
                             reloaded ? QString() : reloaded.error(), QString::fromUtf8(written)));
    FUZZ_CHECK(asFile(reloaded->config) == written,
               u"written back, the configuration changes:\n%1\n%2"_s.arg(
                   QString::fromUtf8(written), QString::fromUtf8(asFile(reloaded->config))));
    return 0;
}
