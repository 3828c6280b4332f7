#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "models/feedmodel.h"
#include "updates/updatebuffer.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
constexpr qint64 Hour = 3600LL * 1'000'000;
const QUuid BattleA = QUuid::fromString(u"{5d8f8b6e-8d3a-4d8c-9a52-0c4b1e2f3a4b}"_s);
const QUuid BattleB = QUuid::fromString(u"{a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d}"_s);

Json chat(const QString &userId, const QString &message)
{
    return Json{{"type", "player_chat"},
                {"userId", toStdString(userId)},
                {"message", toStdString(message)},
                {"destination", "all"}};
}

Json joined(const QString &userId, int number)
{
    return Json{{"type", "player_joined"}, {"userId", toStdString(userId)}, {"playerNumber", number}};
}

QString names(const QString &userId)
{
    static const QHash<QString, QString> known = {{u"1"_s, u"Alice"_s}, {u"2"_s, u"Bob"_s}};
    return known.value(userId);
}

QStringList texts(const FeedModel &model)
{
    QStringList all;
    for (int row = 0; row < model.rowCount(); ++row)
    {
        all.append(model.index(row).data(FeedModel::TextRole).toString());
    }
    return all;
}

// A model that applies batches only on flush(), so that tests decide when.
struct TestedFeed
{
    TestedFeed(UpdateBuffer *updates, const QUuid &battleId)
        : model(updates, battleId, names)
        , tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal)
    {
        model.setBatchInterval(3'600'000);
    }
    FeedModel model;
    QAbstractItemModelTester tester;
};
} // namespace

class TestFeedModel : public QObject
{
    Q_OBJECT

private slots:
    void startsWithTheBattlesUpdatesInTheBuffer()
    {
        UpdateBuffer updates(Hour);
        updates.append(BattleA, chat(u"1"_s, u"a1"_s));
        updates.append(BattleB, chat(u"2"_s, u"b1"_s));
        updates.append(BattleA, chat(u"2"_s, u"a2"_s));

        TestedFeed feed(&updates, BattleA);
        QCOMPARE(texts(feed.model), (QStringList{u"a1"_s, u"a2"_s}));
        QCOMPARE(feed.model.totalCount(), 2);
        QCOMPARE(feed.model.count(), 2);
        QCOMPARE(feed.model.battleId(), BattleA);

        TestedFeed all(&updates, QUuid());
        QCOMPARE(texts(all.model), (QStringList{u"a1"_s, u"b1"_s, u"a2"_s}));
    }

    void keepsOnlyItsBattlesUpdates()
    {
        UpdateBuffer updates(Hour);
        TestedFeed feed(&updates, BattleA);
        TestedFeed all(&updates, QUuid());
        updates.append(BattleB, chat(u"2"_s, u"b1"_s));
        updates.append(BattleA, chat(u"1"_s, u"a1"_s));
        updates.append(BattleB, chat(u"2"_s, u"b2"_s));
        feed.model.flush();
        all.model.flush();
        QCOMPARE(texts(feed.model), QStringList{u"a1"_s});
        QCOMPARE(texts(all.model), (QStringList{u"b1"_s, u"a1"_s, u"b2"_s}));
    }

    void roles()
    {
        UpdateBuffer updates(Hour);
        const qint64 time = QDateTime(QDate(2026, 3, 4), QTime(21, 7, 9, 500)).toMSecsSinceEpoch() * 1000;
        updates.setClock([time] { return time; });
        updates.append(BattleA, Json{{"type", "player_chat"},
                                     {"userId", "1"},
                                     {"message", "gl hf"},
                                     {"destination", "player"},
                                     {"toUserId", "2"}});
        TestedFeed feed(&updates, BattleA);
        const QModelIndex index = feed.model.index(0);
        QCOMPARE(index.data(FeedModel::TimeRole).toDateTime(), QDateTime::fromMSecsSinceEpoch(time / 1000));
        QCOMPARE(index.data(FeedModel::TimeRole).toDateTime().timeSpec(), Qt::LocalTime);
        QCOMPARE(index.data(FeedModel::TimeTextRole).toString(), u"21:07:09"_s);
        QCOMPARE(index.data(FeedModel::KindRole).toInt(), int(Feed::Chat));
        QCOMPARE(index.data(FeedModel::TypeRole).toString(), u"player_chat"_s);
        QCOMPARE(index.data(FeedModel::UserIdRole).toString(), u"1"_s);
        QCOMPARE(index.data(FeedModel::AuthorRole).toString(), u"Alice"_s);
        QCOMPARE(index.data(FeedModel::TextRole).toString(), u"gl hf"_s);
        QCOMPARE(index.data(FeedModel::DetailRole).toString(), u"to Bob"_s);
        QCOMPARE(index.data(FeedModel::LineRole).toString(), u"21:07:09  Alice: gl hf  (to Bob)"_s);
        QCOMPARE(feed.model.entry(0).time, time);

        const QHash<int, QByteArray> roles = feed.model.roleNames();
        QCOMPARE(roles.value(FeedModel::TimeRole), "time");
        QCOMPARE(roles.value(FeedModel::TimeTextRole), "timeText");
        QCOMPARE(roles.value(FeedModel::KindRole), "kind");
        QCOMPARE(roles.value(FeedModel::TypeRole), "type");
        QCOMPARE(roles.value(FeedModel::UserIdRole), "userId");
        QCOMPARE(roles.value(FeedModel::AuthorRole), "author");
        QCOMPARE(roles.value(FeedModel::TextRole), "message");
        QCOMPARE(roles.value(FeedModel::DetailRole), "detail");
        QCOMPARE(roles.value(FeedModel::LineRole), "text");
    }

