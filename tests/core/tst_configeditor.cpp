#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "config/config.h"
#include "models/configeditor.h"
#include "protocol/json.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
const QString Secret = u"s3cr3t-Pa55word"_s;

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

Json parse(const QByteArray &text)
{
    return Json::parse(text.begin(), text.end(), nullptr, false);
}
} // namespace

class TestConfigEditor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;

    static int rowOf(const ConfigEditor &editor, const QString &key)
    {
        for (int row = 0; row < editor.rowCount(); ++row)
        {
            if (editor.index(row, 0).data(ConfigEditor::KeyRole).toString() == key)
            {
                return row;
            }
        }
        return -1;
    }

    static QVariant value(const ConfigEditor &editor, const QString &key, int role = ConfigEditor::ValueRole)
    {
        return editor.index(rowOf(editor, key), 0).data(role);
    }

    static QString error(const ConfigEditor &editor, const QString &key)
    {
        return value(editor, key, ConfigEditor::ErrorRole).toString();
    }

    // A file with some keys, an unknown one in the middle.
    void writeSample()
    {
        const Json sample{
            {"maxBattles", 5},
            {"authClientSecret", toStdString(Secret)},
            {"myNote", {{"kept", true}}},
            {"engineSettings", {{"ServerSleepTime", "15"}, {"A", "1"}}},
            {"extraEngineDirs", {"/opt/recoil", "/srv/more engines"}},
            {"systemEngines", false},
        };
        QVERIFY(writeFile(m_path, QByteArray::fromStdString(sample.dump(4))));
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = ConfigLoader::defaultConfigPath(m_dir->path());
    }

    void cleanup() { m_dir.reset(); }

    // The rows are the loader's keys, each fully described; a key added to the loader without a group or a
    // description fails here.
    void everyKeyHasARow()
    {
        ConfigEditor editor(m_path);
        QAbstractItemModelTester tester(&editor, QAbstractItemModelTester::FailureReportingMode::Fatal);
        const QStringList groups{u"Server"_s, u"Battles"_s, u"Engines"_s, u"Admin endpoint"_s, u"Advanced"_s};
        const QStringList kinds{u"text"_s, u"integer"_s, u"number"_s,         u"boolean"_s,
                                u"list"_s, u"object"_s,  u"optionalBoolean"_s};

        // Every key the loader describes (its whole table), in its order, with its default.
        const QByteArray described = ConfigLoader::describe(Config()).toUtf8();
        const Json defaults = parse(described);
        QVERIFY(defaults.is_object());
        QCOMPARE(editor.rowCount(), int(defaults.size()));
        QCOMPARE(editor.rowCount(), int(ConfigLoader::keys().size()));
        int row = 0;
        QString lastGroup;
        QStringList seenGroups;
        for (const auto &[name, defaultValue] : defaults.items())
        {
            const QModelIndex index = editor.index(row++, 0);
            const QString key = toQString(name);
            QCOMPARE(index.data(ConfigEditor::KeyRole).toString(), key);
            const QString group = index.data(ConfigEditor::GroupRole).toString();
            QVERIFY2(groups.contains(group), qPrintable(key));
            // Groups are contiguous, so a view can section them.
            if (group != lastGroup)
            {
                QVERIFY2(!seenGroups.contains(group), qPrintable(key));
                seenGroups.append(group);
                lastGroup = group;
            }
            QVERIFY2(!index.data(ConfigEditor::DescriptionRole).toString().isEmpty(), qPrintable(key));
            const QString kind = index.data(ConfigEditor::KindRole).toString();
            QVERIFY2(kinds.contains(kind), qPrintable(key));
            QCOMPARE(index.data(ConfigEditor::DefaultValueRole),
                     ConfigEditor::shownValue(ConfigLoader::keys().at(index.row()).kind, defaultValue));
            QCOMPARE(index.data(ConfigEditor::ValueRole), index.data(ConfigEditor::DefaultValueRole));
            QCOMPARE(index.data(ConfigEditor::SecretRole).toBool(),
                     key == u"authClientSecret"_s || key == u"adminToken"_s);
            QVERIFY(!index.data(ConfigEditor::InFileRole).toBool());
            QVERIFY(!index.data(ConfigEditor::ModifiedRole).toBool());
            QVERIFY(index.data(ConfigEditor::ErrorRole).toString().isEmpty());
        }
        QCOMPARE(seenGroups, groups);

        QCOMPARE(value(editor, u"maxBattles"_s).toInt(), 50);
        QCOMPARE(value(editor, u"maxBattles"_s, ConfigEditor::KindRole).toString(), u"integer"_s);
        QCOMPARE(value(editor, u"maxGameDurationSeconds"_s, ConfigEditor::KindRole).toString(), u"number"_s);
        QCOMPARE(value(editor, u"systemEngines"_s, ConfigEditor::KindRole).toString(), u"boolean"_s);
        QCOMPARE(value(editor, u"systemEngines"_s).toBool(), true);
        QCOMPARE(value(editor, u"useSecureConnection"_s, ConfigEditor::KindRole).toString(),
                 u"optionalBoolean"_s);
        QVERIFY(value(editor, u"useSecureConnection"_s).isNull());
        QVERIFY(value(editor, u"tachyonServerPort"_s, ConfigEditor::DefaultValueRole).isNull());
        QCOMPARE(value(editor, u"engineSettings"_s, ConfigEditor::KindRole).toString(), u"object"_s);
        QCOMPARE(value(editor, u"engineDataDirs"_s, ConfigEditor::KindRole).toString(), u"list"_s);
        QCOMPARE(value(editor, u"engineBindIP"_s).toString(), u"0.0.0.0"_s);

        const QHash<int, QByteArray> roles = editor.roleNames();
        const QList<QByteArray> expectedRoles{"key",         "group", "kind",     "value",  "defaultValue",
                                              "description", "error", "modified", "inFile", "secret"};
        for (const QByteArray &name : expectedRoles)
        {
            QVERIFY2(roles.values().contains(name), name.constData());
        }
        QCOMPARE(roles.size(), expectedRoles.size());
        QVERIFY(editor.isValid());
        QVERIFY(!editor.isDirty());
        QVERIFY(editor.errorText().isEmpty());
    }

    void showsTheFile()
    {
        writeSample();
        ConfigEditor editor(m_path);
        QAbstractItemModelTester tester(&editor, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(editor.property("filePath").toString(), m_path);
        QVERIFY(editor.isValid());
        QVERIFY(!editor.isDirty());
        QCOMPARE(value(editor, u"maxBattles"_s).toInt(), 5);
        QVERIFY(value(editor, u"maxBattles"_s, ConfigEditor::InFileRole).toBool());
        QVERIFY(!value(editor, u"maxBattles"_s, ConfigEditor::ModifiedRole).toBool());
        QCOMPARE(value(editor, u"authClientSecret"_s).toString(), Secret);
        QVERIFY(value(editor, u"authClientSecret"_s, ConfigEditor::SecretRole).toBool());
        QCOMPARE(value(editor, u"extraEngineDirs"_s).toString(), u"/opt/recoil\n/srv/more engines"_s);
        QCOMPARE(value(editor, u"systemEngines"_s).toBool(), false);
        const Json settings = parse(value(editor, u"engineSettings"_s).toString().toUtf8());
        QCOMPARE(dumpJson(settings), std::string(R"({"ServerSleepTime":"15","A":"1"})"));
        QVERIFY(!value(editor, u"tachyonServer"_s, ConfigEditor::InFileRole).toBool());
        QCOMPARE(value(editor, u"tachyonServer"_s).toString(), QString());
    }

    void editsAreCheckedByTheLoader()
    {
        writeSample();
        ConfigEditor editor(m_path);
        QAbstractItemModelTester tester(&editor, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy changed(&editor, &QAbstractItemModel::dataChanged);
        QSignalSpy status(&editor, &ConfigEditor::statusChanged);
        const int maxBattlesRow = rowOf(editor, u"maxBattles"_s);

        QVERIFY(!editor.setValue(u"maxBattles"_s, 0));
        QCOMPARE(error(editor, u"maxBattles"_s), u"must be an integer >= 1"_s);
        QCOMPARE(editor.property("errorText").toString(), u"maxBattles: must be an integer >= 1"_s);
        QVERIFY(!editor.property("valid").toBool());
        QVERIFY(editor.property("dirty").toBool());
        QVERIFY(value(editor, u"maxBattles"_s, ConfigEditor::ModifiedRole).toBool());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), maxBattlesRow);
        QVERIFY(!status.isEmpty());

        QVERIFY(!editor.setValue(u"maxBattles"_s, u"many"_s));
        QCOMPARE(value(editor, u"maxBattles"_s).toString(), u"many"_s); // what was typed stays
        QCOMPARE(error(editor, u"maxBattles"_s), u"must be an integer >= 1"_s);

        QVERIFY(editor.setValue(u"maxBattles"_s, u" 12 "_s));
        QCOMPARE(value(editor, u"maxBattles"_s).toInt(), 12);
        QVERIFY(error(editor, u"maxBattles"_s).isEmpty());
        QVERIFY(editor.isValid());
        QVERIFY(editor.errorText().isEmpty());

        // Every invalid value has its own error.
        QVERIFY(!editor.setValue(u"hostingIP"_s, u"203.0.113"_s));
        QVERIFY(!editor.setValue(u"engineSettings"_s, u"{\"A\": "_s));
        QVERIFY(!editor.setValue(u"tachyonServerPort"_s, 70000));
        QCOMPARE(error(editor, u"hostingIP"_s), u"must be an IPv4 or IPv6 address"_s);
        QCOMPARE(error(editor, u"engineSettings"_s), u"must be an object of strings"_s);
        QCOMPARE(error(editor, u"tachyonServerPort"_s), u"must be an integer from 1 to 65535"_s);
        QCOMPARE(value(editor, u"engineSettings"_s).toString(), u"{\"A\": "_s);
        QVERIFY(editor.setValue(u"hostingIP"_s, u"203.0.113.7"_s));
        QVERIFY(editor.setValue(u"engineSettings"_s, u"{\"A\": 2, \"B\": true}"_s));
        QVERIFY(editor.setValue(u"tachyonServerPort"_s, u""_s)); // no default: unset
        QVERIFY(!value(editor, u"tachyonServerPort"_s, ConfigEditor::InFileRole).toBool());
        QVERIFY(editor.isValid());

        // Checks across keys land on the key the loader names.
        changed.clear();
        QVERIFY(!editor.setValue(u"engineStartPort"_s, 21500));
        QCOMPARE(error(editor, u"engineStartPort"_s),
                 u"the game ports 21500-22499 overlap the autohost ports "
                 u"22000-22999"_s);
        QVERIFY(editor.setValue(u"maxPortsUsed"_s, 400));
        QVERIFY(error(editor, u"engineStartPort"_s).isEmpty());
        // The other row's error went away with its own dataChanged.
        const int startPortRow = rowOf(editor, u"engineStartPort"_s);
        QVERIFY(std::any_of(changed.cbegin(), changed.cend(),
                            [&](const QList<QVariant> &signal)
                            {
                                return signal.at(0).toModelIndex().row() == startPortRow &&
                                       signal.at(2).value<QList<int>>() ==
                                           QList<int>{ConfigEditor::ErrorRole};
                            }));
        QVERIFY(!editor.setValue(u"tachyonServer"_s, u"lobby.example.com"_s));
        QCOMPARE(error(editor, u"tachyonServer"_s), u"set, so authClientId is required"_s);
        QVERIFY(!editor.setValue(u"authClientId"_s, u""_s));
        QCOMPARE(error(editor, u"authClientId"_s), u"must not be empty when tachyonServer is set"_s);
        QVERIFY(editor.setValue(u"authClientId"_s, u"autohost1"_s));
        QVERIFY(editor.isValid());

        // Lists are edited as lines; empty lines are dropped.
        QVERIFY(editor.setValue(u"engineDataDirs"_s, u"/srv/maps\r\n\n/srv/games\n"_s));
        QCOMPARE(value(editor, u"engineDataDirs"_s).toString(), u"/srv/maps\n/srv/games"_s);
        // Booleans that may stay unset.
        QVERIFY(editor.setValue(u"useSecureConnection"_s, false));
        QCOMPARE(value(editor, u"useSecureConnection"_s), QVariant(false));
        QVERIFY(editor.setValue(u"useSecureConnection"_s, QVariant()));
        QVERIFY(!value(editor, u"useSecureConnection"_s, ConfigEditor::InFileRole).toBool());
        QVERIFY(!editor.setValue(u"systemEngines"_s, u"maybe"_s));
        QCOMPARE(error(editor, u"systemEngines"_s), u"must be true or false"_s);
        QVERIFY(editor.setValue(u"systemEngines"_s, true));

        // Clearing the admin token unsets it (a generated token), never "" (no authentication).
        QVERIFY(editor.setValue(u"adminToken"_s, u"t0ken"_s));
        QVERIFY(value(editor, u"adminToken"_s, ConfigEditor::InFileRole).toBool());
        QVERIFY(editor.setValue(u"adminToken"_s, u""_s));
        QVERIFY(!value(editor, u"adminToken"_s, ConfigEditor::InFileRole).toBool());
        // The admin endpoint's checks, on its keys.
        QVERIFY(!editor.setValue(u"adminListen"_s, u"localhost"_s));
        QVERIFY2(error(editor, u"adminListen"_s).startsWith(u"must be address:port"_s),
                 qPrintable(error(editor, u"adminListen"_s)));
        QVERIFY(editor.setValue(u"adminListen"_s, u"0.0.0.0:8201"_s));
        QVERIFY(!editor.setValue(u"adminTlsKey"_s, u"key.pem"_s));
        QCOMPARE(error(editor, u"adminTlsKey"_s),
                 u"set, so adminTlsCertificate is required too (TLS needs both)"_s);
        QVERIFY(editor.setValue(u"adminTlsCertificate"_s, u"cert.pem"_s));
        QVERIFY(error(editor, u"adminTlsKey"_s).isEmpty());
        QVERIFY(editor.isValid());

        QVERIFY(!editor.setValue(u"noSuchKey"_s, 1));
        QCOMPARE(rowOf(editor, u"noSuchKey"_s), -1);
    }

    void resetToDefault()
    {
        writeSample();
        ConfigEditor editor(m_path);
        QAbstractItemModelTester tester(&editor, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy changed(&editor, &QAbstractItemModel::dataChanged);
        editor.resetToDefault(u"maxBattles"_s);
        QCOMPARE(changed.size(), 1);
        QVERIFY(!value(editor, u"maxBattles"_s, ConfigEditor::InFileRole).toBool());
        QVERIFY(value(editor, u"maxBattles"_s, ConfigEditor::ModifiedRole).toBool());
        QCOMPARE(value(editor, u"maxBattles"_s).toInt(), 50);
        QVERIFY(editor.isDirty());

        // Not set: nothing changes.
        editor.resetToDefault(u"tachyonServer"_s);
        QCOMPARE(changed.size(), 1);

        // Back to the file's value: not dirty any more.
        QVERIFY(editor.setValue(u"maxBattles"_s, 5));
        QVERIFY(!editor.isDirty());

        // An invalid value reset clears its error.
        QVERIFY(!editor.setValue(u"logFormat"_s, u"xml"_s));
        QVERIFY(!editor.isValid());
        editor.resetToDefault(u"logFormat"_s);
        QVERIFY(editor.isValid());
        QVERIFY(error(editor, u"logFormat"_s).isEmpty());
    }

    void saveWritesWhatTheLoaderReads()
    {
        writeSample();
        ConfigEditor editor(m_path);
        QAbstractItemModelTester tester(&editor, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy restart(&editor, &ConfigEditor::restartRequiredChanged);
        QVERIFY(editor.setValue(u"maxBattles"_s, 12));
        // The server needs more keys; each missing one is named in turn.
        QVERIFY(!editor.setValue(u"tachyonServer"_s, u"lobby.example.com"_s));
        QCOMPARE(error(editor, u"tachyonServer"_s), u"set, so authClientId is required"_s);
        QVERIFY(editor.setValue(u"authClientId"_s, u"autohost1"_s));
        QCOMPARE(error(editor, u"tachyonServer"_s), u"set, so hostingIP is required"_s);
        QVERIFY(editor.setValue(u"hostingIP"_s, u"2001:db8::7"_s));
        QVERIFY(error(editor, u"tachyonServer"_s).isEmpty());
        QVERIFY(editor.setValue(u"maxReconnectDelaySeconds"_s, 2.5));
        QVERIFY(editor.setValue(u"engineDataDirs"_s, u"/srv/maps\n/srv/games"_s));
        QVERIFY(editor.setValue(u"engineSettings"_s, u"{\"ServerSleepTime\": \"20\"}"_s));
        QVERIFY(editor.setValue(u"useSecureConnection"_s, true));
        editor.resetToDefault(u"systemEngines"_s);
        QVERIFY(editor.isValid());

        // Invalid: nothing is written.
        const QByteArray before = readFile(m_path);
        QVERIFY(!editor.setValue(u"maxPortsUsed"_s, -1));
        QVERIFY(!editor.save());
        QCOMPARE(readFile(m_path), before);
        QCOMPARE(editor.errorText(), u"maxPortsUsed: must be an integer >= 1"_s);
        editor.resetToDefault(u"maxPortsUsed"_s);

        QVERIFY2(editor.save(), qPrintable(editor.errorText()));
        QVERIFY(editor.restartRequired());
        QCOMPARE(restart.size(), 1);
        QVERIFY(!editor.isDirty());
        for (int row = 0; row < editor.rowCount(); ++row)
        {
            QVERIFY(!editor.index(row, 0).data(ConfigEditor::ModifiedRole).toBool());
        }

        // Owner only: it holds the secret.
        QCOMPARE(QFile::permissions(m_path),
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
        // Pretty, 2 spaces; the file's keys in their place (the unknown one too), new ones after them.
        const QByteArray text = readFile(m_path);
        QVERIFY2(text.startsWith("{\n  \"maxBattles\": 12,\n"), text.constData());
        QVERIFY(text.endsWith("}\n"));
        const Json written = parse(text);
        QVERIFY(written.is_object());
        QStringList keys;
        for (const auto &[name, item] : written.items())
        {
            keys.append(toQString(name));
        }
        QCOMPARE(keys,
                 (QStringList{u"maxBattles"_s, u"authClientSecret"_s, u"myNote"_s, u"engineSettings"_s,
                              u"extraEngineDirs"_s, u"tachyonServer"_s, u"authClientId"_s, u"hostingIP"_s,
                              u"maxReconnectDelaySeconds"_s, u"engineDataDirs"_s, u"useSecureConnection"_s}));
        QCOMPARE(dumpJson(written.at("myNote")), std::string(R"({"kept":true})"));
        QCOMPARE(dumpJson(written.at("engineDataDirs")), std::string(R"(["/srv/maps","/srv/games"])"));

        // The headless program reads the edits.
        const auto loaded = ConfigLoader::load(ConfigSources{m_path, {}, {}});
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error()));
        const Config &config = loaded->config;
        QCOMPARE(config.maxBattles, 12);
        QCOMPARE(config.tachyonServer, u"lobby.example.com"_s);
        QCOMPARE(config.authClientId, u"autohost1"_s);
        QCOMPARE(config.authClientSecret, Secret);
        QCOMPARE(config.hostingIP, u"2001:db8::7"_s);
        QCOMPARE(config.maxReconnectDelaySeconds, 2.5);
        QCOMPARE(config.engineDataDirs, (QStringList{u"/srv/maps"_s, u"/srv/games"_s}));
        QCOMPARE(config.extraEngineDirs, (QStringList{u"/opt/recoil"_s, u"/srv/more engines"_s}));
        QCOMPARE(config.engineSettings, (QList<QPair<QString, QString>>{{u"ServerSleepTime"_s, u"20"_s}}));
        QCOMPARE(config.useSecureConnection, std::optional<bool>(true));
        QVERIFY(config.systemEngines); // reset: the default
        QCOMPARE(config.maxPortsUsed, Config().maxPortsUsed);
        QCOMPARE(loaded->warnings, QStringList{u"unknown key 'myNote' in %1 ignored"_s.arg(m_path)});

        // Saving again without changes keeps the file as it is.
        QVERIFY(editor.save());
        QCOMPARE(readFile(m_path), text);
        QCOMPARE(restart.size(), 1);
    }

    void saveKeepsUnknownKeysAddedMeanwhile()
    {
        writeSample();
        ConfigEditor editor(m_path);
        QVERIFY(editor.setValue(u"maxBattles"_s, 7));
        Json changedOnDisk = parse(readFile(m_path));
        changedOnDisk["addedByHand"] = "yes";
        QVERIFY(writeFile(m_path, dumpJsonBytes(changedOnDisk)));
        QVERIFY(editor.save());
        const Json written = parse(readFile(m_path));
        QCOMPARE(written.at("addedByHand").get<std::string>(), std::string("yes"));
        QCOMPARE(written.at("maxBattles").get<int>(), 7);
    }

    void newFileInANewDirectory()
    {
        const QString path = m_dir->filePath(u"data/autohost/config.json"_s);
        ConfigEditor editor(path);
        QAbstractItemModelTester tester(&editor, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QVERIFY(editor.isValid());
        QVERIFY(!editor.restartRequired());
        QVERIFY(editor.setValue(u"maxBattles"_s, u"3"_s));
        QVERIFY(editor.setValue(u"authClientSecret"_s, Secret));
        QVERIFY(editor.save());
        QCOMPARE(readFile(path), QByteArray("{\n  \"maxBattles\": 3,\n  \"authClientSecret\": \"" +
                                            Secret.toUtf8() + "\"\n}\n"));
        QCOMPARE(QFile::permissions(path),
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
        QVERIFY(editor.restartRequired());
        const auto loaded = ConfigLoader::load(ConfigSources{path, {}, {}});
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->config.maxBattles, 3);
    }

    void existingPermissionsAreNarrowed()
    {
        writeSample();
        QVERIFY(QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                                  QFile::ReadOther));
        ConfigEditor editor(m_path);
        QVERIFY(editor.setValue(u"maxBattles"_s, 9));
        QVERIFY(editor.save());
        QCOMPARE(QFile::permissions(m_path),
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
    }

    void shownValuesRoundTrip()
    {
        // Each key set to a value other than its default, shown and set back: nothing changes.
        const Json file{
            {"tachyonServer", "10.0.0.5"},
            {"tachyonServerPort", 8200},
            {"useSecureConnection", true},
            {"authClientId", "id7"},
            {"authClientSecret", "sec7"},
            {"hostingIP", "2001:db8::7"},
            {"engineBindIP", "::"},
            {"maxReconnectDelaySeconds", 2.5},
            {"engineSettings", {{"B", "x"}, {"A", "y"}}},
            {"maxBattles", 3},
            {"maxUpdatesSubscriptionAgeSeconds", 0.25},
            {"engineStartPort", 30000},
            {"engineAutohostStartPort", 31000},
            {"maxPortsUsed", 100},
            {"engineInstallTimeoutSeconds", 5},
            {"maxGameDurationSeconds", 3600},
            {"engineDownloadMaxAttempts", 1},
            {"engineDownloadRetryBackoffBaseMs", 1000},
            {"engineCdnBaseUrl", "http://cdn.example.org/engines/"},
            {"enginesDir", "/srv/engines"},
            {"instancesDir", "/srv/instances"},
            {"engineDataDirs", {"/srv/data", "/srv/more data"}},
            {"extraEngineDirs", {"/opt/recoil"}},
            {"systemEngines", false},
            {"engineStartTimeoutSeconds", 0.5},
            {"engineKillGraceSeconds", 3},
            {"serverStatsIntervalSeconds", 15},
            {"logFormat", "json"},
            {"drainTimeoutSeconds", 60},
            {"engineCpuAffinity", "spread:0-3"},
            {"engineNiceLevel", 5},
            {"engineMemoryLimitMegabytes", 4096},
            {"maxBattleUpdatesPerSecond", 1000},
            {"journalDir", "/var/lib/autohost/journal"},
            {"journalMaxMegabytes", 64},
            {"adminListen", "[::1]:9000"},
            {"adminToken", "admin-t0ken"},
            {"metricsPublic", true},
            {"adminTlsCertificate", "/etc/autohost/cert.pem"},
            {"adminTlsKey", "/etc/autohost/key.pem"},
        };
        QVERIFY(writeFile(m_path, dumpJsonBytes(file)));
        ConfigEditor editor(m_path);
        QAbstractItemModelTester tester(&editor, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QVERIFY2(editor.isValid(), qPrintable(editor.errorText()));
        for (int row = 0; row < editor.rowCount(); ++row)
        {
            const QModelIndex index = editor.index(row, 0);
            const QString key = index.data(ConfigEditor::KeyRole).toString();
            QVERIFY2(index.data(ConfigEditor::InFileRole).toBool(),
                     qPrintable(key)); // the sample has them all
            QVERIFY2(editor.setValue(key, index.data(ConfigEditor::ValueRole)), qPrintable(key));
            QVERIFY2(!index.data(ConfigEditor::ModifiedRole).toBool(), qPrintable(key));
        }
        QVERIFY(!editor.isDirty());
    }

    void unreadableFileIsNotOverwritten()
    {
        const QByteArray broken = "{\n  // the lobby\n  \"maxBattles\": 5\n}\n";
        QVERIFY(writeFile(m_path, broken));
        ConfigEditor editor(m_path);
        QAbstractItemModelTester tester(&editor, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QVERIFY(!editor.isValid());
        QVERIFY2(editor.errorText().startsWith(m_path + u": not valid JSON near line 2"_s),
                 qPrintable(editor.errorText()));
        QVERIFY(editor.setValue(u"maxBattles"_s, 6));
        QVERIFY(!editor.save());
        QCOMPARE(readFile(m_path), broken);

        // Fixed by hand, then reloaded: the draft is dropped.
        QVERIFY(writeFile(m_path, "{\"maxBattles\": 5}"));
        QSignalSpy changed(&editor, &QAbstractItemModel::dataChanged);
        editor.reload();
        QVERIFY(!changed.isEmpty());
        QVERIFY(editor.isValid());
        QVERIFY(!editor.isDirty());
        QCOMPARE(value(editor, u"maxBattles"_s).toInt(), 5);
    }

    void unwritablePlaceIsReported()
    {
        // The directory would have to be where a file is.
        const QString file = m_dir->filePath(u"plain-file"_s);
        QVERIFY(writeFile(file, "x"));
        ConfigEditor editor(file + u"/config.json"_s);
        QVERIFY(editor.setValue(u"maxBattles"_s, 2));
        QSignalSpy status(&editor, &ConfigEditor::statusChanged);
        QVERIFY(!editor.save());
        QVERIFY(!status.isEmpty());
        QCOMPARE(editor.errorText(), u"%1/config.json: cannot create the directory %1"_s.arg(file));
        QVERIFY(editor.isValid()); // the draft is fine; the place is not
        QVERIFY(editor.isDirty());
        QVERIFY(!editor.restartRequired());
    }
};

QTEST_GUILESS_MAIN(TestConfigEditor)
#include "tst_configeditor.moc"
