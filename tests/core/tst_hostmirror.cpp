#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include "admin/admincontrol.h"
#include "admin/hoststate.h"
#include "backend/feedmirror.h"
#include "backend/hostmirror.h"
#include "backend/localbackend.h"
#include "logrecorder.h"
#include "models/battlelistmodel.h"
#include "models/enginelistmodel.h"
#include "models/installlistmodel.h"
#include "servicetesthost.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

// The mirror of an autohost over a LocalBackend on a real service, whose battles run the fake engine: its
// models must hold what the desktop app's own models of the same service hold, role for role.
class TestHostMirror : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServiceTestHost> m_host;
    std::unique_ptr<LogRecorder> m_recorder;
    std::unique_ptr<HostState> m_state;
    std::unique_ptr<AdminControl> m_control;
    std::unique_ptr<LocalBackend> m_backend;
    std::unique_ptr<HostMirror> m_mirror;
    // The desktop app's models of the same service.
    std::unique_ptr<BattleListModel> m_battles;
    std::unique_ptr<EngineListModel> m_engines;
    std::unique_ptr<InstallListModel> m_installs;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;

    void test(QAbstractItemModel *model)
    {
        m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
            model, QAbstractItemModelTester::FailureReportingMode::Fatal));
    }

    // What differs between two models, role by role (but the roles in skip); empty when nothing does.
    static QString differences(const QAbstractItemModel *mirror, const QAbstractItemModel *app,
                               const QList<QByteArray> &skip = {})
    {
        if (!mirror || !app)
        {
            return u"a model is missing"_s;
        }
        if (mirror->roleNames() != app->roleNames())
        {
            return u"the role names differ"_s;
        }
        if (mirror->rowCount() != app->rowCount())
        {
            return u"%1 rows, the app has %2"_s.arg(mirror->rowCount()).arg(app->rowCount());
        }
        const QHash<int, QByteArray> names = app->roleNames();
        for (int row = 0; row < app->rowCount(); ++row)
        {
            for (auto it = names.cbegin(); it != names.cend(); ++it)
            {
                const QVariant mirrored = mirror->index(row, 0).data(it.key());
                const QVariant original = app->index(row, 0).data(it.key());
                if (skip.contains(it.value()))
                {
                    if (mirrored.typeId() != original.typeId())
                    {
                        return u"row %1: %2 is a %3, the app's a %4"_s.arg(row).arg(
                            QString::fromLatin1(it.value()), QString::fromLatin1(mirrored.typeName()),
                            QString::fromLatin1(original.typeName()));
                    }
                    continue;
                }
                if (mirrored != original || mirrored.typeId() != original.typeId())
                {
                    QString text;
                    QDebug(&text) << "row" << row << it.value() << "mirror" << mirrored << "app" << original;
                    return text;
                }
            }
        }
        return {};
    }

    // Refreshed by each model on its own timer.
    static QList<QByteArray> usageRoles() { return {"uptimeSeconds", "cpuPercent", "memoryBytes"}; }

    QString battleDifferences() const
    {
        return differences(m_mirror->battles(), m_battles.get(), usageRoles());
    }

    // Players, but the time of the last join, which each model takes when it hears of the join.
    QString playerDifferences(const QUuid &id) const
    {
        const QString battleId = uuidText(id);
        QString found = differences(m_mirror->players(battleId), m_battles->players(battleId), {"joinedAt"});
        const PlayerListModel *app = m_battles->players(battleId);
        const MirrorPlayerModel *mirror = m_mirror->players(battleId);
        for (int row = 0; found.isEmpty() && row < app->rowCount(); ++row)
        {
            const QDateTime mirrored = mirror->get(row).value(u"joinedAt"_s).toDateTime();
            const QDateTime original = app->get(row).value(u"joinedAt"_s).toDateTime();
            if (mirrored.isValid() != original.isValid() ||
                (original.isValid() && std::abs(mirrored.msecsTo(original)) > 1000))
            {
                found = u"row %1: joined at %2, the app says %3"_s.arg(row).arg(
                    mirrored.toString(Qt::ISODateWithMs), original.toString(Qt::ISODateWithMs));
            }
        }
        return found;
    }

    // Performs an action through the backend and waits for its answer.
    AutohostBackend::Answer perform(const QString &action, const Json &data)
    {
        std::optional<AutohostBackend::Answer> answer;
        m_backend->perform(action, data,
                           [&answer](const AutohostBackend::Answer &result) { answer = result; });
        const bool answered = QTest::qWaitFor([&answer] { return answer.has_value(); }, 10000);
        return answered ? *answer : AutohostBackend::Answer(fail(RequestFailure{u"timeout"_s, {}}));
    }

    static QStringList texts(FeedModel *model)
    {
        QStringList texts;
        if (!model)
        {
            return texts;
        }
        model->flush();
        for (int row = 0; row < model->count(); ++row)
        {
            texts.append(model->entry(row).text);
        }
        return texts;
    }

    static QStringList messages(LogModel *model, const QString &category)
    {
        model->flush();
        QStringList messages;
        for (int row = 0; row < model->count(); ++row)
        {
            if (model->record(row).category == category)
            {
                messages.append(model->record(row).message);
            }
        }
        return messages;
    }

