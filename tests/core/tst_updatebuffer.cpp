#include <QSignalSpy>
#include <QTest>

#include "updates/updatebuffer.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
constexpr qint64 Second = 1'000'000;
const QUuid BattleA = QUuid::fromString(u"{5d8f8b6e-8d3a-4d8c-9a52-0c4b1e2f3a4b}"_s);
const QUuid BattleB = QUuid::fromString(u"{a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d}"_s);

Json update(int n)
{
    return Json{{"type", "player_chat"}, {"n", n}};
}
} // namespace

class TestUpdateBuffer : public QObject
{
    Q_OBJECT

private slots:
    void defaultClockIsWallClock()
    {
        UpdateBuffer buffer(600 * Second);
        const qint64 before = QDateTime::currentMSecsSinceEpoch() * 1000;
        const qint64 now = buffer.now();
        const qint64 after = QDateTime::currentMSecsSinceEpoch() * 1000 + 1000;
        QVERIFY(now >= before);
        QVERIFY(now <= after);
        QCOMPARE(buffer.retention(), 600 * Second);
    }

    void timesFollowTheClock()
    {
        UpdateBuffer buffer(600 * Second);
        qint64 clock = 1000 * Second;
        buffer.setClock([&clock] { return clock; });
        QCOMPARE(buffer.append(BattleA, update(1)).time, 1000 * Second);
        clock += 250;
        QCOMPARE(buffer.append(BattleB, update(2)).time, 1000 * Second + 250);
    }

    void stalledClockStillStrictlyIncreases()
    {
        UpdateBuffer buffer(600 * Second);
        const qint64 clock = 5000 * Second;
        buffer.setClock([=] { return clock; });
        qint64 previous = 0;
        for (int i = 0; i < 100; ++i)
        {
            const qint64 time = buffer.append(i % 2 ? BattleA : BattleB, update(i)).time;
            QCOMPARE(time, clock + i);
            QVERIFY(time > previous);
            previous = time;
        }
        QCOMPARE(buffer.size(), 100);
    }

    void backwardsClockStillStrictlyIncreases()
    {
        UpdateBuffer buffer(600 * Second);
        qint64 clock = 5000 * Second;
        buffer.setClock([&clock] { return clock; });
        const qint64 first = buffer.append(BattleA, update(1)).time;
        clock -= 10 * Second;
        const qint64 second = buffer.append(BattleA, update(2)).time;
        QCOMPARE(second, first + 1);
        clock -= Second;
        const qint64 third = buffer.append(BattleB, update(3)).time;
        QCOMPARE(third, first + 2);
        // Once the clock passes the last stamp again, it is used as is.
        clock = first + 100;
        QCOMPARE(buffer.append(BattleB, update(4)).time, first + 100);
    }

    void sinceIsStrictlyGreater()
    {
        UpdateBuffer buffer(600 * Second);
        qint64 clock = 100 * Second;
        buffer.setClock([&clock] { return clock; });
        QList<qint64> times;
        for (int i = 0; i < 10; ++i)
        {
            clock += 10;
            times.append(buffer.append(i % 3 ? BattleA : BattleB, update(i)).time);
        }
        QCOMPARE(buffer.since(0).size(), size_t(10));
        QCOMPARE(buffer.since(times.last()).size(), size_t(0));

        const std::vector<UpdateBuffer::Entry> fromFourth = buffer.since(times.at(3));
        QCOMPARE(fromFourth.size(), size_t(6));
        for (size_t i = 0; i < fromFourth.size(); ++i)
        {
            QCOMPARE(fromFourth[i].time, times.at(qsizetype(i) + 4));
            QCOMPARE(fromFourth[i].update().at("n").get<int>(), int(i) + 4);
        }
        // A time between two stamps.
        const std::vector<UpdateBuffer::Entry> between = buffer.since(times.at(3) + 5);
        QCOMPARE(between.size(), size_t(6));
        QCOMPARE(between.front().time, times.at(4));
        QCOMPARE(buffer.since(times.at(3) - 1).front().time, times.at(3));
        // forEachSince visits the same entries in the same order; visitSince too, and stops when told to.
        QList<qint64> visited;
        const auto visit = [&visited](const UpdateBuffer::Entry &entry)
        {
            visited.append(entry.time);
        };
        buffer.forEachSince(times.at(3) + 5, visit);
        QCOMPARE(visited, times.mid(4));
        visited.clear();
        buffer.forEachSince(times.last(), visit);
        QVERIFY(visited.isEmpty());
        QVERIFY(buffer.visitSince(times.at(3) + 5,
                                  [&visited](const UpdateBuffer::Entry &entry)
                                  {
                                      visited.append(entry.time);
                                      return true;
                                  }));
        QCOMPARE(visited, times.mid(4));
        visited.clear();
        QVERIFY(!buffer.visitSince(0,
                                   [&visited](const UpdateBuffer::Entry &entry)
                                   {
                                       visited.append(entry.time);
                                       return visited.size() < 3;
                                   }));
        QCOMPARE(visited, times.mid(0, 3));
    }

