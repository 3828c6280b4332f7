#include <QSignalSpy>
#include <QTest>

#include "admin/admincontrol.h"
#include "admin/hoststate.h"
#include "backend/localbackend.h"
#include "logrecorder.h"
#include "servicetesthost.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

// The in-process autohost as a backend: HostState's snapshot and events and AdminControl's actions, over a
// real service whose battles run the fake engine.
class TestLocalBackend : public QObject
{
    Q_OBJECT

private:
    struct Event
    {
        QString name;
        Json data;
    };

    std::unique_ptr<ServiceTestHost> m_host;
    std::unique_ptr<HostState> m_state;
    std::unique_ptr<AdminControl> m_control;
    std::unique_ptr<LocalBackend> m_backend;
    QList<Json> m_snapshots;
    QList<Event> m_events;

    // The last row of a player in the players events.
    Json lastPlayerRow(const std::string &userId) const
    {
        Json found = Json::object();
        for (const Event &event : m_events)
        {
            if (event.name != u"players")
            {
                continue;
            }
            for (const Json &row : event.data.at("players"))
            {
                if (row.value("userId", "") == userId)
                {
                    found = row;
                }
            }
        }
        return found;
    }

private slots:
    void init()
    {
        m_host = std::make_unique<ServiceTestHost>(QStringLiteral(FAKE_ENGINE_PATH));
        QVERIFY2(m_host->problem().isEmpty(), qPrintable(m_host->problem()));
        m_state = std::make_unique<HostState>(&m_host->service());
        m_control = std::make_unique<AdminControl>(&m_host->service());
        m_backend = std::make_unique<LocalBackend>(m_state.get(), m_control.get());
        m_snapshots.clear();
        m_events.clear();
        connect(m_backend.get(), &AutohostBackend::snapshotReceived, this,
                [this](const Json &snapshot) { m_snapshots.append(snapshot); });
        connect(m_backend.get(), &AutohostBackend::eventReceived, this,
                [this](const QString &name, const Json &data) {
                    m_events.append({name, data});
                });
    }

    void cleanup()
    {
        QVERIFY(m_host->shutdown());
        m_backend.reset();
        m_control.reset();
        m_state.reset();
        m_host.reset();
    }

    void attachGivesTheSnapshotThenEvents()
    {
        const QUuid first = m_host->startBattle();
        QVERIFY(!first.isNull());
        QCOMPARE(m_backend->linkState(), AutohostBackend::LinkState::Detached);
        QSignalSpy link(m_backend.get(), &AutohostBackend::linkStateChanged);
        m_backend->attach();
        QCOMPARE(m_backend->linkState(), AutohostBackend::LinkState::Attached);
        QCOMPARE(link.size(), 1);
        QCOMPARE(m_snapshots.size(), 1);
        QCOMPARE(m_snapshots.front().value("apiVersion", 0), HostState::ApiVersion);
        QCOMPARE(m_snapshots.front().at("battles").size(), size_t(1));
        QCOMPARE(m_snapshots.front().at("battles")[0].value("battleId", ""), toStdString(uuidText(first)));
        // Attached already: nothing new.
        m_backend->attach();
        QCOMPARE(m_snapshots.size(), 1);

        // What happens from now on comes as events.
        const QUuid second = m_host->startBattle(u"join,0"_s);
        QVERIFY(!second.isNull());
        QTRY_VERIFY(std::any_of(m_events.cbegin(), m_events.cend(),
                                [&second](const Event &event)
                                {
                                    return event.name == u"battles" &&
                                           event.data.at("battles")[0].value("battleId", "") ==
                                               toStdString(uuidText(second));
                                }));
        QTRY_COMPARE(lastPlayerRow("1001").value("playerState", ""), std::string("joined"));

        m_backend->detach();
        QCOMPARE(m_backend->linkState(), AutohostBackend::LinkState::Detached);
        const qsizetype before = m_events.size();
        m_host->service().battles()->setAccepting(false);
        m_state->flush();
        QCOMPARE(m_events.size(), before);
    }

    void anActionsEventsComeBeforeItsAnswer()
    {
        const QUuid id = m_host->startBattle();
        QVERIFY(!id.isNull());
        m_backend->attach();
        int answers = 0;
        Json mutedWhenAnswered;
        m_backend->perform(
            u"mute"_s,
            {{"battleId", toStdString(uuidText(id))}, {"userId", "1002"}, {"chat", true}, {"draw", false}},
            [&](const AutohostBackend::Answer &answer)
            {
                ++answers;
                QVERIFY(answer);
                mutedWhenAnswered = lastPlayerRow("1002");
            });
        QCOMPARE(answers, 1);
        QCOMPARE(mutedWhenAnswered.value("mutedChat", false), true);

        m_backend->perform(u"kick"_s, {{"battleId", toStdString(uuidText(id))}, {"userId", "99"}},
                           [&](const AutohostBackend::Answer &answer)
                           {
                               ++answers;
                               QVERIFY(!answer);
                               QCOMPARE(answer.error().reason, u"invalid_request"_s);
                           });
        QCOMPARE(answers, 2);
    }

    void answersThatTakeTimeComeLater()
    {
        ServiceTestHost local(QStringLiteral(FAKE_ENGINE_PATH),
                              [](Config &config) { config.tachyonServer.clear(); });
        QVERIFY2(local.problem().isEmpty(), qPrintable(local.problem()));
        HostState state(&local.service());
        AdminControl control(&local.service());
        LocalBackend backend(&state, &control);
        backend.attach();
        int answers = 0;
        Json started;
        backend.perform(u"startLocalBattle"_s,
                        {{"gameName", "MiniGame 1.0"},
                         {"mapName", "MiniMap"},
                         {"allyTeams", Json::array({Json::array({"Alice"}), Json::array({"Bob"})})}},
                        [&](const AutohostBackend::Answer &answer)
                        {
                            ++answers;
                            QVERIFY2(answer, answer ? "" : qPrintable(answer.error().details));
                            started = *answer;
                        });
        QTRY_COMPARE_WITH_TIMEOUT(answers, 1, 10000);
        QCOMPARE(started.at("players").size(), size_t(2));
        QVERIFY(local.shutdown());
    }

    void actionsNeedAnAttachedBackend()
    {
        int answers = 0;
        m_backend->perform(u"drain"_s, {{"enabled", true}},
                           [&](const AutohostBackend::Answer &answer)
                           {
                               ++answers;
                               QVERIFY(!answer);
                               QCOMPARE(answer.error().reason, AutohostBackend::NotAttached);
                           });
        QCOMPARE(answers, 1);
        QVERIFY(m_host->service().battles()->accepting());
    }
};

QTEST_GUILESS_MAIN(TestLocalBackend)
#include "tst_localbackend.moc"