    // Lines without an author or a detail have neither the colon nor the parentheses.
    void lineWithoutAuthorOrDetail()
    {
        UpdateBuffer updates(Hour);
        const qint64 time = QDateTime(QDate(2026, 3, 4), QTime(21, 7, 9)).toMSecsSinceEpoch() * 1000;
        updates.setClock([time] { return time; });
        updates.append(BattleA, Json{{"type", "start"}});
        updates.append(
            BattleA,
            Json{{"type", "player_chat"}, {"userId", "1"}, {"message", "hello all"}, {"destination", "all"}});
        TestedFeed feed(&updates, BattleA);
        QCOMPARE(feed.model.rowCount(), 2);
        const QModelIndex start = feed.model.index(0);
        QVERIFY(start.data(FeedModel::AuthorRole).toString().isEmpty());
        QVERIFY(start.data(FeedModel::DetailRole).toString().isEmpty());
        QCOMPARE(start.data(FeedModel::LineRole).toString(),
                 u"21:07:09  "_s + start.data(FeedModel::TextRole).toString());
        const QModelIndex chat = feed.model.index(1);
        QVERIFY(chat.data(FeedModel::DetailRole).toString().isEmpty());
        QCOMPARE(chat.data(FeedModel::LineRole).toString(), u"21:07:09  Alice: hello all"_s);
    }

    void thousandAppendsAreOneInsertion()
    {
        UpdateBuffer updates(Hour);
        TestedFeed feed(&updates, BattleA);
        QSignalSpy inserted(&feed.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy count(&feed.model, &FeedModel::countChanged);
        QSignalSpy total(&feed.model, &FeedModel::totalCountChanged);
        for (int i = 0; i < 1000; ++i)
        {
            updates.append(BattleA, chat(u"1"_s, QString::number(i)));
        }
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(feed.model.rowCount(), 0);
        feed.model.flush();
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 999);
        QCOMPARE(feed.model.rowCount(), 1000);
        QCOMPARE(count.count(), 1);
        QCOMPARE(total.count(), 1);
        QCOMPARE(feed.model.index(999).data(FeedModel::TextRole).toString(), u"999"_s);
        // Nothing pending: nothing happens.
        feed.model.flush();
        QCOMPARE(inserted.count(), 1);
    }

