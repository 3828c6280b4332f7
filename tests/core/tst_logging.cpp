#include <cstdio>

#include <QTemporaryFile>
#include <QTest>

#include "logging.h"
#include "protocol/json.h"

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

class TestLogging : public QObject
{
    Q_OBJECT

private:
    static QDateTime sampleTime() { return QDateTime(QDate(2026, 11, 22), QTime(10, 15, 30, 123), Qt::UTC); }

private slots:
    void categories()
    {
        QCOMPARE(QByteArray(lcConfig().categoryName()), "autohost.config");
        QCOMPARE(QByteArray(lcTachyon().categoryName()), "autohost.tachyon");
        QCOMPARE(QByteArray(lcRequests().categoryName()), "autohost.requests");
        QCOMPARE(QByteArray(lcUpdates().categoryName()), "autohost.updates");
        QCOMPARE(QByteArray(lcBattle().categoryName()), "autohost.battle");
        QCOMPARE(QByteArray(lcEngine().categoryName()), "autohost.engine");
        QCOMPARE(QByteArray(lcEngines().categoryName()), "autohost.engines");
        QVERIFY(lcBattle().isInfoEnabled());
        QVERIFY(lcBattle().isWarningEnabled());
        QVERIFY(!lcBattle().isDebugEnabled());
    }