    void visitBackwardsGoesNewestFirstBelowBefore()
    {
        UpdateBuffer buffer(600 * Second);
        qint64 clock = 100 * Second;
        buffer.setClock([&clock] { return clock; });
        QList<qint64> times;
        for (int i = 0; i < 6; ++i)
        {
            clock += 10;
            times.append(buffer.append(BattleA, update(i)).time);
        }
        const auto visit = [&buffer](qint64 before, int most)
        {
            QList<int> seen;
            buffer.visitBackwards(before,
                                  [&seen, most](const UpdateBuffer::Entry &entry)
                                  {
                                      seen.append(entry.update().at("n").get<int>());
                                      return seen.size() < most;
                                  });
            return seen;
        };
        QCOMPARE(visit(std::numeric_limits<qint64>::max(), 100), (QList<int>{5, 4, 3, 2, 1, 0}));
        // Strictly before: the entry at `before` is left out, and a time between two stamps works too.
        QCOMPARE(visit(times.at(3), 100), (QList<int>{2, 1, 0}));
        QCOMPARE(visit(times.at(3) + 5, 100), (QList<int>{3, 2, 1, 0}));
        // The visitor stops the walk.
        QCOMPARE(visit(std::numeric_limits<qint64>::max(), 2), (QList<int>{5, 4}));
        QCOMPARE(visit(times.at(0), 100), QList<int>());
    }

    void pruningDropsOldEntries()
    {
        const qint64 retention = 100 * Second;
        UpdateBuffer buffer(retention);
        qint64 clock = 1000 * Second;
        buffer.setClock([&clock] { return clock; });
        const qint64 oldest = buffer.append(BattleA, update(0)).time;
        clock += 50 * Second;
        const qint64 middle = buffer.append(BattleA, update(1)).time;
        QCOMPARE(buffer.size(), 2);

        // 120 s after the first: only that one is older than the retention.
        clock = oldest + 120 * Second;
        buffer.append(BattleB, update(2));
        QCOMPARE(buffer.size(), 2);
        QCOMPARE(buffer.since(0).front().time, middle);

        // Long after everything: only the newest is left.
        clock += 1000 * Second;
        const qint64 newest = buffer.append(BattleB, update(3)).time;
        QCOMPARE(buffer.size(), 1);
        QCOMPARE(buffer.since(0).front().time, newest);
    }

    void pruningKeepsEntriesInsideTheWindow()
    {
        const qint64 retention = 100 * Second;
        UpdateBuffer buffer(retention);
        qint64 clock = 1000 * Second;
        buffer.setClock([&clock] { return clock; });
        for (int i = 0; i < 50; ++i)
        {
            buffer.append(BattleA, update(i));
            clock += Second;
        }
        // Everything is less than the retention old.
        QCOMPARE(buffer.size(), 50);
        clock += 80 * Second;
        buffer.append(BattleA, update(50));
        const std::vector<UpdateBuffer::Entry> kept = buffer.since(0);
        for (const UpdateBuffer::Entry &entry : kept)
        {
            QVERIFY(entry.time >= clock - retention);
        }
        // Entries 0..29 are 101..130 s old, 30..49 at most 100 s.
        QCOMPARE(buffer.size(), 21);
    }

    void isTooOldBoundary()
    {
        const qint64 retention = 100 * Second;
        UpdateBuffer buffer(retention);
        const qint64 clock = 1000 * Second;
        buffer.setClock([=] { return clock; });
        QCOMPARE(buffer.now(), clock);
        QVERIFY(!buffer.isTooOld(clock - retention));
        QVERIFY(buffer.isTooOld(clock - retention - 1));
        QVERIFY(!buffer.isTooOld(clock));
        QVERIFY(buffer.isTooOld(0));
    }

