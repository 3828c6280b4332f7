#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include "engine/enginecatalog.h"
#include "engine/engineinstaller.h"
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

// Bytes that do not compress, so the archive has a size worth reporting progress on.
QByteArray noise(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator generator(42);
    generator.fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

QByteArray engineScript(const QString &version)
{
    return "#!/bin/sh\necho 'spring-dedicated version " + version.toUtf8() + " (Dedicated)'\n";
}
} // namespace

// Installing engines from a CDN served by a local HTTP server, with archives the test builds.
class TestEngineInstaller : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<EngineCatalog> m_catalog;
    std::unique_ptr<EngineInstaller> m_installer;

    QString enginesDir() const { return m_dir->filePath(u"engines"_s); }

    EngineInstaller::Settings settings() const
    {
        EngineInstaller::Settings settings;
        settings.cdnBaseUrl = m_server->url(u"/cdn"_s);
        settings.attemptTimeoutMs = 10000;
        settings.stallTimeoutMs = 700;
        settings.maxAttempts = 2;
        settings.backoffBaseMs = 50;
        return settings;
    }

    void createInstaller()
    {
        m_installer = std::make_unique<EngineInstaller>(settings(), m_catalog.get(), m_network.get());
    }

    static QByteArray buildArchive(const TestArchive &archive)
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"engine.7z"_s);
        const Status written = archive.write7z(file);
        if (!written)
        {
            qWarning("%s", qPrintable(written.error()));
            return {};
        }
        QFile read(file);
        return read.open(QIODevice::ReadOnly) ? read.readAll() : QByteArray();
    }

    static TestArchive goodEngine(const QString &version)
    {
        TestArchive archive;
        archive.addFile(u"spring-dedicated"_s, engineScript(version), 0755)
            .addFile(u"base/springcontent.sdz"_s, noise(300 * 1024))
            .addFile(u"libunitsync.so"_s, "library", 0644);
        return archive;
    }

    // The CDN's find answer for a version and the archive served under /files/<name>.
    static Json findAnswer(const QString &version, const QByteArray &md5, qint64 size,
                           const QString &fileName, const QUrl &mirror)
    {
        return Json::array({{{"filename", toStdString(fileName)},
                             {"springname", toStdString(version)},
                             {"md5", md5.toStdString()},
                             {"category", "engine_linux64"},
                             {"version", "105.1.1"},
                             {"path", "engine/linux64"},
                             {"tags", Json::array()},
                             {"size", size},
                             {"timestamp", "2025-04-01T00:00:00Z"},
                             {"mirrors", Json::array({toStdString(mirror.toString())})}}});
    }

    void publish(const QString &version, const QByteArray &archive, const QByteArray &md5,
                 QList<TestHttpServer::Response> fileResponses = {})
    {
        const QString fileName = u"engine_%1.7z"_s.arg(QString::number(qHash(version)));
        TestHttpServer::Response find;
        find.contentType = "application/json";
        find.body = dumpJsonBytes(
            findAnswer(version, md5, archive.size(), fileName, m_server->url(u"/files/"_s + fileName)));
        m_server->setResponse(u"/cdn/find"_s, find);
        if (fileResponses.isEmpty())
        {
            TestHttpServer::Response file;
            file.body = archive;
            file.chunkSize = 64 * 1024;
            fileResponses.append(file);
        }
        m_server->setResponses(u"/files/"_s + fileName, fileResponses);
        m_fileName = fileName;
    }

    QString m_fileName;

    int downloads() const { return m_server->requestCount(u"/files/"_s + m_fileName); }

    // What is left in the engines directory, hidden entries included.
    QStringList enginesDirEntries() const
    {
        return QDir(enginesDir()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    }

    QString waitForFailure(const QString &version)
    {
        QSignalSpy failed(m_installer.get(), &EngineInstaller::failed);
        QSignalSpy installed(m_installer.get(), &EngineInstaller::installed);
        if (!failed.wait(WaitMs) || !installed.isEmpty())
        {
            return {};
        }
        if (failed.first().at(0).toString() != version)
        {
            return u"wrong version"_s;
        }
        return failed.first().at(1).toString();
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_server = std::make_unique<TestHttpServer>();
        QVERIFY(m_server->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_catalog = std::make_unique<EngineCatalog>(EngineSources{enginesDir(), {}, {}});
        createInstaller();
    }

    void cleanup()
    {
        m_installer.reset();
        m_catalog.reset();
        m_network.reset();
        m_server.reset();
        m_dir.reset();
    }

    void goodInstall()
    {
        const QByteArray archive = buildArchive(goodEngine(Version));
        QVERIFY(!archive.isEmpty());
        publish(Version, archive, md5Hex(archive));
        QSignalSpy installed(m_installer.get(), &EngineInstaller::installed);
        QSignalSpy changed(m_catalog.get(), &EngineCatalog::versionsChanged);
        qint64 largestDownloadProgress = 0;
        QList<EngineInstaller::Phase> phases;
        connect(m_installer.get(), &EngineInstaller::installChanged, this,
                [&](const QString &version)
                {
                    QCOMPARE(version, Version);
                    for (const auto &install : m_installer->installs())
                    {
                        if (phases.isEmpty() || phases.constLast() != install.phase)
                        {
                            phases.append(install.phase);
                        }
                        if (install.phase == EngineInstaller::Phase::Downloading)
                        {
                            largestDownloadProgress = std::max(largestDownloadProgress, install.bytesDone);
                            QCOMPARE(install.bytesTotal, archive.size());
                        }
                    }
                });

        QCOMPARE(m_installer->install(Version), EngineInstaller::Request::Started);
        QVERIFY(m_installer->isInstalling(Version));
        QVERIFY(installed.wait(WaitMs));
        QCOMPARE(installed.first().at(0).toString(), Version);

        // Looked up by category and exact version (space and '+' survive the query encoding).
        const QList<QUrl> requests = m_server->requests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(0).path(), u"/cdn/find"_s);
        const QUrlQuery query(requests.at(0));
        QCOMPARE(query.queryItemValue(u"category"_s, QUrl::FullyDecoded), u"engine_linux64"_s);
        QCOMPARE(query.queryItemValue(u"springname"_s, QUrl::FullyDecoded), Version);
        QCOMPARE(downloads(), 1);

        // The engine is in place, executable, complete, and the catalog offers it.
        const QString binary = enginesDir() + u'/' + Version + u"/spring-dedicated"_s;
        QVERIFY(QFileInfo(binary).isExecutable());
        QFile content(enginesDir() + u'/' + Version + u"/base/springcontent.sdz"_s);
        QVERIFY(content.open(QIODevice::ReadOnly));
        QCOMPARE(content.readAll(), noise(300 * 1024));
        QVERIFY(m_catalog->versions().contains(Version));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(enginesDirEntries(), QStringList{Version});
        QVERIFY(m_installer->installs().isEmpty());
        QVERIFY(!m_installer->isInstalling(Version));

        QCOMPARE(largestDownloadProgress, archive.size());
        QCOMPARE(phases, (QList<EngineInstaller::Phase>{
                             EngineInstaller::Phase::Queued, EngineInstaller::Phase::LookingUp,
                             EngineInstaller::Phase::Downloading, EngineInstaller::Phase::Extracting}));

        // Installed: nothing more to do.
        QCOMPARE(m_installer->install(Version), EngineInstaller::Request::AlreadyInstalled);
        QTest::qWait(100);
        QCOMPARE(m_server->requests().size(), 2);
    }

    void wrongMd5()
    {
        const QByteArray archive = buildArchive(goodEngine(Version));
        publish(Version, archive, md5Hex("something else"));
        QCOMPARE(m_installer->install(Version), EngineInstaller::Request::Started);
        const QString reason = waitForFailure(Version);
        QVERIFY2(reason.contains(u"MD5 is "_s + QString::fromLatin1(md5Hex(archive))), qPrintable(reason));
        QVERIFY2(reason.contains(u"after 2 attempts"_s), qPrintable(reason));
        QCOMPARE(downloads(), 2); // a damaged transfer is worth another attempt
        QVERIFY(enginesDirEntries().isEmpty());
        QVERIFY(!m_catalog->versions().contains(Version));

        // The failure stays visible for the UI.
        const auto installs = m_installer->installs();
        QCOMPARE(installs.size(), 1);
        QCOMPARE(installs.first().version, Version);
        QCOMPARE(installs.first().phase, EngineInstaller::Phase::Failed);
        QCOMPARE(installs.first().error, reason);
    }

    void corruptArchive()
    {
        QTemporaryDir scratch;
        const QString file = scratch.filePath(u"engine.7z"_s);
        QVERIFY(goodEngine(Version).write7z(file));
        QVERIFY(TestArchive::corrupt(file));
        QFile read(file);
        QVERIFY(read.open(QIODevice::ReadOnly));
        const QByteArray archive = read.readAll();
        publish(Version, archive, md5Hex(archive)); // the CDN's digest matches: the archive itself is bad
        m_installer->install(Version);
        const QString reason = waitForFailure(Version);
        QVERIFY2(reason.startsWith(u"cannot extract the archive: "_s), qPrintable(reason));
        QCOMPARE(downloads(), 1);
        QVERIFY(enginesDirEntries().isEmpty());
    }

    void archiveLeavingTheTargetDirectory()
    {
        TestArchive hostile = goodEngine(Version);
        hostile.addFile(u"../escaped"_s, "owned", 0755);
        const QByteArray archive = buildArchive(hostile);
        publish(Version, archive, md5Hex(archive));
        m_installer->install(Version);
        const QString reason = waitForFailure(Version);
        QVERIFY2(reason.contains(u"../escaped"_s), qPrintable(reason));
        // Not beside the work directory, not beside the engines directory.
        QVERIFY(!QFileInfo::exists(enginesDir() + u"/escaped"_s));
        QVERIFY(!QFileInfo::exists(m_dir->filePath(u"escaped"_s)));
        QVERIFY(enginesDirEntries().isEmpty());
    }

    void lookupNotFound()
    {
        // Nothing published: the find API answers 404.
        m_installer->install(Version);
        const QString reason = waitForFailure(Version);
        QCOMPARE(reason, u"engine lookup failed with status 404"_s);
        QCOMPARE(m_server->requests().size(), 1); // a 404 is not retried
        QVERIFY(enginesDirEntries().isEmpty());
    }

    void lookupFindsNothing()
    {
        TestHttpServer::Response empty;
        empty.body = "[]";
        m_server->setResponse(u"/cdn/find"_s, empty);
        m_installer->install(Version);
        QCOMPARE(waitForFailure(Version), u"no release found for engine "_s + Version);
    }

    void mirrorNotFound()
    {
        const QByteArray archive = buildArchive(goodEngine(Version));
        TestHttpServer::Response missing;
        missing.status = 404;
        missing.body = "gone";
        publish(Version, archive, md5Hex(archive), {missing});
        m_installer->install(Version);
        const QString reason = waitForFailure(Version);
        QVERIFY2(reason.endsWith(u"failed: HTTP status 404"_s), qPrintable(reason));
        QCOMPARE(downloads(), 1);
        QVERIFY(enginesDirEntries().isEmpty());
    }

    void serverErrorIsRetried()
    {
        const QByteArray archive = buildArchive(goodEngine(Version));
        TestHttpServer::Response error;
        error.status = 503;
        error.body = "busy";
        TestHttpServer::Response good;
        good.body = archive;
        publish(Version, archive, md5Hex(archive), {error, good});
        QSignalSpy installed(m_installer.get(), &EngineInstaller::installed);
        m_installer->install(Version);
        QVERIFY(installed.wait(WaitMs));
        QCOMPARE(downloads(), 2);
        QVERIFY(m_catalog->versions().contains(Version));
    }

    void stalledServerTimesOut()
    {
        const QByteArray archive = buildArchive(goodEngine(Version));
        TestHttpServer::Response stalled;
        stalled.body = archive;
        stalled.stallAfter = 1000;
        publish(Version, archive, md5Hex(archive), {stalled});
        m_installer->install(Version);
        const QString reason = waitForFailure(Version);
        QVERIFY2(reason.contains(u"no data arrived for 0.7 s"_s), qPrintable(reason));
        QCOMPARE(downloads(), 2);
        QVERIFY(enginesDirEntries().isEmpty());
    }

    void slowServerHitsTheAttemptTimeout()
    {
        auto slow = settings();
        slow.attemptTimeoutMs = 800;
        slow.maxAttempts = 1;
        m_installer = std::make_unique<EngineInstaller>(slow, m_catalog.get(), m_network.get());
        const QByteArray archive = buildArchive(goodEngine(Version));
        TestHttpServer::Response trickle; // always something moving, never done in time
        trickle.body = archive;
        trickle.chunkSize = 1024;
        trickle.chunkDelayMs = 100;
        publish(Version, archive, md5Hex(archive), {trickle});
        m_installer->install(Version);
        const QString reason = waitForFailure(Version);
        QVERIFY2(reason.contains(u"took longer than 0.8 s"_s), qPrintable(reason));
        QVERIFY(enginesDirEntries().isEmpty());
    }

    void tenRequestsOneDownload()
    {
        const QByteArray archive = buildArchive(goodEngine(Version));
        publish(Version, archive, md5Hex(archive));
        QSignalSpy installed(m_installer.get(), &EngineInstaller::installed);
        QCOMPARE(m_installer->install(Version), EngineInstaller::Request::Started);
        for (int i = 1; i < 10; ++i)
        {
            QCOMPARE(m_installer->install(Version), EngineInstaller::Request::AlreadyInstalling);
        }
        QVERIFY(installed.wait(WaitMs));
        QTest::qWait(200);
        QCOMPARE(installed.size(), 1);
        QCOMPARE(m_server->requestCount(u"/cdn/find"_s), 1);
        QCOMPARE(downloads(), 1);
    }

    void failedInstallIsTriedAgain()
    {
        m_installer->install(Version);
        QVERIFY(!waitForFailure(Version).isEmpty());
        const QByteArray archive = buildArchive(goodEngine(Version));
        publish(Version, archive, md5Hex(archive));
        QSignalSpy installed(m_installer.get(), &EngineInstaller::installed);
        QCOMPARE(m_installer->install(Version), EngineInstaller::Request::Started);
        QVERIFY(installed.wait(WaitMs));
        QVERIFY(m_installer->installs().isEmpty()); // the old failure is gone
    }

    void failureIsForgottenWhenTheVersionAppears()
    {
        m_installer->install(Version); // nothing published: fails
        QVERIFY(!waitForFailure(Version).isEmpty());
        QCOMPARE(m_installer->installs().size(), 1);
        // The operator installs it by hand: the failure no longer describes the engine.
        const QString binary = enginesDir() + u'/' + Version + u"/spring-dedicated"_s;
        QVERIFY(QDir().mkpath(QFileInfo(binary).path()));
        QFile manual(binary);
        QVERIFY(manual.open(QIODevice::WriteOnly));
        manual.write(engineScript(Version));
        manual.close();
        QVERIFY(manual.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QTRY_VERIFY_WITH_TIMEOUT(m_catalog->versions().contains(Version), WaitMs);
        QVERIFY(m_installer->installs().isEmpty());
    }

    void archiveWithoutServerBinary()
    {
        TestArchive archive;
        archive.addFile(u"spring"_s, engineScript(Version), 0755).addFile(u"README"_s, "no server here");
        const QByteArray bytes = buildArchive(archive);
        publish(Version, bytes, md5Hex(bytes));
        m_installer->install(Version);
        QCOMPARE(waitForFailure(Version), u"the archive has no executable spring-dedicated at its top"_s);
        QVERIFY(enginesDirEntries().isEmpty());
    }

    void archiveWithOneTopDirectory()
    {
        TestArchive archive;
        archive.addFile(u"engine/spring-dedicated"_s, engineScript(Version), 0755)
            .addFile(u"engine/base/content"_s, "content");
        const QByteArray bytes = buildArchive(archive);
        publish(Version, bytes, md5Hex(bytes));
        QSignalSpy installed(m_installer.get(), &EngineInstaller::installed);
        m_installer->install(Version);
        QVERIFY(installed.wait(WaitMs));
        QVERIFY(QFileInfo(enginesDir() + u'/' + Version + u"/spring-dedicated"_s).isExecutable());
    }

    void incompleteDirectoryIsReplaced()
    {
        QVERIFY(QDir(enginesDir()).mkpath(Version + u"/leftover"_s));
        const QByteArray archive = buildArchive(goodEngine(Version));
        publish(Version, archive, md5Hex(archive));
        QSignalSpy installed(m_installer.get(), &EngineInstaller::installed);
        QCOMPARE(m_installer->install(Version), EngineInstaller::Request::Started);
        QVERIFY(installed.wait(WaitMs));
        QVERIFY(!QFileInfo::exists(enginesDir() + u'/' + Version + u"/leftover"_s));
        // Moved aside, not deleted: it may be the operator's.
        const QStringList entries = enginesDirEntries();
        QCOMPARE(entries.size(), 2);
        QVERIFY(entries.contains(Version));
        const QString aside = entries.at(entries.indexOf(Version) == 0 ? 1 : 0);
        QVERIFY2(aside.startsWith(u".replaced-"_s), qPrintable(aside));
        QVERIFY(QFileInfo(enginesDir() + u'/' + aside + u"/leftover"_s).isDir());
    }

    // A 1 TiB archive needs about 4 TiB free, more than any test machine has.
    void notEnoughDiskSpace()
    {
        TestHttpServer::Response find;
        find.body = dumpJsonBytes(findAnswer(Version, md5Hex("x"), qint64(1) << 40, u"huge.7z"_s,
                                             m_server->url(u"/files/huge.7z"_s)));
        m_server->setResponse(u"/cdn/find"_s, find);
        m_installer->install(Version);
        const QString reason = waitForFailure(Version);
        QVERIFY2(reason.startsWith(u"not enough disk space in "_s), qPrintable(reason));
        QCOMPARE(m_server->requestCount(u"/files/huge.7z"_s), 0);
    }

    void invalidVersionsAreRefused()
    {
        for (const QString &version : {u"../evil"_s, u".hidden"_s, u"a/b"_s, QString()})
        {
            QCOMPARE(m_installer->install(version), EngineInstaller::Request::InvalidVersion);
        }
        QTest::qWait(100);
        QVERIFY(m_server->requests().isEmpty());
    }

    void systemEngineCountsAsInstalled()
    {
        QTemporaryDir usr;
        const QString binary = usr.filePath(u"spring-dedicated"_s);
        QFile file(binary);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(engineScript(u"106.0"_s));
        file.close();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        m_installer.reset();
        m_catalog = std::make_unique<EngineCatalog>(EngineSources{enginesDir(), {}, {binary}});
        createInstaller();
        QCOMPARE(m_installer->install(u"106.0"_s), EngineInstaller::Request::AlreadyInstalled);
    }

    void leftoversOfAStoppedInstallAreRemoved()
    {
        m_installer.reset();
        QVERIFY(QDir(enginesDir()).mkpath(u".install-1234/content/base"_s));
        QVERIFY(QDir(enginesDir()).mkpath(u".other"_s));
        createInstaller();
        QCOMPARE(enginesDirEntries(), QStringList{u".other"_s});
    }

    void destroyedWhileDownloading()
    {
        const QByteArray archive = buildArchive(goodEngine(Version));
        TestHttpServer::Response stalled;
        stalled.body = archive;
        stalled.stallAfter = 5000;
        publish(Version, archive, md5Hex(archive), {stalled});
        m_installer->install(Version);
        QTRY_VERIFY_WITH_TIMEOUT(downloads() == 1, WaitMs);
        QTest::qWait(100);
        m_installer.reset();
        QVERIFY(enginesDirEntries().isEmpty());
    }
    void destroyedWhileLookingUp()
    {
        TestHttpServer::Response stalled;
        stalled.body = "[";
        stalled.stallAfter = 0;
        m_server->setResponse(u"/cdn/find"_s, stalled);
        auto lastAttempt = settings(); // an aborted last attempt would fail the job
        lastAttempt.maxAttempts = 1;
        m_installer = std::make_unique<EngineInstaller>(lastAttempt, m_catalog.get(), m_network.get());
        QSignalSpy failed(m_installer.get(), &EngineInstaller::failed);
        m_installer->install(Version);
        QTRY_VERIFY_WITH_TIMEOUT(m_server->requestCount(u"/cdn/find"_s) == 1, WaitMs);
        m_installer.reset(); // aborting the lookup must not fail or retry the job while it is destroyed
        QCOMPARE(failed.size(), 0);
        QTest::qWait(100);
        QVERIFY(enginesDirEntries().isEmpty());
    }

    void lookupServerErrorIsRetried()
    {
        const QByteArray archive = buildArchive(goodEngine(Version));
        publish(Version, archive, md5Hex(archive));
        TestHttpServer::Response busy;
        busy.status = 503;
        TestHttpServer::Response good = busy;
        good.status = 200;
        good.body = dumpJsonBytes(findAnswer(Version, md5Hex(archive), archive.size(), m_fileName,
                                             m_server->url(u"/files/"_s + m_fileName)));
        m_server->setResponses(u"/cdn/find"_s, {busy, good});
        QSignalSpy installed(m_installer.get(), &EngineInstaller::installed);
        m_installer->install(Version);
        QVERIFY(installed.wait(WaitMs));
        QCOMPARE(m_server->requestCount(u"/cdn/find"_s), 2);
        // Lookups and downloads count their attempts apart: the download was its first.
        QCOMPARE(downloads(), 1);
    }

    void cutOffLookupIsRetried()
    {
        const QByteArray archive = buildArchive(goodEngine(Version));
        publish(Version, archive, md5Hex(archive));
        const QByteArray answer = dumpJsonBytes(findAnswer(
            Version, md5Hex(archive), archive.size(), m_fileName, m_server->url(u"/files/"_s + m_fileName)));
        TestHttpServer::Response cutOff; // status 200, then silence half-way through the body
        cutOff.body = answer;
        cutOff.stallAfter = answer.size() / 2;
        TestHttpServer::Response good;
        good.body = answer;
        m_server->setResponses(u"/cdn/find"_s, {cutOff, good});
        QSignalSpy installed(m_installer.get(), &EngineInstaller::installed);
        m_installer->install(Version);
        QVERIFY(installed.wait(WaitMs));
        QCOMPARE(m_server->requestCount(u"/cdn/find"_s), 2);
    }

    void oversizedLookupAnswer()
    {
        TestHttpServer::Response huge;
        huge.body = QByteArray(2 * 1024 * 1024, ' ');
        m_server->setResponse(u"/cdn/find"_s, huge);
        m_installer->install(Version);
        QCOMPARE(waitForFailure(Version), u"invalid release lookup payload: larger than 1048576 bytes"_s);
        QCOMPARE(m_server->requestCount(u"/cdn/find"_s), 1);
    }

    void largeErrorPageFailsAtOnce()
    {
        const QByteArray archive = buildArchive(goodEngine(Version));
        TestHttpServer::Response missing;
        missing.status = 404;
        missing.body = QByteArray(1024 * 1024, 'x');
        missing.chunkSize = 64 * 1024;
        missing.chunkDelayMs = 200; // reading it to the end would take seconds
        publish(Version, archive, md5Hex(archive), {missing});
        m_installer->install(Version);
        const QString reason = waitForFailure(Version);
        QVERIFY2(reason.endsWith(u"failed: HTTP status 404"_s), qPrintable(reason));
        QCOMPARE(downloads(), 1);
    }

    void refusedRedirectIsNotRetried()
    {
        const QByteArray archive = buildArchive(goodEngine(Version));
        TestHttpServer::Response redirect;
        redirect.status = 302;
        redirect.headers = {{"Location", "file:///etc/passwd"}};
        publish(Version, archive, md5Hex(archive), {redirect});
        m_installer->install(Version);
        const QString reason = waitForFailure(Version);
        QVERIFY2(!reason.isEmpty() && !reason.contains(u"attempts"_s), qPrintable(reason));
        QCOMPARE(downloads(), 1);
        QVERIFY(enginesDirEntries().isEmpty());
    }

    void engineThatAppearsWhileInstallingIsKept()
    {
        const QByteArray archive = buildArchive(goodEngine(Version));
        TestHttpServer::Response slow;
        slow.body = archive;
        slow.chunkSize = 64 * 1024;
        slow.chunkDelayMs = 100;
        publish(Version, archive, md5Hex(archive), {slow});
        QSignalSpy installed(m_installer.get(), &EngineInstaller::installed);
        QSignalSpy failed(m_installer.get(), &EngineInstaller::failed);
        m_installer->install(Version);
        // The operator unpacks the same version by hand meanwhile.
        const QString binary = enginesDir() + u'/' + Version + u"/spring-dedicated"_s;
        QVERIFY(QDir().mkpath(QFileInfo(binary).path()));
        QFile manual(binary);
        QVERIFY(manual.open(QIODevice::WriteOnly));
        manual.write("#!/bin/sh\n# by hand\n");
        manual.close();
        QVERIFY(manual.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QVERIFY(installed.wait(WaitMs));
        QCOMPARE(failed.size(), 0);
        QVERIFY(manual.open(QIODevice::ReadOnly));
        QCOMPARE(manual.readAll(), QByteArray("#!/bin/sh\n# by hand\n"));
        QCOMPARE(enginesDirEntries(), QStringList{Version});
    }

    void installsQueueBeyondTwoAtOnce()
    {
        // Each version's own archive, served slowly enough that the installs overlap.
        const QStringList versions{u"2025.01.01"_s, u"2025.02.02"_s, u"2025.03.03"_s};
        // Built beforehand: building an archive inside the handler blocks the event loop, under the
        // sanitizers for longer than the installer's stall limit.
        QHash<QString, QByteArray> archives;
        for (const QString &version : versions)
        {
            archives.insert(version, buildArchive(goodEngine(version)));
            TestHttpServer::Response file;
            file.body = archives.value(version);
            file.chunkSize = 64 * 1024;
            file.chunkDelayMs = 100;
            m_server->setResponse(u"/files/"_s + version, file);
        }
        m_server->setHandler(u"/cdn/find"_s,
                             [this, archives](const QUrl &target)
                             {
                                 const QString version =
                                     QUrlQuery(target).queryItemValue(u"springname"_s, QUrl::FullyDecoded);
                                 const QByteArray archive = archives.value(version);
                                 TestHttpServer::Response find;
                                 find.body = dumpJsonBytes(findAnswer(version, md5Hex(archive),
                                                                      archive.size(), version + u".7z"_s,
                                                                      m_server->url(u"/files/"_s + version)));
                                 return find;
                             });
        QSignalSpy installed(m_installer.get(), &EngineInstaller::installed);
        for (const QString &version : versions)
        {
            QCOMPARE(m_installer->install(version), EngineInstaller::Request::Started);
        }
        const auto installs = m_installer->installs();
        QCOMPARE(installs.size(), 3);
        QVERIFY(installs.at(0).phase != EngineInstaller::Phase::Queued);
        QVERIFY(installs.at(1).phase != EngineInstaller::Phase::Queued);
        QCOMPARE(installs.at(2).phase, EngineInstaller::Phase::Queued);
        QTRY_COMPARE_WITH_TIMEOUT(installed.size(), 3, WaitMs);
        QCOMPARE(m_catalog->versions(), versions);
    }
};

QTEST_GUILESS_MAIN(TestEngineInstaller)
#include "tst_engineinstaller.moc"
