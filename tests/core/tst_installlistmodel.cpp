#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "engine/enginecatalog.h"
#include "engine/engineinstaller.h"
#include "models/installlistmodel.h"
#include "protocol/json.h"
#include "testarchive.h"
#include "testhttpserver.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
constexpr int WaitMs = 30000;
const QString Version = u"2025.04.01+dev BAR105"_s;

QByteArray md5Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

// Bytes that do not compress, so the download takes several chunks.
QByteArray noise(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator generator(7);
    generator.fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

QByteArray engineArchive(const QString &version)
{
    TestArchive archive;
    archive
        .addFile(u"spring-dedicated"_s,
                 "#!/bin/sh\necho 'spring-dedicated version " + version.toUtf8() + " (Dedicated)'\n", 0755)
        .addFile(u"base/springcontent.sdz"_s, noise(400 * 1024));
    QTemporaryDir dir;
    const QString file = dir.filePath(u"engine.7z"_s);
    if (!archive.write7z(file))
    {
        return {};
    }
    QFile read(file);
    return read.open(QIODevice::ReadOnly) ? read.readAll() : QByteArray();
}

// One row as the view sees it at some moment.
struct Seen
{
    QString phase;
    double progress = 0;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
};
} // namespace

// The install list over a real installer downloading from a local HTTP server.
class TestInstallListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<EngineCatalog> m_catalog;
    std::unique_ptr<EngineInstaller> m_installer;
    std::unique_ptr<InstallListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    // Serves a version's find answer and its archive in slow chunks, so progress can be watched.
    void publish(const QString &version, const QByteArray &archive, const QByteArray &md5)
    {
        const QString fileName = u"engine.7z"_s;
        const Json answer = Json::array(
            {{{"filename", toStdString(fileName)},
              {"springname", toStdString(version)},
              {"md5", md5.toStdString()},
              {"category", "engine_linux64"},
              {"version", "105.1.1"},
              {"path", "engine/linux64"},
              {"tags", Json::array()},
              {"size", archive.size()},
              {"timestamp", "2025-04-01T00:00:00Z"},
              {"mirrors", Json::array({toStdString(m_server->url(u"/files/"_s + fileName).toString())})}}});
        TestHttpServer::Response find;
        find.contentType = "application/json";
        find.body = dumpJsonBytes(answer);
        m_server->setResponse(u"/cdn/find"_s, find);
        TestHttpServer::Response file;
        file.body = archive;
        file.chunkSize = 32 * 1024;
        file.chunkDelayMs = 10;
        m_server->setResponse(u"/files/"_s + fileName, file);
    }

    // What the views tell of a version the operator types.
    QString problem(const QString &version) const
    {
        return InstallListModel::versionProblem(version, m_installer->check(version));
    }

    Seen seen(int row) const
    {
        const QModelIndex index = m_model->index(row, 0);
        return {index.data(InstallListModel::PhaseRole).toString(),
                index.data(InstallListModel::ProgressRole).toDouble(),
                index.data(InstallListModel::BytesDoneRole).toLongLong(),
                index.data(InstallListModel::BytesTotalRole).toLongLong()};
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_server = std::make_unique<TestHttpServer>();
        QVERIFY(m_server->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_catalog = std::make_unique<EngineCatalog>(EngineSources{m_dir->filePath(u"engines"_s), {}, {}});
        EngineInstaller::Settings settings;
        settings.cdnBaseUrl = m_server->url(u"/cdn"_s);
        settings.stallTimeoutMs = 2000;
        settings.maxAttempts = 2;
        settings.backoffBaseMs = 50;
        m_installer = std::make_unique<EngineInstaller>(settings, m_catalog.get(), m_network.get());
        m_model = std::make_unique<InstallListModel>(m_installer.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_installer.reset();
        m_catalog.reset();
        m_network.reset();
        m_server.reset();
        m_dir.reset();
    }

    void roleNames()
    {
        const QHash<int, QByteArray> roles = m_model->roleNames();
        QCOMPARE(roles.value(InstallListModel::VersionRole), "version");
        QCOMPARE(roles.value(InstallListModel::PhaseRole), "phase");
        QCOMPARE(roles.value(InstallListModel::ProgressRole), "progress");
        QCOMPARE(roles.value(InstallListModel::BytesDoneRole), "bytesDone");
        QCOMPARE(roles.value(InstallListModel::BytesTotalRole), "bytesTotal");
        QCOMPARE(roles.value(InstallListModel::AttemptRole), "attempt");
        QCOMPARE(roles.value(InstallListModel::MaxAttemptsRole), "maxAttempts");
        QCOMPARE(roles.value(InstallListModel::ErrorRole), "error");
    }

    void rowFollowsAnInstallUntilItIsDone()
    {
        const QByteArray archive = engineArchive(Version);
        QVERIFY(archive.size() > 300 * 1024);
        publish(Version, archive, md5Hex(archive));
        QList<Seen> history;
        const auto record = [this, &history]
        {
            if (m_model->rowCount() == 1)
            {
                history.append(seen(0));
            }
        };
        connect(m_model.get(), &QAbstractItemModel::rowsInserted, this, record);
        connect(m_model.get(), &QAbstractItemModel::dataChanged, this, record);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy active(m_model.get(), &InstallListModel::activeCountChanged);

        QCOMPARE(m_installer->install(Version), EngineInstaller::Request::Started);
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(m_model->property("count").toInt(), 1);
        QCOMPARE(m_model->activeCount(), 1);
        QCOMPARE(active.size(), 1);
        QCOMPARE(m_model->index(0, 0).data(InstallListModel::VersionRole).toString(), Version);
        QCOMPARE(m_model->index(0, 0).data(InstallListModel::MaxAttemptsRole).toInt(), 2);
        QCOMPARE(problem(Version), u"already being installed"_s);
        QCOMPARE(m_installer->install(Version), EngineInstaller::Request::AlreadyInstalling);

        QVERIFY(removed.wait(WaitMs));
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(m_model->activeCount(), 0);
        QCOMPARE(active.size(), 2);
        QVERIFY(m_catalog->versions().contains(Version));

        // The phases in order, each once.
        QStringList phases;
        for (const Seen &step : std::as_const(history))
        {
            if (phases.isEmpty() || phases.constLast() != step.phase)
            {
                phases.append(step.phase);
            }
        }
        QCOMPARE(phases, (QStringList{u"queued"_s, u"lookingUp"_s, u"downloading"_s, u"extracting"_s}));
        QCOMPARE(history.constFirst().progress, -1.0); // nothing known yet

        // Downloading: the archive's size is known and the progress grows to 1.
        QList<double> progress;
        for (const Seen &step : std::as_const(history))
        {
            if (step.phase == u"downloading"_s)
            {
                QCOMPARE(step.bytesTotal, archive.size());
                QCOMPARE(step.progress, double(step.bytesDone) / double(archive.size()));
                progress.append(step.progress);
            }
        }
        QVERIFY(std::is_sorted(progress.cbegin(), progress.cend()));
        QCOMPARE(progress.constLast(), 1.0);
        QVERIFY2(std::any_of(progress.cbegin(), progress.cend(), [](double p) { return p > 0 && p < 1; }),
                 "no progress between 0 and 1 was shown");
        // Extracting: the unpacked size is not known beforehand.
        for (const Seen &step : std::as_const(history))
        {
            if (step.phase == u"extracting"_s)
            {
                QCOMPARE(step.progress, -1.0);
            }
        }

        QCOMPARE(problem(Version), u"already available"_s);
        QCOMPARE(m_installer->install(Version), EngineInstaller::Request::AlreadyInstalled);
        QCOMPARE(m_model->rowCount(), 0);
    }

    void failedRowStaysAndRetryWorks()
    {
        const QByteArray archive = engineArchive(Version);
        publish(Version, archive, md5Hex("not the archive"));
        QSignalSpy failed(m_installer.get(), &EngineInstaller::failed);
        QCOMPARE(m_installer->install(Version), EngineInstaller::Request::Started);
        QVERIFY(failed.wait(WaitMs));

        QCOMPARE(m_model->rowCount(), 1);
        const QModelIndex row = m_model->index(0, 0);
        QCOMPARE(row.data(InstallListModel::PhaseRole).toString(), u"failed"_s);
        const QString error = row.data(InstallListModel::ErrorRole).toString();
        QVERIFY2(error.contains(u"MD5"_s), qPrintable(error));
        QCOMPARE(error, failed.first().at(1).toString());
        QCOMPARE(row.data(InstallListModel::AttemptRole).toInt(), 2);
        QCOMPARE(m_model->activeCount(), 0);
        QCOMPARE(m_model->property("count").toInt(), 1);
        QCOMPARE(problem(Version), QString()); // a failed version may be tried again

        // With the right digest the retry installs it; the row changes in place, then goes.
        publish(Version, archive, md5Hex(archive));
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QCOMPARE(m_installer->install(Version), EngineInstaller::Request::Started);
        QCOMPARE(m_model->index(0, 0).data(InstallListModel::ErrorRole).toString(), QString());
        QVERIFY(m_model->index(0, 0).data(InstallListModel::PhaseRole).toString() != u"failed"_s);
        QCOMPARE(m_model->activeCount(), 1);
        QCOMPARE(m_installer->install(Version), EngineInstaller::Request::AlreadyInstalling);
        QVERIFY(removed.wait(WaitMs));
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(m_catalog->versions().contains(Version));
    }

    void rowsSortedByVersion()
    {
        // Nothing published: both lookups fail with 404 and stay as failed rows.
        QSignalSpy failed(m_installer.get(), &EngineInstaller::failed);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QCOMPARE(m_installer->install(u"2.0"_s), EngineInstaller::Request::Started);
        QCOMPARE(m_installer->install(u"1.0"_s), EngineInstaller::Request::Started);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(inserted.at(1).at(1).toInt(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, WaitMs);
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->index(0, 0).data(InstallListModel::VersionRole).toString(), u"1.0"_s);
        QCOMPARE(m_model->index(1, 0).data(InstallListModel::VersionRole).toString(), u"2.0"_s);
        QCOMPARE(m_model->index(0, 0).data(InstallListModel::ErrorRole).toString(),
                 u"engine lookup failed with status 404"_s);
        QCOMPARE(m_model->index(0, 0).data(InstallListModel::ProgressRole).toDouble(), -1.0);
        QCOMPARE(m_model->activeCount(), 0);
    }

    void versionProblem_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("reason");
        QTest::newRow("fine") << u"2025.06.22"_s << QString();
        QTest::newRow("empty") << QString() << u"empty"_s;
        QTest::newRow("semicolon") << u"x;y"_s << u"not a valid engine version"_s;
        QTest::newRow("leading space") << u" 1.0"_s << u"not a valid engine version"_s;
        QTest::newRow("hidden") << u".install"_s << u"not a valid engine version"_s;
    }

    void versionProblem()
    {
        QFETCH(QString, version);
        QFETCH(QString, reason);
        QCOMPARE(problem(version), reason);
        if (!reason.isEmpty() && !version.isEmpty())
        {
            QCOMPARE(m_installer->install(version), EngineInstaller::Request::InvalidVersion);
            QCOMPARE(m_model->rowCount(), 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestInstallListModel)
#include "tst_installlistmodel.moc"