    void theTimerAppliesBatches()
    {
        UpdateBuffer updates(Hour);
        FeedModel model(&updates, BattleA, names);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.batchInterval(), FeedModel::DefaultBatchInterval);
        model.setBatchInterval(20);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        for (int i = 0; i < 50; ++i)
        {
            updates.append(BattleA, chat(u"1"_s, QString::number(i)));
        }
        QVERIFY(inserted.wait(5000));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 50);
    }

    void filtersByKinds()
    {
        UpdateBuffer updates(Hour);
        updates.append(BattleA, joined(u"1"_s, 0));
        updates.append(BattleA, chat(u"1"_s, u"hello"_s));
        updates.append(BattleA, Json{{"type", "start"}});
        TestedFeed feed(&updates, BattleA);
        QCOMPARE(feed.model.kinds(), int(Feed::AllKinds));
        QSignalSpy reset(&feed.model, &QAbstractItemModel::modelReset);
        QSignalSpy kinds(&feed.model, &FeedModel::kindsChanged);
        QSignalSpy count(&feed.model, &FeedModel::countChanged);

        feed.model.setKinds(Feed::Chat | Feed::Game);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(kinds.count(), 1);
        QCOMPARE(count.count(), 1);
        QCOMPARE(texts(feed.model), (QStringList{u"hello"_s, u"game started"_s}));
        QCOMPARE(feed.model.totalCount(), 3);

        // New lines are filtered as they come: only the shown ones become rows.
        QSignalSpy inserted(&feed.model, &QAbstractItemModel::rowsInserted);
        updates.append(BattleA, joined(u"2"_s, 1));
        updates.append(BattleA, chat(u"2"_s, u"hi"_s));
        feed.model.appendNote(u"kicked Bob"_s);
        feed.model.flush();
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 2);
        QCOMPARE(inserted.at(0).at(2).toInt(), 2);
        QCOMPARE(texts(feed.model), (QStringList{u"hello"_s, u"game started"_s, u"hi"_s}));
        QCOMPARE(feed.model.totalCount(), 6);

        feed.model.setKinds(Feed::JoinLeave | Feed::Operator);
        QCOMPARE(texts(feed.model),
                 (QStringList{u"joined as player 0"_s, u"joined as player 1"_s, u"kicked Bob"_s}));
        feed.model.setKinds(Feed::JoinLeave | Feed::Operator);
        QCOMPARE(kinds.count(), 2);
        QCOMPARE(reset.count(), 2);
    }

    void searchesAuthorTextAndDetail()
    {
        UpdateBuffer updates(Hour);
        updates.append(BattleA, chat(u"1"_s, u"nice shot"_s));
        updates.append(BattleA, chat(u"2"_s, u"thanks"_s));
        updates.append(BattleA, Json{{"type", "player_chat"},
                                     {"userId", "2"},
                                     {"message", "secret"},
                                     {"destination", "player"},
                                     {"toUserId", "1"}});
        updates.append(BattleA, Json{{"type", "engine_warning"}, {"message", "SHOT clock"}});
        TestedFeed feed(&updates, BattleA);
        QSignalSpy search(&feed.model, &FeedModel::searchTextChanged);

        feed.model.setSearchText(u"shot"_s);
        QCOMPARE(search.count(), 1);
        QCOMPARE(feed.model.searchText(), u"shot"_s);
        QCOMPARE(texts(feed.model), (QStringList{u"nice shot"_s, u"SHOT clock"_s}));
        feed.model.setSearchText(u"BOB"_s);
        QCOMPARE(texts(feed.model), (QStringList{u"thanks"_s, u"secret"_s}));
        feed.model.setSearchText(u"to alice"_s);
        QCOMPARE(texts(feed.model), QStringList{u"secret"_s});

        // Search and kinds together; new lines are searched too.
        feed.model.setSearchText(u"s"_s);
        feed.model.setKinds(Feed::Engine);
        QCOMPARE(texts(feed.model), QStringList{u"SHOT clock"_s});
        updates.append(BattleA, Json{{"type", "engine_message"}, {"message", "desync"}});
        updates.append(BattleA, Json{{"type", "engine_message"}, {"message", "ok"}});
        feed.model.flush();
        QCOMPARE(texts(feed.model), (QStringList{u"SHOT clock"_s, u"desync"_s}));

        feed.model.setSearchText(QString());
        feed.model.setKinds(Feed::AllKinds);
        QCOMPARE(feed.model.count(), 6);
    }

    void dropsTheOldestBeyondTheMaximum()
    {
        UpdateBuffer updates(Hour);
        TestedFeed feed(&updates, BattleA);
        QCOMPARE(feed.model.maximumEntries(), FeedModel::DefaultMaximumEntries);
        feed.model.setMaximumEntries(10);
        QSignalSpy removed(&feed.model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&feed.model, &QAbstractItemModel::rowsInserted);
        for (int i = 0; i < 8; ++i)
        {
            updates.append(BattleA, chat(u"1"_s, QString::number(i)));
        }
        feed.model.flush();
        QCOMPARE(removed.count(), 0);
        for (int i = 8; i < 13; ++i)
        {
            updates.append(BattleA, chat(u"1"_s, QString::number(i)));
        }
        feed.model.flush();
        // 13 lines, 10 kept: the first three go in one removal, then the five new ones come in one insertion.
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 0);
        QCOMPARE(removed.at(0).at(2).toInt(), 2);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.at(1).at(1).toInt(), 5);
        QCOMPARE(inserted.at(1).at(2).toInt(), 9);
        QCOMPARE(feed.model.totalCount(), 10);
        QCOMPARE(texts(feed.model).first(), u"3"_s);
        QCOMPARE(texts(feed.model).last(), u"12"_s);

        // A batch larger than the maximum: every old row goes, only the newest lines of the batch stay.
        removed.clear();
        for (int i = 13; i < 40; ++i)
        {
            updates.append(BattleA, chat(u"1"_s, QString::number(i)));
        }
        feed.model.flush();
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(2).toInt(), 9);
        QCOMPARE(texts(feed.model).first(), u"30"_s);
        QCOMPARE(texts(feed.model).last(), u"39"_s);
        QCOMPARE(feed.model.rowCount(), 10);

        // Lowering the maximum drops at once.
        removed.clear();
        feed.model.setMaximumEntries(4);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(2).toInt(), 5);
        QCOMPARE(texts(feed.model), (QStringList{u"36"_s, u"37"_s, u"38"_s, u"39"_s}));
    }

    void droppingRemovesOnlyTheShownRows()
    {
        UpdateBuffer updates(Hour);
        TestedFeed feed(&updates, BattleA);
        feed.model.setMaximumEntries(6);
        feed.model.setKinds(Feed::Chat);
        for (int i = 0; i < 3; ++i)
        {
            updates.append(BattleA, joined(QString::number(i), i));
            updates.append(BattleA, chat(QString::number(i), u"chat %1"_s.arg(i)));
        }
        feed.model.flush();
        QCOMPARE(feed.model.count(), 3);
        QSignalSpy removed(&feed.model, &QAbstractItemModel::rowsRemoved);
        // Three more lines push out join 0, chat 0, join 1: one of them was a row.
        updates.append(BattleA, joined(u"3"_s, 3));
        updates.append(BattleA, joined(u"4"_s, 4));
        updates.append(BattleA, chat(u"3"_s, u"chat 3"_s));
        feed.model.flush();
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 0);
        QCOMPARE(removed.at(0).at(2).toInt(), 0);
        QCOMPARE(texts(feed.model), (QStringList{u"chat 1"_s, u"chat 2"_s, u"chat 3"_s}));
        QCOMPARE(feed.model.totalCount(), 6);

        // Kept now: chat 1, join 2, chat 2, join 3, join 4, chat 3. The next line pushes out a shown one, the
        // one after a hidden one, which removes no row.
        removed.clear();
        updates.append(BattleA, joined(u"5"_s, 5));
        feed.model.flush();
        QCOMPARE(removed.count(), 1);
        updates.append(BattleA, joined(u"6"_s, 6));
        feed.model.flush();
        QCOMPARE(removed.count(), 1);
        QCOMPARE(texts(feed.model), (QStringList{u"chat 2"_s, u"chat 3"_s}));
        feed.model.setKinds(Feed::AllKinds);
        QCOMPARE(texts(feed.model),
                 (QStringList{u"chat 2"_s, u"joined as player 3"_s, u"joined as player 4"_s, u"chat 3"_s,
                              u"joined as player 5"_s, u"joined as player 6"_s}));
    }

    void capacityAppliesToTheBufferAtConstruction()
    {
        UpdateBuffer updates(Hour);
        for (int i = 0; i < FeedModel::DefaultMaximumEntries + 5; ++i)
        {
            updates.append(BattleA, chat(u"1"_s, QString::number(i)));
        }
        TestedFeed feed(&updates, BattleA);
        QCOMPARE(feed.model.totalCount(), FeedModel::DefaultMaximumEntries);
        QCOMPARE(feed.model.index(0).data(FeedModel::TextRole).toString(), u"5"_s);
    }

    void notes()
    {
        UpdateBuffer updates(Hour);
        updates.setClock([] { return 5'000'000; });
        TestedFeed feed(&updates, BattleA);
        updates.append(BattleA, chat(u"2"_s, u"noob"_s));
        feed.model.appendNote(u"kicked Bob"_s);
        QCOMPARE(feed.model.rowCount(), 0);
        feed.model.flush();
        QCOMPARE(texts(feed.model), (QStringList{u"noob"_s, u"kicked Bob"_s}));
        const QModelIndex note = feed.model.index(1);
        QCOMPARE(note.data(FeedModel::KindRole).toInt(), int(Feed::Operator));
        QCOMPARE(note.data(FeedModel::TypeRole).toString(), u"note"_s);
        QCOMPARE(feed.model.entry(1).time, 5'000'000);
    }
};

QTEST_GUILESS_MAIN(TestFeedModel)
#include "tst_feedmodel.moc"
