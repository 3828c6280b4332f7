#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include "backend/feedmirror.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
// A backend whose answers the test gives: it keeps every action performed until answered.
class ScriptedBackend : public AutohostBackend
{
public:
    struct Call
    {
        QString action;
        Json data;
        Done done;
    };

    void attach() override { setLinkState(LinkState::Attached); }
    void detach() override { setLinkState(LinkState::Detached); }
    void perform(const QString &action, const Json &data, Done done) override
    {
        m_calls.append({action, data, std::move(done)});
    }

    QList<Call> &calls() { return m_calls; }
    // Answers the oldest call.
    void answer(const Answer &answer) { m_calls.takeFirst().done(answer); }

private:
    QList<Call> m_calls;
};

Json chat(const std::string &userId, const std::string &message)
{
    return {{"type", "player_chat"}, {"userId", userId}, {"message", message}, {"destination", "all"}};
}

Json entry(const QUuid &battle, qint64 time, const std::string &message)
{
    return {{"battleId", toStdString(uuidText(battle))}, {"time", time}, {"update", chat("1", message)}};
}
} // namespace

// One battle's feed from the feed read and the updates events: pages newest first, merged by time, live
// updates held back during a read, gaps filled after a reattach.
class TestFeedMirror : public QObject
{
    Q_OBJECT

private:
    const QUuid m_battle = QUuid::createUuid();
    const qint64 m_hour = 3600LL * 1000 * 1000;

    static QStringList texts(FeedModel *model)
    {
        model->flush();
        QStringList texts;
        for (int row = 0; row < model->count(); ++row)
        {
            texts.append(model->entry(row).text);
        }
        return texts;
    }

    Json page(const QList<QPair<qint64, std::string>> &entries, bool more) const
    {
        Json updates = Json::array();
        for (const auto &[time, message] : entries)
        {
            updates.push_back(entry(m_battle, time, message));
        }
        return {{"battleId", toStdString(uuidText(m_battle))}, {"updates", updates}, {"more", more}};
    }

private slots:
    void readsPagesFromTheNewestBack()
    {
        ScriptedBackend backend;
        FeedMirror feed(m_battle, m_hour, [](const QString &) { return u"Alice"_s; });
        QSignalSpy loaded(&feed, &FeedMirror::loaded);
        feed.load(&backend);
        QVERIFY(feed.loading());
        QCOMPARE(backend.calls().size(), 1);
        QCOMPARE(backend.calls().front().action, u"feed"_s);
        QCOMPARE(backend.calls().front().data.value("battleId", ""), toStdString(uuidText(m_battle)));
        QCOMPARE(backend.calls().front().data.value("limit", 0), FeedMirror::PageSize);
        QVERIFY(!backend.calls().front().data.contains("before"));

        backend.answer(page({{3000, "three"}, {4000, "four"}}, true));
        QCOMPARE(backend.calls().size(), 1);
        QVERIFY(backend.calls().front().data.value("before", Json()) == Json(3000));
        QCOMPARE(loaded.size(), 0);
        backend.answer(page({{1000, "one"}, {2000, "two"}}, false));
        QCOMPARE(loaded.size(), 1);
        QVERIFY(!feed.loading());
        QCOMPARE(texts(feed.model()), QStringList({u"one"_s, u"two"_s, u"three"_s, u"four"_s}));
        // The lines keep the host's times and the resolver's names.
        QCOMPARE(feed.model()->entry(0).time, 1000);
        QCOMPARE(feed.model()->entry(3).time, 4000);
        QCOMPARE(feed.model()->entry(0).author, u"Alice"_s);
        QCOMPARE(feed.lastTime(), 4000);
    }

    void liveUpdatesWaitForTheReadAndOverlapsAreDropped()
    {
        ScriptedBackend backend;
        FeedMirror feed(m_battle, m_hour, {});
        feed.load(&backend);
        feed.addLive(2000, chat("1", "two"));
        feed.addLive(3000, chat("1", "three"));
        QCOMPARE(texts(feed.model()), QStringList());
        backend.answer(page({{1000, "one"}, {2000, "two"}}, false));
        QCOMPARE(texts(feed.model()), QStringList({u"one"_s, u"two"_s, u"three"_s}));
        feed.addLive(3000, chat("1", "three again"));
        feed.addLive(5000, chat("1", "five"));
        QCOMPARE(texts(feed.model()), QStringList({u"one"_s, u"two"_s, u"three"_s, u"five"_s}));
    }

    void aLoadAgainFillsTheGapOnly()
    {
        ScriptedBackend backend;
        FeedMirror feed(m_battle, m_hour, {});
        feed.load(&backend);
        backend.answer(page({{1000, "one"}, {2000, "two"}}, false));
        // After a lost link: the host kept more than a page; the first page reaches back to what is here.
        feed.load(&backend);
        backend.answer(page({{2000, "two"}, {3000, "three"}}, true));
        QCOMPARE(backend.calls().size(), 0);
        QCOMPARE(texts(feed.model()), QStringList({u"one"_s, u"two"_s, u"three"_s}));
    }

    void aFailedReadKeepsWhatIsThere()
    {
        ScriptedBackend backend;
        FeedMirror feed(m_battle, m_hour, {});
        feed.load(&backend);
        feed.addLive(5000, chat("1", "five"));
        backend.answer(fail(RequestFailure{u"battle_not_found"_s, u"no updates"_s}));
        QVERIFY(!feed.loading());
        QCOMPARE(texts(feed.model()), QStringList({u"five"_s}));

        // An answer to a load that was replaced by a newer one is ignored.
        feed.load(&backend);
        feed.load(&backend);
        QCOMPARE(backend.calls().size(), 2);
        backend.answer(page({{6000, "stale"}}, false));
        QVERIFY(feed.loading());
        backend.answer(page({{7000, "seven"}}, false));
        QCOMPARE(texts(feed.model()), QStringList({u"five"_s, u"seven"_s}));
    }

    void notesHaveThisMachinesTime()
    {
        ScriptedBackend backend;
        FeedMirror feed(m_battle, m_hour, {});
        feed.load(&backend);
        backend.answer(page({{1000, "one"}}, false));
        const qint64 before = QDateTime::currentMSecsSinceEpoch() * 1000;
        feed.model()->appendNote(u"You kicked Bob."_s);
        QCOMPARE(texts(feed.model()), QStringList({u"one"_s, u"You kicked Bob."_s}));
        QVERIFY(feed.model()->entry(1).time >= before);
    }
};

QTEST_GUILESS_MAIN(TestFeedMirror)
#include "tst_feedmirror.moc"
