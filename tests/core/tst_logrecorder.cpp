#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include "logging.h"
#include "logrecorder.h"

using namespace Qt::Literals::StringLiterals;

// Every level enabled, unlike the production categories.
Q_LOGGING_CATEGORY(lcRecorderTest, "autohost.recordertest")

// Messages go through the headless message handler (LogOutput::install, which also writes them to stderr)
// into the active recorder.
class TestLogRecorder : public QObject
{
    Q_OBJECT

private:
    QtMessageHandler m_testHandler = nullptr;

private slots:
    void initTestCase()
    {
        m_testHandler = qInstallMessageHandler(nullptr);
        LogOutput::install(LogOutput::Format::Text);
    }

    void cleanupTestCase() { qInstallMessageHandler(m_testHandler); }

    void recordsWhatIsLogged()
    {
        LogRecorder recorder;
        LogRecorder::setActive(&recorder);
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        qCDebug(lcRecorderTest, "d");
        qCInfo(lcRecorderTest, "i");
        qCWarning(lcRecorderTest, "w");
        qCCritical(lcRecorderTest, "c");
        qCWarning(lcBattle) << "categorised";
        qWarning("uncategorised");
        LogRecorder::setActive(nullptr);

        const QList<LogRecord> records = recorder.records();
        QCOMPARE(records.size(), 6);
        const LogRecord::Level levels[] = {LogRecord::Debug, LogRecord::Info,    LogRecord::Warning,
                                           LogRecord::Error, LogRecord::Warning, LogRecord::Warning};
        const QString texts[] = {u"d"_s, u"i"_s, u"w"_s, u"c"_s, u"categorised"_s, u"uncategorised"_s};
        for (int i = 0; i < 6; ++i)
        {
            QCOMPARE(records.at(i).sequence, i + 1);
            QCOMPARE(records.at(i).level, levels[i]);
            QCOMPARE(records.at(i).message, texts[i]);
            QVERIFY(records.at(i).timeMsecs >= before - 1000);
        }
        QCOMPARE(records.at(0).category, u"autohost.recordertest"_s);
        QCOMPARE(records.at(4).category, u"autohost.battle"_s);
        QCOMPARE(records.at(5).category, u"default"_s);
        QCOMPARE(LogRecord::levelText(LogRecord::Debug), u"debug"_s);
        QCOMPARE(LogRecord::levelText(LogRecord::Info), u"info"_s);
        QCOMPARE(LogRecord::levelText(LogRecord::Warning), u"warning"_s);
        QCOMPARE(LogRecord::levelText(LogRecord::Error), u"error"_s);
        QCOMPARE(LogRecord::levelOf(QtFatalMsg), LogRecord::Error);
    }

    void deliversInItsOwnThread()
    {
        LogRecorder recorder;
        LogRecorder::setActive(&recorder);
        QThread *const mainThread = QThread::currentThread();
        QStringList delivered;
        QList<QThread *> deliveringThreads;
        connect(&recorder, &LogRecorder::recorded, this,
                [&](const QList<LogRecord> &records)
                {
                    deliveringThreads.append(QThread::currentThread());
                    for (const LogRecord &record : records)
                    {
                        delivered.append(record.message);
                    }
                });
        std::unique_ptr<QThread> workers[2];
        for (int w = 0; w < 2; ++w)
        {
            workers[w].reset(QThread::create(
                [w]
                {
                    for (int i = 0; i < 100; ++i)
                    {
                        qCInfo(lcRecorderTest, "worker %d message %d", w, i);
                    }
                }));
            workers[w]->start();
        }
        for (auto &worker : workers)
        {
            QVERIFY(worker->wait(10000));
        }
        // Nothing is emitted from the logging threads, only once the recorder's thread runs its events.
        QVERIFY(delivered.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 200, 10000);
        for (QThread *thread : std::as_const(deliveringThreads))
        {
            QCOMPARE(thread, mainThread);
        }
        for (int w = 0; w < 2; ++w)
        {
            QStringList ofWorker = delivered.filter(u"worker %1 "_s.arg(w));
            QCOMPARE(ofWorker.size(), 100);
            QCOMPARE(ofWorker.constFirst(), u"worker %1 message 0"_s.arg(w));
            QCOMPARE(ofWorker.constLast(), u"worker %1 message 99"_s.arg(w));
        }
        LogRecorder::setActive(nullptr);
    }

    void onlyTheActiveRecorderRecords()
    {
        LogRecorder recorder;
        qCInfo(lcRecorderTest, "not active yet");
        LogRecorder::setActive(&recorder);
        qCInfo(lcRecorderTest, "active");
        {
            LogRecorder shortLived;
            LogRecorder::setActive(&shortLived);
            qCInfo(lcRecorderTest, "into the short-lived one");
            QCOMPARE(shortLived.records().size(), 1);
        }
        // The destroyed recorder is no longer active; logging goes nowhere and does not crash.
        qCInfo(lcRecorderTest, "nobody records this");
        QCOMPARE(recorder.records().size(), 1);
        QCOMPARE(recorder.records().constFirst().message, u"active"_s);
    }

    void recorderKeepsItsCapacity()
    {
        LogRecorder recorder(5);
        QCOMPARE(recorder.capacity(), 5);
        LogRecorder::setActive(&recorder);
        QSignalSpy recorded(&recorder, &LogRecorder::recorded);
        for (int i = 0; i < 8; ++i)
        {
            qCInfo(lcRecorderTest, "m%d", i);
        }
        const QList<LogRecord> kept = recorder.records();
        QCOMPARE(kept.size(), 5);
        QCOMPARE(kept.constFirst().message, u"m3"_s);
        QCOMPARE(kept.constLast().message, u"m7"_s);
        QCOMPARE(kept.constLast().sequence, 8);
        // Delivered in one batch, and no more than the capacity.
        QVERIFY(recorded.wait(5000));
        QCOMPARE(recorded.count(), 1);
        const auto delivered = recorded.at(0).at(0).value<QList<LogRecord>>();
        QCOMPARE(delivered.size(), 5);
        QCOMPARE(delivered.constLast().message, u"m7"_s);
        LogRecorder::setActive(nullptr);
    }
};

QTEST_GUILESS_MAIN(TestLogRecorder)
#include "tst_logrecorder.moc"
