#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "backend/savedautohosts.h"
#include "protocol/json.h"

using namespace Qt::Literals::StringLiterals;

// The desktop app's saved list of remote autohosts: read back as written, owner-only, bad entries skipped.
class TestSavedAutohosts : public QObject
{
    Q_OBJECT

private:
    static SavedAutohosts::Entry entry(const QString &name, const QString &host, quint16 port,
                                       const QByteArray &token, bool tls = false,
                                       const QString &certificate = {})
    {
        SavedAutohosts::Entry entry;
        entry.name = name;
        entry.settings.host = host;
        entry.settings.port = port;
        entry.settings.token = token;
        entry.settings.tls = tls;
        entry.settings.certificateFile = certificate;
        return entry;
    }

    static void write(const QString &path, const QByteArray &content)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }

private slots:
    void readsBackWhatItSaved()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"config/autohost/autohosts.json"_s);
        const QString certificate = QStringLiteral(AUTOHOST_TEST_DATA_DIR "/tls/certificate.pem");
        const QList<SavedAutohosts::Entry> entries = {
            entry(u"Home server"_s, u"192.168.1.20"_s, 8201, "tok-en_1"),
            entry({}, u"vps.example.org"_s, 443, "Zm9v", true, certificate),
            entry(u"IPv6"_s, u"::1"_s, 9000, {})};
        const Status saved = SavedAutohosts::save(path, entries);
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error()));
        QCOMPARE(QFile::permissions(path) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const auto loaded = SavedAutohosts::load(path);
        QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error()));
        QCOMPARE(*loaded, entries);
        QCOMPARE(loaded->at(0).displayName(), u"Home server"_s);
        QCOMPARE(loaded->at(1).displayName(), u"vps.example.org:443"_s);
        QCOMPARE(entry({}, u"::1"_s, 9000, {}).displayName(), u"[::1]:9000"_s);
    }

    void aMissingFileIsAnEmptyList()
    {
        QTemporaryDir dir;
        const auto loaded = SavedAutohosts::load(dir.filePath(u"none.json"_s));
        QVERIFY(loaded);
        QVERIFY(loaded->isEmpty());
    }

    void aMalformedFileIsAnError_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("not json") << QByteArray("{\"autohosts\": [");
        QTest::newRow("an array") << QByteArray("[]");
        QTest::newRow("no list") << QByteArray("{\"hosts\": []}");
        QTest::newRow("list not an array") << QByteArray("{\"autohosts\": {}}");
    }

    void aMalformedFileIsAnError()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"autohosts.json"_s);
        write(path, content);
        const auto loaded = SavedAutohosts::load(path);
        QVERIFY(!loaded);
        QVERIFY2(loaded.error().contains(path), qPrintable(loaded.error()));
    }

    void badEntriesAreSkippedAndTheRestKept()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"autohosts.json"_s);
        write(path, "{\"autohosts\": [\n"
                    "            {\"host\": \"\", \"port\": 8201},\n"
                    "            {\"host\": \"good.example\", \"port\": 8201, \"token\": \"t1\"},\n"
                    "            {\"host\": \"a b\", \"port\": 8201},\n"
                    "            {\"host\": \"x.example\", \"port\": 70000},\n"
                    "            \"not an object\",\n"
                    "            {\"host\": \"y.example\", \"port\": 8202, \"certificateFile\": "
                    "\"/nonexistent.pem\", \"tls\": true},\n"
                    "            {\"name\": \"Second\", \"host\": \"10.0.0.2\", \"port\": 1}\n"
                    "        ]}");
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"saved autohost \\d skipped"_s));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"saved autohost \\d skipped"_s));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"saved autohost \\d skipped"_s));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"saved autohost \\d skipped"_s));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"saved autohost \\d skipped"_s));
        const auto loaded = SavedAutohosts::load(path);
        QVERIFY(loaded);
        QCOMPARE(loaded->size(), 2);
        QCOMPARE(loaded->at(0), entry({}, u"good.example"_s, 8201, "t1"));
        QCOMPARE(loaded->at(1), entry(u"Second"_s, u"10.0.0.2"_s, 1, {}));
    }

    void aFileOthersCanReadIsReadWithAWarning()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"autohosts.json"_s);
        write(path, "{\"autohosts\": [{\"host\": \"h\", \"port\": 8201, \"token\": \"t\"}]}");
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ReadOther));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"readable by other users"_s));
        const auto loaded = SavedAutohosts::load(path);
        QVERIFY(loaded);
        QCOMPARE(loaded->size(), 1);
    }

    void problemsNameTheField_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<bool>("tls");
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("field");
        const QString certificate = QStringLiteral(AUTOHOST_TEST_DATA_DIR "/tls/certificate.pem");
        QTest::newRow("fine") << u"example.org"_s << 8201 << QByteArray("t") << false << QString()
                              << QString();
        QTest::newRow("fine with tls")
            << u"10.1.2.3"_s << 1 << QByteArray() << true << certificate << QString();
        QTest::newRow("no host") << u"  "_s << 8201 << QByteArray() << false << QString() << u"host"_s;
        QTest::newRow("host with a path")
            << u"h/x"_s << 8201 << QByteArray() << false << QString() << u"host"_s;
        QTest::newRow("host with a user")
            << u"me@h"_s << 8201 << QByteArray() << false << QString() << u"host"_s;
        QTest::newRow("host with a space")
            << u"h x"_s << 8201 << QByteArray() << false << QString() << u"host"_s;
        QTest::newRow("port 0") << u"h"_s << 0 << QByteArray() << false << QString() << u"port"_s;
        QTest::newRow("token with a space")
            << u"h"_s << 1 << QByteArray("a b") << false << QString() << u"token"_s;
        QTest::newRow("token with a newline")
            << u"h"_s << 1 << QByteArray("ab\n") << false << QString() << u"token"_s;
        QTest::newRow("missing certificate")
            << u"h"_s << 1 << QByteArray() << true << u"/nonexistent.pem"_s << u"certificateFile"_s;
        QTest::newRow("certificate without tls")
            << u"h"_s << 1 << QByteArray() << false << certificate << u"certificateFile"_s;
    }

    void problemsNameTheField()
    {
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QByteArray, token);
        QFETCH(bool, tls);
        QFETCH(QString, certificate);
        QFETCH(QString, field);
        const auto problem = SavedAutohosts::problem(entry({}, host, quint16(port), token, tls, certificate));
        QCOMPARE(problem ? problem->field : QString(), field);
        if (problem)
        {
            QVERIFY(!problem->message.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestSavedAutohosts)
#include "tst_savedautohosts.moc"