    void textLine_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QByteArray>("category");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("info") << int(QtInfoMsg) << QByteArray("autohost.battle")
                              << QByteArray("2026-11-22T10:15:30.123Z INFO  autohost.battle  hello\n");
        QTest::newRow("debug") << int(QtDebugMsg) << QByteArray("autohost.engine")
                               << QByteArray("2026-11-22T10:15:30.123Z DEBUG autohost.engine  hello\n");
        QTest::newRow("warning") << int(QtWarningMsg) << QByteArray("autohost.config")
                                 << QByteArray("2026-11-22T10:15:30.123Z WARN  autohost.config  hello\n");
        QTest::newRow("critical") << int(QtCriticalMsg) << QByteArray("autohost.tachyon")
                                  << QByteArray("2026-11-22T10:15:30.123Z ERROR autohost.tachyon  hello\n");
        QTest::newRow("fatal") << int(QtFatalMsg) << QByteArray("autohost.battle")
                               << QByteArray("2026-11-22T10:15:30.123Z FATAL autohost.battle  hello\n");
        QTest::newRow("uncategorised") << int(QtWarningMsg) << QByteArray()
                                       << QByteArray("2026-11-22T10:15:30.123Z WARN  default  hello\n");
    }

    void textLine()
    {
        QFETCH(int, type);
        QFETCH(QByteArray, category);
        QFETCH(QByteArray, expected);
        const char *categoryName = category.isNull() ? nullptr : category.constData();
        QCOMPARE(LogOutput::formatLine(LogOutput::Format::Text, QtMsgType(type), categoryName, u"hello"_s,
                                       sampleTime()),
                 expected);
    }

    void textLineUsesUtc()
    {
        const QDateTime local = sampleTime().toOffsetFromUtc(2 * 3600);
        QCOMPARE(local.time().hour(), 12);
        QVERIFY(LogOutput::formatLine(LogOutput::Format::Text, QtInfoMsg, "autohost.battle", u"x"_s, local)
                    .startsWith("2026-11-22T10:15:30.123Z "));
    }

    void jsonLine()
    {
        const QByteArray line = LogOutput::formatLine(LogOutput::Format::Json, QtWarningMsg,
                                                      "autohost.engine", u"engine exited"_s, sampleTime());
        QVERIFY(line.endsWith('\n'));
        QCOMPARE(line.count('\n'), 1);
        QCOMPARE(line.chopped(1),
                 R"({"time":"2026-11-22T10:15:30.123Z","level":"warn","category":"autohost.engine",)"
                 R"("message":"engine exited"})");
    }

    void jsonLevels()
    {
        const std::pair<QtMsgType, const char *> levels[] = {
            {QtDebugMsg, "debug"},    {QtInfoMsg, "info"},   {QtWarningMsg, "warn"},
            {QtCriticalMsg, "error"}, {QtFatalMsg, "fatal"},
        };
        for (const auto &[type, name] : levels)
        {
            const QByteArray line =
                LogOutput::formatLine(LogOutput::Format::Json, type, nullptr, u"m"_s, sampleTime());
            const Json json = Json::parse(line.constData(), nullptr, false);
            QVERIFY(!json.is_discarded());
            QCOMPARE(json.at("level").get<std::string>(), std::string(name));
            QCOMPARE(json.at("category").get<std::string>(), std::string("default"));
        }
    }

    void jsonSurvivesHostileText_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("exact");
        QTest::newRow("quotes and backslashes") << u"say \"hi\" \\ {x}"_s << true;
        QTest::newRow("newlines") << u"line one\nline two\r\n"_s << true;
        QTest::newRow("control characters") << QString(u"a"_s + QChar(0) + u"b\tc"_s + QChar(0x1b)) << true;
        QTest::newRow("unicode") << u"Zażółć gęślą jaźń ✓"_s << true;
        QTest::newRow("invalid UTF-8 decoded")
            << QString::fromUtf8(QByteArrayView("bad \xff\xfe bytes \xc3")) << true;
        QTest::newRow("lone surrogate") << QString(u"x"_s + QChar(0xd800) + u"y"_s) << false;
    }

    void jsonSurvivesHostileText()
    {
        QFETCH(QString, message);
        QFETCH(bool, exact);
        const QByteArray line = LogOutput::formatLine(LogOutput::Format::Json, QtInfoMsg, "autohost.battle",
                                                      message, sampleTime());
        QVERIFY(line.endsWith('\n'));
        // One record per line, whatever the message holds.
        QCOMPARE(line.count('\n'), 1);
        const Json json = Json::parse(line.constData(), line.constData() + line.size(), nullptr, false);
        QVERIFY(!json.is_discarded());
        const QString decoded = toQString(json.at("message").get<std::string>());
        if (exact)
        {
            QCOMPARE(decoded, message);
        }
        else
        {
            QVERIFY(decoded.startsWith(u'x'));
            QVERIFY(decoded.endsWith(u'y'));
        }
    }

    void installWritesLinesToStderr()
    {
        QTemporaryFile capture;
        QVERIFY(capture.open());
        std::fflush(stderr);
        const int savedStderr = dup(STDERR_FILENO);
        QVERIFY(savedStderr >= 0);
        QVERIFY(dup2(capture.handle(), STDERR_FILENO) >= 0);

        const QtMessageHandler testHandler = qInstallMessageHandler(nullptr);
        LogOutput::install(LogOutput::Format::Json);
        qCInfo(lcBattle, "battle %d started", 7);
        qCDebug(lcBattle, "not shown by default");
        qCWarning(lcEngine) << "engine" << 3 << "crashed";
        qInstallMessageHandler(testHandler);

        std::fflush(stderr);
        dup2(savedStderr, STDERR_FILENO);
        close(savedStderr);

        capture.seek(0);
        const QList<QByteArray> lines = capture.readAll().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.last().isEmpty());
        const Json first = Json::parse(lines.at(0).constData(), nullptr, false);
        const Json second = Json::parse(lines.at(1).constData(), nullptr, false);
        QVERIFY(!first.is_discarded());
        QVERIFY(!second.is_discarded());
        QCOMPARE(first.at("category").get<std::string>(), std::string("autohost.battle"));
        QCOMPARE(first.at("level").get<std::string>(), std::string("info"));
        QCOMPARE(first.at("message").get<std::string>(), std::string("battle 7 started"));
        QCOMPARE(second.at("category").get<std::string>(), std::string("autohost.engine"));
        QCOMPARE(second.at("level").get<std::string>(), std::string("warn"));
        QCOMPARE(second.at("message").get<std::string>(), std::string("engine 3 crashed"));
        const QDateTime time =
            QDateTime::fromString(toQString(first.at("time").get<std::string>()), Qt::ISODateWithMs);
        QVERIFY(time.isValid());
        QCOMPARE(time.timeSpec(), Qt::UTC);
    }
};

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
