#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "battles/battlemanager.h"
#include "engine/enginecatalog.h"
#include "models/metricshistory.h"
#include "updates/updatebuffer.h"

using namespace Qt::Literals::StringLiterals;

class TestMetricsHistory : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EngineCatalog> m_catalog;
    std::unique_ptr<UpdateBuffer> m_updates;
    std::unique_ptr<BattleManager> m_battles;
    qint64 m_now = 0; // the manual clock, in ms

    Config config() const
    {
        Config config;
        config.engineBindIP = u"127.0.0.1"_s;
        config.enginesDir = m_dir.filePath(u"engines"_s);
        config.instancesDir = m_dir.filePath(u"instances"_s);
        config.engineStartPort = 47000 + int(QCoreApplication::applicationPid() % 50) * 20;
        config.engineAutohostStartPort = config.engineStartPort + 10;
        config.maxPortsUsed = 10;
        config.engineKillGraceSeconds = 2;
        return config;
    }

    std::unique_ptr<MetricsHistory> history(const MetricsHistory::Settings &settings = {})
    {
        auto history = std::make_unique<MetricsHistory>(m_battles.get(), m_updates.get(), settings);
        history->setClock([this] { return m_now; });
        return history;
    }

    void appendUpdates(int count)
    {
        for (int i = 0; i < count; ++i)
        {
            m_updates->append(QUuid::createUuid(), Json{{"type", "engine_message"}, {"message", "x"}});
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(m_dir.filePath(u"engines/1.0"_s)));
        QVERIFY(
            QFile::link(QStringLiteral(FAKE_ENGINE_PATH), m_dir.filePath(u"engines/1.0/spring-dedicated"_s)));
    }

    void init()
    {
        m_now = 1'000'000;
        m_catalog = std::make_unique<EngineCatalog>(EngineSources{config().enginesDir, {}, {}});
        m_updates = std::make_unique<UpdateBuffer>(600'000'000);
        m_battles = std::make_unique<BattleManager>(config(), m_catalog.get(), m_updates.get());
    }

    void cleanup()
    {
        m_battles.reset();
        m_updates.reset();
        m_catalog.reset();
    }

    void defaults()
    {
        const auto metrics = history();
        QCOMPARE(metrics->property("sampleIntervalSeconds").toInt(), 10);
        QCOMPARE(metrics->property("windowSeconds").toInt(), 3600);
        QCOMPARE(metrics->capacity(), 360);
        QVERIFY(metrics->battleSamples().isEmpty());
        QVERIFY(metrics->updateRateSamples().isEmpty());
        QCOMPARE(metrics->peakUpdateRate(), 0.0);
        QCOMPARE(metrics->currentUpdateRate(), 0.0);
    }

    void updateRateIsUpdatesOverElapsedTime()
    {
        const auto metrics = history();
        QSignalSpy changed(metrics.get(), &MetricsHistory::samplesChanged);

        appendUpdates(50);
        m_now += 10'000;
        metrics->sampleNow();
        QCOMPARE(metrics->updateRateSamples(), QList<qreal>{5.0});
        QCOMPARE(metrics->battleSamples(), QList<qreal>{0.0});
        QCOMPARE(changed.size(), 1);

        m_now += 10'000; // nothing happened
        metrics->sampleNow();
        appendUpdates(30);
        m_now += 4'000; // an early sample divides by the time that really passed
        metrics->sampleNow();
        QCOMPARE(metrics->updateRateSamples(), (QList<qreal>{5.0, 0.0, 7.5}));
        QCOMPARE(metrics->property("peakUpdateRate").toDouble(), 7.5);
        QCOMPARE(metrics->property("updateRateSamples").value<QList<qreal>>(), metrics->updateRateSamples());

        appendUpdates(3);
        metrics->sampleNow(); // no time passed: no rate
        QCOMPARE(metrics->updateRateSamples().constLast(), 0.0);
        QCOMPARE(changed.size(), 4);
    }

    void windowKeepsTheNewestSamples()
    {
        const auto metrics = history();
        for (int i = 0; i < 400; ++i)
        {
            appendUpdates(i);
            m_now += 10'000;
            metrics->sampleNow();
        }
        const QList<qreal> rates = metrics->updateRateSamples();
        QCOMPARE(rates.size(), 360);
        QCOMPARE(metrics->battleSamples().size(), 360);
        QCOMPARE(rates.constFirst(), 4.0); // 40 updates in 10 s: the 41st sample is the oldest kept
        QCOMPARE(rates.constLast(), 39.9);
        QCOMPARE(metrics->peakUpdateRate(), 39.9);
    }

    void otherWindow()
    {
        MetricsHistory::Settings settings;
        settings.sampleIntervalSeconds = 5;
        settings.windowSeconds = 60;
        const auto metrics = history(settings);
        QCOMPARE(metrics->capacity(), 12);
        for (int i = 0; i < 20; ++i)
        {
            m_now += 5'000;
            metrics->sampleNow();
        }
        QCOMPARE(metrics->updateRateSamples().size(), 12);
    }

    void countsRunningBattles()
    {
        const auto metrics = history();
        StartRequest request;
        request.battleId = QUuid::createUuid();
        request.engineVersion = u"1.0"_s;
        request.gameName = u"MiniGame 1.0"_s;
        request.mapName = u"MiniMap"_s;
        AllyTeamSpec allyTeam;
        allyTeam.teams.append(TeamSpec{});
        allyTeam.teams[0].players.append(PlayerSpec{u"1"_s, u"Alice"_s, u"a"_s, {}, {}, {}});
        request.allyTeams = {allyTeam};
        std::optional<bool> started;
        m_battles->start(request, [&started](const auto &result) { started = result.ok(); });
        QVERIFY(QTest::qWaitFor([&started] { return started.has_value(); }, 10000));
        QVERIFY(*started);

        m_now += 10'000;
        metrics->sampleNow();
        m_battles->killAllNow();
        QTRY_COMPARE_WITH_TIMEOUT(m_battles->currentBattles(), 0, 10000);
        m_now += 10'000;
        metrics->sampleNow();
        QCOMPARE(metrics->battleSamples(), (QList<qreal>{1.0, 0.0}));
        // The battle's own updates (engine_quit at least) count.
        QVERIFY(metrics->updateRateSamples().constLast() > 0);
    }

    void currentRateOverTheLastSecond()
    {
        const auto metrics = history();
        QSignalSpy changed(metrics.get(), &MetricsHistory::currentUpdateRateChanged);
        appendUpdates(7);
        m_now += 1'000;
        QVERIFY(changed.wait(5000));
        QCOMPARE(metrics->property("currentUpdateRate").toDouble(), 7.0);

        appendUpdates(3);
        m_now += 500;
        QVERIFY(changed.wait(5000));
        QCOMPARE(metrics->currentUpdateRate(), 6.0);

        // Measured in its own intervals: the samples are unaffected.
        QVERIFY(metrics->updateRateSamples().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMetricsHistory)
#include "tst_metricshistory.moc"
