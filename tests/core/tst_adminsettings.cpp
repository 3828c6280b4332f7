#include <QDir>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

#include "admin/adminsettings.h"
#include "admin/admintokenfile.h"

using namespace Qt::Literals::StringLiterals;

// The admin endpoint's settings from the configuration keys, and the configurations it refuses.
class TestAdminSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    const QString m_certificate = QStringLiteral(AUTOHOST_TEST_DATA_DIR "/tls/certificate.pem");
    const QString m_key = QStringLiteral(AUTOHOST_TEST_DATA_DIR "/tls/key.pem");

    QString freshDataDir(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QDir(path).removeRecursively();
        QDir().mkpath(path);
        return path;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void emptyListenDisables()
    {
        Config config;
        config.adminListen.clear();
        const QString dataDir = freshDataDir(u"disabled"_s);
        const auto settings = AdminSettings::fromConfig(config, dataDir);
        QVERIFY(settings);
        QVERIFY(!settings->has_value());
        // No endpoint, no token file.
        QVERIFY(!QFile::exists(AdminTokenFile::pathIn(dataDir)));
    }

    void defaultsUseTheTokenFile()
    {
        const Config config;
        const QString dataDir = freshDataDir(u"defaults"_s);
        const auto settings = AdminSettings::fromConfig(config, dataDir);
        QVERIFY2(settings, qPrintable(settings ? QString() : settings.error()));
        QVERIFY(settings->has_value());
        const AdminSettings &admin = **settings;
        QCOMPARE(admin.address, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(admin.port, quint16(8201));
        QVERIFY(admin.loopback());
        QVERIFY(!admin.metricsPublic);
        QVERIFY(!admin.tls());
        QVERIFY(admin.requiresToken());
        QCOMPARE(admin.token->size(), 43);
        QFile file(AdminTokenFile::pathIn(dataDir));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().trimmed(), admin.token->toLatin1());
        // The next start uses the same token.
        const auto again = AdminSettings::fromConfig(config, dataDir);
        QVERIFY(again && again->has_value());
        QCOMPARE((*again)->token, admin.token);
        QVERIFY(admin.check());
    }

    void explicitValues()
    {
        Config config;
        config.adminListen = u"[::1]:0"_s;
        config.adminToken = u"configured-token"_s;
        config.metricsPublic = true;
        config.adminTlsCertificate = m_certificate;
        config.adminTlsKey = m_key;
        const QString dataDir = freshDataDir(u"explicit"_s);
        const auto settings = AdminSettings::fromConfig(config, dataDir);
        QVERIFY(settings && settings->has_value());
        const AdminSettings &admin = **settings;
        QCOMPARE(admin.address, QHostAddress(QHostAddress::LocalHostIPv6));
        QCOMPARE(admin.port, quint16(0));
        QCOMPARE(admin.token, std::optional<QString>(u"configured-token"_s));
        QVERIFY(admin.metricsPublic);
        QVERIFY(admin.tls());
        QCOMPARE(admin.tlsCertificateFile, m_certificate);
        QCOMPARE(admin.tlsKeyFile, m_key);
        QVERIFY(!QFile::exists(AdminTokenFile::pathIn(dataDir)));
        QVERIFY(admin.check());
    }

    void emptyTokenMeansNoAuthentication()
    {
        Config config;
        config.adminToken = QString();
        const QString dataDir = freshDataDir(u"noauth"_s);
        const auto settings = AdminSettings::fromConfig(config, dataDir);
        QVERIFY(settings && settings->has_value());
        QVERIFY(!(*settings)->requiresToken());
        QVERIFY(!QFile::exists(AdminTokenFile::pathIn(dataDir)));
        QVERIFY((*settings)->check());
    }

    void tokenFileProblemsFail()
    {
        const QString dataDir = freshDataDir(u"brokentoken"_s);
        QFile file(AdminTokenFile::pathIn(dataDir));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const auto settings = AdminSettings::fromConfig(Config(), dataDir);
        QVERIFY(!settings);
        QVERIFY2(settings.error().contains(u"admin-token"_s), qPrintable(settings.error()));
    }

    void nonLoopbackNeedsAToken_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<std::optional<QString>>("token");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("all IPv4, no token") << u"0.0.0.0"_s << std::optional<QString>() << false;
        QTest::newRow("all IPv4, empty token") << u"0.0.0.0"_s << std::optional<QString>(QString()) << false;
        QTest::newRow("all IPv6, no token") << u"::"_s << std::optional<QString>() << false;
        QTest::newRow("LAN, no token") << u"192.168.1.2"_s << std::optional<QString>() << false;
        QTest::newRow("all IPv4, token") << u"0.0.0.0"_s << std::optional<QString>(u"t"_s) << true;
        QTest::newRow("loopback, no token") << u"127.0.0.1"_s << std::optional<QString>() << true;
        QTest::newRow("127/8, empty token") << u"127.0.0.2"_s << std::optional<QString>(QString()) << true;
        QTest::newRow("IPv6 loopback, no token") << u"::1"_s << std::optional<QString>() << true;
    }

    void nonLoopbackNeedsAToken()
    {
        QFETCH(QString, address);
        QFETCH(std::optional<QString>, token);
        QFETCH(bool, accepted);
        AdminSettings settings;
        settings.address = QHostAddress(address);
        settings.token = token;
        const Status checked = settings.check();
        QCOMPARE(checked.ok(), accepted);
        if (!accepted)
        {
            QVERIFY2(checked.error().contains(u"refuses to listen on %1 without a token"_s.arg(address)),
                     qPrintable(checked.error()));
        }
    }

    void tlsFiles_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("problem");
        const QString missing = m_dir.filePath(u"nothing-here.pem"_s);
        QTest::newRow("valid") << m_certificate << m_key << QString();
        QTest::newRow("certificate only") << m_certificate << QString() << u"both"_s;
        QTest::newRow("key only") << QString() << m_key << u"both"_s;
        QTest::newRow("missing certificate")
            << missing << m_key << missing + u": cannot read the certificate"_s;
        QTest::newRow("missing key") << m_certificate << missing << missing + u": cannot read the key"_s;
        QTest::newRow("key as certificate") << m_key << m_key << m_key + u": holds no PEM certificate"_s;
        QTest::newRow("certificate as key")
            << m_certificate << m_certificate << m_certificate + u": holds no unencrypted PEM"_s;
    }

    void tlsFiles()
    {
        QFETCH(QString, certificate);
        QFETCH(QString, key);
        QFETCH(QString, problem);
        AdminSettings settings;
        settings.tlsCertificateFile = certificate;
        settings.tlsKeyFile = key;
        QVERIFY(settings.tls());
        const Status checked = settings.check();
        QCOMPARE(checked.ok(), problem.isEmpty());
        if (!problem.isEmpty())
        {
            QVERIFY2(checked.error().contains(problem), qPrintable(checked.error()));
            return;
        }
        const Result<QSslConfiguration> configuration = settings.sslConfiguration();
        QVERIFY(configuration);
        QFile file(certificate);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(configuration->localCertificate(), QSslCertificate(file.readAll(), QSsl::Pem));
        QVERIFY(!configuration->privateKey().isNull());
    }
};

QTEST_GUILESS_MAIN(TestAdminSettings)
#include "tst_adminsettings.moc"