    void appendedSignal()
    {
        UpdateBuffer buffer(600 * Second);
        qint64 clock = 7 * Second;
        buffer.setClock([&clock] { return clock; });
        QList<UpdateBuffer::Entry> seen;
        connect(&buffer, &UpdateBuffer::appended, this,
                [&seen](const UpdateBuffer::Entry &entry) { seen.append(entry); });
        QSignalSpy spy(&buffer, &UpdateBuffer::appended);
        buffer.append(BattleA, update(1));
        clock += 3;
        buffer.append(BattleB, update(2));
        QCOMPARE(spy.count(), 2);
        QCOMPARE(seen.size(), 2);
        QCOMPARE(seen.at(0).battleId, BattleA);
        QCOMPARE(seen.at(0).time, 7 * Second);
        QCOMPARE(seen.at(0).update().at("n").get<int>(), 1);
        QCOMPARE(seen.at(1).battleId, BattleB);
        QCOMPARE(seen.at(1).time, 7 * Second + 3);
    }

    void restoredEntriesKeepTheirTimesAndStayBelowNewOnes()
    {
        const qint64 retention = 100 * Second;
        UpdateBuffer buffer(retention);
        // The clock of the new run is behind the old run's last update (a clock set back across a restart).
        qint64 clock = 500 * Second;
        buffer.setClock([&clock] { return clock; });
        QSignalSpy spy(&buffer, &UpdateBuffer::appended);
        const std::vector<UpdateBuffer::Entry> earlier = {
            {BattleA, 850 * Second, dumpJson(update(0))}, // older than the retention from the last one:
                                                          // pruned
            {BattleA, 901 * Second, dumpJson(update(1))},
            {BattleB, 902 * Second, dumpJson(update(2))},
            {BattleB, 902 * Second, dumpJson(update(3))}, // not newer than the one before: left out
            {BattleA, 1000 * Second, dumpJson(update(4))},
        };
        buffer.restore(earlier);
        QCOMPARE(spy.count(), 0);
        QList<int> kept;
        buffer.forEachSince(0, [&kept](const UpdateBuffer::Entry &entry)
                            { kept.append(entry.update().at("n").get<int>()); });
        QCOMPARE(kept, (QList<int>{1, 2, 4}));
        QCOMPARE(buffer.since(901 * Second).front().time, 902 * Second);

        const qint64 next = buffer.append(BattleB, update(5)).time;
        QCOMPARE(next, 1000 * Second + 1);
        QCOMPARE(spy.count(), 1);
        clock = 2000 * Second;
        QCOMPARE(buffer.append(BattleB, update(6)).time, 2000 * Second);
    }

    void battleEndsAreEngineQuitAndEngineCrash()
    {
        QVERIFY(UpdateBuffer::isBattleEnd(Json{{"type", "engine_quit"}}));
        QVERIFY(UpdateBuffer::isBattleEnd(Json{{"type", "engine_crash"}, {"details", "x"}}));
        QVERIFY(!UpdateBuffer::isBattleEnd(Json{{"type", "player_chat"}, {"message", "engine_quit"}}));
        QVERIFY(!UpdateBuffer::isBattleEnd(Json{{"type", "finished"}}));
        QVERIFY(!UpdateBuffer::isBattleEnd(Json::object()));
    }

    void eventDataShape()
    {
        UpdateBuffer buffer(600 * Second);
        buffer.setClock([] { return qint64(1732270530123456); });
        const UpdateBuffer::Entry &entry = buffer.append(BattleA, Json{{"type", "start"}});
        const Json data = UpdateBuffer::eventData(entry);
        QCOMPARE(dumpJson(data), std::string(R"({"battleId":"5d8f8b6e-8d3a-4d8c-9a52-0c4b1e2f3a4b",)"
                                             R"("time":1732270530123456,"update":{"type":"start"}})"));
        QVERIFY(data.at("time").is_number_integer());
        std::string text = "before";
        UpdateBuffer::appendEventDataJson(text, entry);
        QCOMPARE(text, "before" + dumpJson(data));
    }

    // The battle id is written as uuidText writes it, whatever its bytes.
    void eventDataJsonWritesAnyBattleId()
    {
        UpdateBuffer buffer(600 * Second);
        for (int i = 0; i < 200; ++i)
        {
            const QUuid battle = i == 0 ? QUuid() : QUuid::createUuid();
            const UpdateBuffer::Entry &entry = buffer.append(battle, Json{{"type", "start"}});
            std::string text;
            UpdateBuffer::appendEventDataJson(text, entry);
            QCOMPARE(text, dumpJson(UpdateBuffer::eventData(entry)));
            QCOMPARE(Json::parse(text).at("battleId").get<std::string>(), toStdString(uuidText(battle)));
        }
    }
};

QTEST_GUILESS_MAIN(TestUpdateBuffer)
#include "tst_updatebuffer.moc"
