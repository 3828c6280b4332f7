#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include "logging.h"
#include "logrecorder.h"
#include "models/logmodel.h"

using namespace Qt::Literals::StringLiterals;

// Every level enabled, unlike the production categories.
Q_LOGGING_CATEGORY(lcLogTest, "autohost.logtest")

namespace
{
QStringList messages(const LogModel &model)
{
    QStringList all;
    for (int row = 0; row < model.rowCount(); ++row)
    {
        all.append(model.index(row).data(LogModel::MessageRole).toString());
    }
    return all;
}

struct TestedLog
{
    explicit TestedLog(LogRecorder *recorder)
        : model(recorder)
        , tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal)
    {
        model.setBatchInterval(3'600'000); // batches only on flush()
    }
    LogModel model;
    QAbstractItemModelTester tester;
};
} // namespace

// The whole path: messages go through the headless message handler (LogOutput::install, which also writes
// them to stderr) into the active recorder and on to the model.
class TestLogModel : public QObject
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

    void messagesFromAWorkerThreadArrive()
    {
        LogRecorder recorder;
        LogRecorder::setActive(&recorder);
        LogModel model(&recorder);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setBatchInterval(10);

        std::unique_ptr<QThread> worker(QThread::create(
            []
            {
                for (int i = 0; i < 200; ++i)
                {
                    qCInfo(lcLogTest, "worker message %d", i);
                }
            }));
        worker->start();
        QVERIFY(worker->wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 200, 10000);
        for (int row = 0; row < 200; ++row)
        {
            QCOMPARE(model.index(row).data(LogModel::MessageRole).toString(),
                     u"worker message %1"_s.arg(row));
        }
        const QModelIndex first = model.index(0);
        QCOMPARE(first.data(LogModel::CategoryRole).toString(), u"autohost.logtest"_s);
        QCOMPARE(first.data(LogModel::LevelRole).toInt(), int(LogRecord::Info));
        QCOMPARE(first.data(LogModel::LevelTextRole).toString(), u"info"_s);
        const QDateTime time = first.data(LogModel::TimeRole).toDateTime();
        QVERIFY(time.isValid());
        QCOMPARE(time.timeSpec(), Qt::LocalTime);
        QCOMPARE(first.data(LogModel::TimeTextRole).toString(), time.toString(u"HH:mm:ss.zzz"_s));
        // The line as the log page shows it: the level upper case in a column of 7.
        QCOMPARE(first.data(LogModel::LineRole).toString(), time.toString(u"HH:mm:ss.zzz"_s) +
                                                                u"  INFO    autohost.logtest  "_s +
                                                                first.data(LogModel::MessageRole).toString());
        LogRecorder::setActive(nullptr);
    }

    void startsWithWhatWasLoggedBefore()
    {
        LogRecorder recorder;
        LogRecorder::setActive(&recorder);
        qCInfo(lcLogTest, "before 1");
        qCWarning(lcLogTest, "before 2");
        // The model is made before the recorder delivered those: they must show once.
        TestedLog log(&recorder);
        QCOMPARE(messages(log.model), (QStringList{u"before 1"_s, u"before 2"_s}));
        qCInfo(lcLogTest, "after");
        QCOMPARE(recorder.records().size(), 3);
        QCoreApplication::processEvents();
        log.model.flush();
        QCOMPARE(messages(log.model), (QStringList{u"before 1"_s, u"before 2"_s, u"after"_s}));
        LogRecorder::setActive(nullptr);
    }

    void dropsTheOldestBeyondCapacity()
    {
        LogRecorder recorder;
        LogRecorder::setActive(&recorder);
        TestedLog log(&recorder);
        QCOMPARE(log.model.capacity(), LogModel::DefaultCapacity);
        log.model.setCapacity(10);
        for (int i = 0; i < 6; ++i)
        {
            qCInfo(lcLogTest, "m%d", i);
        }
        QCoreApplication::processEvents();
        log.model.flush();
        QSignalSpy removed(&log.model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&log.model, &QAbstractItemModel::rowsInserted);
        for (int i = 6; i < 14; ++i)
        {
            qCInfo(lcLogTest, "m%d", i);
        }
        QCoreApplication::processEvents();
        log.model.flush();
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 0);
        QCOMPARE(removed.at(0).at(2).toInt(), 3);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 2);
        QCOMPARE(inserted.at(0).at(2).toInt(), 9);
        QCOMPARE(log.model.count(), 10);
        QCOMPARE(messages(log.model).constFirst(), u"m4"_s);
        QCOMPARE(messages(log.model).constLast(), u"m13"_s);

        removed.clear();
        log.model.setCapacity(3);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(messages(log.model), (QStringList{u"m11"_s, u"m12"_s, u"m13"_s}));
        LogRecorder::setActive(nullptr);
    }

    void filtersByLevel()
    {
        LogRecorder recorder;
        LogRecorder::setActive(&recorder);
        qCDebug(lcLogTest, "a debug line");
        qCInfo(lcLogTest, "an info line");
        qCWarning(lcLogTest, "a warning line");
        qCCritical(lcLogTest, "a critical line");
        TestedLog log(&recorder);
        QCOMPARE(log.model.minimumLevel(), int(LogRecord::Debug));
        QCOMPARE(log.model.count(), 4);
        QCOMPARE(log.model.index(3).data(LogModel::LevelTextRole).toString(), u"error"_s);
        QCOMPARE(log.model.index(0).data(LogModel::LevelTextRole).toString(), u"debug"_s);

        QSignalSpy level(&log.model, &LogModel::minimumLevelChanged);
        QSignalSpy count(&log.model, &LogModel::countChanged);
        log.model.setMinimumLevel(LogRecord::Warning);
        QCOMPARE(level.count(), 1);
        QCOMPARE(count.count(), 1);
        QCOMPARE(messages(log.model), (QStringList{u"a warning line"_s, u"a critical line"_s}));
        qCInfo(lcLogTest, "another info line");
        qCCritical(lcLogTest, "another critical line");
        QCoreApplication::processEvents();
        log.model.flush();
        QCOMPARE(messages(log.model),
                 (QStringList{u"a warning line"_s, u"a critical line"_s, u"another critical line"_s}));
        log.model.setMinimumLevel(99);
        QCOMPARE(log.model.minimumLevel(), int(LogRecord::Error));
        QCOMPARE(log.model.count(), 2);
        QCOMPARE(log.model.totalCount(), 6);
        LogRecorder::setActive(nullptr);
    }

    void searchesMessageAndCategory()
    {
        LogRecorder recorder;
        LogRecorder::setActive(&recorder);
        qCInfo(lcLogTest, "Engine started");
        qCInfo(lcLogTest, "battle over");
        qCInfo(lcBattle, "nothing special");
        TestedLog log(&recorder);
        QSignalSpy search(&log.model, &LogModel::searchTextChanged);
        log.model.setSearchText(u"ENGINE"_s);
        QCOMPARE(search.count(), 1);
        QCOMPARE(log.model.searchText(), u"ENGINE"_s);
        QCOMPARE(messages(log.model), QStringList{u"Engine started"_s});
        log.model.setSearchText(u"autohost.battle"_s);
        QCOMPARE(messages(log.model), QStringList{u"nothing special"_s});
        log.model.setSearchText(u"logtest"_s);
        QCOMPARE(messages(log.model), (QStringList{u"Engine started"_s, u"battle over"_s}));
        log.model.setSearchText(QString());
        QCOMPARE(log.model.count(), 3);
        LogRecorder::setActive(nullptr);
    }
};

QTEST_GUILESS_MAIN(TestLogModel)
#include "tst_logmodel.moc"