private slots:
    void init()
    {
        m_host = std::make_unique<ServiceTestHost>(QStringLiteral(FAKE_ENGINE_PATH));
        QVERIFY2(m_host->problem().isEmpty(), qPrintable(m_host->problem()));
        AutohostService &service = m_host->service();
        m_recorder = std::make_unique<LogRecorder>();
        m_state = std::make_unique<HostState>(&service, m_recorder.get());
        m_state->setUsageRefreshInterval(200);
        m_control = std::make_unique<AdminControl>(&service, m_recorder.get());
        m_backend = std::make_unique<LocalBackend>(m_state.get(), m_control.get());
        m_mirror = std::make_unique<HostMirror>(m_backend.get());
        m_battles = std::make_unique<BattleListModel>(service.battles());
        m_engines = std::make_unique<EngineListModel>(service.engines(), service.battles());
        m_installs = std::make_unique<InstallListModel>(service.installer());
        test(m_mirror->battles());
        test(m_mirror->engines());
        test(m_mirror->installs());
        QSignalSpy ready(m_mirror.get(), &HostMirror::readyChanged);
        m_backend->attach();
        QCOMPARE(ready.size(), 1);
        QVERIFY(m_mirror->ready());
    }

    void cleanup()
    {
        QVERIFY(m_host->shutdown());
        m_testers.clear();
        m_mirror.reset();
        m_backend.reset();
        m_control.reset();
        m_state.reset();
        m_recorder.reset();
        m_battles.reset();
        m_engines.reset();
        m_installs.reset();
        m_host.reset();
    }

    void scalarsAreTheHosts()
    {
        QCOMPARE(m_mirror->localMode(), false);
        QCOMPARE(m_mirror->serverAddress(), u"127.0.0.1:%1"_s.arg(m_host->server().port()));
        QCOMPARE(m_mirror->hostAddress(), u"192.0.2.10"_s);
        QCOMPARE(m_mirror->enginesDir(), m_host->service().engines()->enginesDir());
        QCOMPARE(m_mirror->connectionState(), u"connected"_s);
        QCOMPARE(m_mirror->lastError(), QString());
        QCOMPARE(m_mirror->nextRetrySeconds(), 0);
        QVERIFY(m_mirror->connectedSince().isValid());
        QTRY_COMPARE(m_mirror->serverUserCount(), 4242);
        QCOMPARE(m_mirror->subscribed(), m_host->service().subscribed());
        QCOMPARE(m_mirror->currentBattles(), 0);
        QCOMPARE(m_mirror->maxBattles(), 3);
        QCOMPARE(m_mirror->configuredMaxBattles(), 3);
        QCOMPARE(m_mirror->draining(), false);
        QCOMPARE(m_mirror->shuttingDown(), false);
        QCOMPARE(m_mirror->engineVersions(), QStringList({u"1.0"_s}));
        QCOMPARE(m_mirror->defaultEngine(), u"1.0"_s);
        QCOMPARE(m_mirror->startPosTypes(),
                 QStringList({u"fixed"_s, u"random"_s, u"chooseInGame"_s, u"chooseBeforeGame"_s}));
        QCOMPARE(m_mirror->defaultStartPosType(), u"chooseInGame"_s);
        QCOMPARE(m_mirror->metrics()->sampleIntervalSeconds(), 10);
        QCOMPARE(m_mirror->metrics()->windowSeconds(), 3600);
        QCOMPARE(m_mirror->settings().value(u"maxBattles"_s).toInt(), 3);
        QCOMPARE(m_mirror->settings().value(u"authClientSecret"_s).toString(), u"***"_s);
        QVERIFY(m_mirror->logAvailable());

        // The lobby connection drops and comes back; every state on its own.
        m_state->setBatchInterval(0);
        m_host->server().closeConnection(m_host->connection(), QWebSocketProtocol::CloseCodeGoingAway,
                                         u"restart"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_mirror->connectionState() != u"connected"_s, 5000);
        QVERIFY(!m_mirror->connectedSince().isValid());
        QTRY_COMPARE_WITH_TIMEOUT(m_mirror->connectionState(), u"connected"_s, 10000);
    }

    void rolesAreTheAppModels()
    {
        const QUuid id = m_host->startBattle();
        QVERIFY(!id.isNull());
        QCOMPARE(m_mirror->battles()->roleNames(), m_battles->roleNames());
        QCOMPARE(m_mirror->engines()->roleNames(), m_engines->roleNames());
        QCOMPARE(m_mirror->installs()->roleNames(), m_installs->roleNames());
        QTRY_VERIFY(m_mirror->players(uuidText(id)));
        QCOMPARE(m_mirror->players(uuidText(id))->roleNames(), m_battles->players(uuidText(id))->roleNames());
        QCOMPARE(m_mirror->engines()->roleNames(), m_engines->roleNames());
    }

    void aStartedBattleShowsAsTheAppShowsIt()
    {
        const QUuid id = m_host->startBattle(u"join,0|join,1"_s);
        QVERIFY(!id.isNull());
        const QString battleId = uuidText(id);
        QTRY_COMPARE_WITH_TIMEOUT(battleDifferences(), QString(), 5000);
        QTRY_VERIFY(m_mirror->players(battleId));
        test(m_mirror->players(battleId));
        QTRY_COMPARE_WITH_TIMEOUT(m_mirror->players(battleId)->joinedCount(), 2, 5000);
        QTRY_COMPARE(playerDifferences(id), QString());
        QTRY_COMPARE(battleDifferences(), QString());

        const MirrorBattleModel *battles = m_mirror->battles();
        QCOMPARE(battles->count(), 1);
        QCOMPARE(battles->activeCount(), 1);
        QCOMPARE(battles->indexOf(u"{"_s + battleId + u"}"_s), 0);
        QCOMPARE(battles->get(0).value(u"playersJoined"_s), QVariant(2));
        QCOMPARE(battles->get(0).value(u"battleState"_s), QVariant(u"running"_s));
        QCOMPARE(m_mirror->players(battleId)->count(), 3);
        QCOMPARE(m_mirror->players(battleId)->battleId(), battleId);
        QTRY_COMPARE(m_mirror->currentBattles(), 1);
        // Usage comes in as the host samples it.
        QTRY_VERIFY_WITH_TIMEOUT(battles->get(0).value(u"memoryBytes"_s).toLongLong() > 0, 5000);
        QTRY_COMPARE(differences(m_mirror->engines(), m_engines.get()), QString());
        QCOMPARE(m_mirror->engines()->get(0).value(u"battlesUsing"_s), QVariant(1));

        // Killed through the backend: the row goes inactive, as in the app.
        const auto killed = perform(u"kill"_s, {{"battleId", toStdString(battleId)}});
        QVERIFY(killed);
        QTRY_COMPARE_WITH_TIMEOUT(battles->activeCount(), 0, 10000);
        QCOMPARE(battles->get(0).value(u"active"_s), QVariant(false));
        QTRY_COMPARE(battleDifferences(), QString());
        QTRY_COMPARE(m_mirror->currentBattles(), 0);
    }

    void joinsLeavesAndMutesChangePlayers()
    {
        const QUuid id = m_host->startBattle(u"join,0|join,1|join,2|wait,300|left,2,1"_s);
        QVERIFY(!id.isNull());
        const QString battleId = uuidText(id);
        QTRY_VERIFY(m_mirror->players(battleId));
        MirrorPlayerModel *players = m_mirror->players(battleId);
        test(players);
        QTRY_COMPARE_WITH_TIMEOUT(players->get(2).value(u"playerState"_s), QVariant(u"left"_s), 5000);
        QTRY_COMPARE(playerDifferences(id), QString());
        QCOMPARE(players->joinedCount(), 2);

        // The answer comes after the mirror has the change.
        bool mutedAtAnswer = false;
        m_backend->perform(
            u"mute"_s,
            {{"battleId", toStdString(battleId)}, {"userId", "1002"}, {"chat", true}, {"draw", true}},
            [&](const AutohostBackend::Answer &answer)
            { mutedAtAnswer = answer && players->get(1).value(u"mutedChat"_s).toBool(); });
        QVERIFY(mutedAtAnswer);
        QCOMPARE(players->get(1).value(u"mutedDraw"_s), QVariant(true));
        QTRY_COMPARE(playerDifferences(id), QString());

        QVERIFY(perform(u"kick"_s, {{"battleId", toStdString(battleId)}, {"userId", "1001"}}));
        QTRY_COMPARE_WITH_TIMEOUT(players->get(0).value(u"playerState"_s), QVariant(u"left"_s), 5000);
        QCOMPARE(players->get(0).value(u"leftReason"_s), QVariant(u"kicked"_s));
        QCOMPARE(players->joinedCount(), 1);

        const auto added = perform(u"addPlayer"_s, {{"battleId", toStdString(battleId)}, {"name", "Dave"}});
        QVERIFY(added);
        QTRY_COMPARE(players->count(), 4);
        QCOMPARE(players->get(3).value(u"name"_s), QVariant(u"Dave"_s));
        QCOMPARE(players->get(3).value(u"password"_s).toString(), toQString(added->value("password", "")));
        QTRY_COMPARE(playerDifferences(id), QString());
        QTRY_COMPARE(battleDifferences(), QString());
    }

    void feedLinesArrive()
    {
        const QUuid id = m_host->startBattle(u"join,0|chat,0,254,before|wait,1500|chat,0,254,after"_s);
        QVERIFY(!id.isNull());
        // The app's feed of the battle, for comparison.
        FeedModel app(m_host->service().updates(), id,
                      [this, id](const QString &userId)
                      {
                          const auto battle = m_host->service().battles()->find(id);
                          const auto player =
                              battle ? battle.value()->players().byUserId(userId) : std::nullopt;
                          return player ? player->name : QString();
                      });
        QTRY_VERIFY(texts(&app).contains(u"before"_s) && m_mirror->battles()->indexOf(uuidText(id)) >= 0);
        QVERIFY(!texts(&app).contains(u"after"_s));
        // Opened now: the history is read, what follows comes live.
        FeedModel *feed = m_mirror->feed(u"{"_s + uuidText(id) + u"}"_s);
        QVERIFY(feed);
        QCOMPARE(m_mirror->feed(uuidText(id)), feed);
        QCOMPARE(feed->battleId(), id);
        test(feed);
        QTRY_VERIFY_WITH_TIMEOUT(texts(feed).contains(u"after"_s), 5000);
        QTRY_COMPARE(texts(feed), texts(&app));
        QCOMPARE(texts(feed).count(u"before"_s), 1);
        // Names and times as in the app.
        for (int row = 0; row < feed->count(); ++row)
        {
            QCOMPARE(feed->entry(row).author, app.entry(row).author);
            QCOMPARE(feed->entry(row).time, app.entry(row).time);
            QCOMPARE(feed->entry(row).kind, app.entry(row).kind);
        }
        QVERIFY(m_mirror->feed(QUuid::createUuid().toString()) == nullptr);
    }

    void installsAndEngines()
    {
        m_host->offerStalledEngine(u"2025.07.07"_s);
        const auto install = perform(u"installEngine"_s, {{"version", "2025.07.07"}});
        QVERIFY(install);
        QCOMPARE(install->value("install", ""), std::string("started"));
        QTRY_VERIFY_WITH_TIMEOUT(m_mirror->installs()->count() == 1 &&
                                     m_mirror->installs()->get(0).value(u"bytesTotal"_s).toLongLong() == 4000,
                                 10000);
        QTRY_COMPARE_WITH_TIMEOUT(differences(m_mirror->installs(), m_installs.get()), QString(), 5000);
        QCOMPARE(m_mirror->installs()->get(0).value(u"phase"_s), QVariant(u"downloading"_s));
        QCOMPARE(m_mirror->installs()->activeCount(), 1);

        const QString dir = QDir(m_host->directory()).filePath(u"engines/2.0"_s);
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(QFile::link(QStringLiteral(FAKE_ENGINE_PATH), dir + u"/spring-dedicated"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_mirror->engines()->count(), 2, 5000);
        QTRY_COMPARE(differences(m_mirror->engines(), m_engines.get()), QString());
        QTRY_COMPARE(m_mirror->engineVersions(), QStringList({u"1.0"_s, u"2.0"_s}));
        QCOMPARE(m_mirror->defaultEngine(), u"2.0"_s);
    }

    void capacityAndDraining()
    {
        bool drainingAtAnswer = false;
        m_backend->perform(u"drain"_s, {{"enabled", true}},
                           [&](const AutohostBackend::Answer &answer) {
                               drainingAtAnswer =
                                   answer && m_mirror->draining() && m_mirror->maxBattles() == 0;
                           });
        QVERIFY(drainingAtAnswer);
        QCOMPARE(m_mirror->configuredMaxBattles(), 3);
        QVERIFY(perform(u"drain"_s, {{"enabled", false}}));
        QCOMPARE(m_mirror->draining(), false);
        QCOMPARE(m_mirror->maxBattles(), 3);
    }

    void logLinesArriveOnceInOrder()
    {
        m_recorder->record(QtWarningMsg, "autohost.test", u"early"_s, 1767323045678);
        QTRY_COMPARE(messages(m_mirror->log(), u"autohost.test"_s), QStringList({u"early"_s}));
        // Another mirror attached later reads the early line, then gets the late one.
        LocalBackend backend(m_state.get(), m_control.get());
        HostMirror later(&backend);
        backend.attach();
        m_recorder->record(QtCriticalMsg, "autohost.test", u"late"_s, 1767323045679);
        const QStringList both = {u"early"_s, u"late"_s};
        QTRY_COMPARE(messages(later.log(), u"autohost.test"_s), both);
        QTRY_COMPARE(messages(m_mirror->log(), u"autohost.test"_s), both);
        later.log()->flush();
        bool found = false;
        for (int row = 0; row < later.log()->count(); ++row)
        {
            const LogRecord &record = later.log()->record(row);
            if (record.message == u"late")
            {
                found = true;
                QCOMPARE(record.level, LogRecord::Error);
                QCOMPARE(record.timeMsecs, 1767323045679);
            }
        }
        QVERIFY(found);

        // Attached again (a new snapshot): nothing twice.
        backend.detach();
        backend.attach();
        m_recorder->record(QtInfoMsg, "autohost.test", u"after"_s, 1767323045680);
        QTRY_COMPARE(messages(later.log(), u"autohost.test"_s), both + QStringList{u"after"_s});
    }

    void aNewSnapshotKeepsWhatIsStillThere()
    {
        const QUuid id = m_host->startBattle(u"join,0|chat,0,254,hi"_s);
        QVERIFY(!id.isNull());
        const QString battleId = uuidText(id);
        QTRY_VERIFY(m_mirror->players(battleId));
        MirrorPlayerModel *players = m_mirror->players(battleId);
        FeedModel *feed = m_mirror->feed(battleId);
        QTRY_VERIFY_WITH_TIMEOUT(texts(feed).contains(u"hi"_s), 5000);
        const QStringList before = texts(feed);

        QSignalSpy removed(m_mirror->battles(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(m_mirror->battles(), &QAbstractItemModel::modelReset);
        m_backend->detach();
        m_backend->attach();
        QCOMPARE(m_mirror->players(battleId), players);
        QCOMPARE(m_mirror->feed(battleId), feed);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(reset.size(), 0);
        QTest::qWait(300);
        QCOMPARE(texts(feed), before);
        QTRY_COMPARE(battleDifferences(), QString());
    }
};

QTEST_GUILESS_MAIN(TestHostMirror)
#include "tst_hostmirror.moc"
