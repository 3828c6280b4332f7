#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

#include "models/feedentry.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
const QUuid Battle = QUuid::fromString(u"{5d8f8b6e-8d3a-4d8c-9a52-0c4b1e2f3a4b}"_s);

QString names(const QString &userId)
{
    static const QHash<QString, QString> known = {{u"1"_s, u"Alice"_s}, {u"2"_s, u"Bob"_s}};
    return known.value(userId);
}

UpdateBuffer::Entry entry(const char *updateJson, qint64 time = 1'700'000'000'000'000)
{
    return UpdateBuffer::Entry{Battle, time, dumpJson(Json::parse(updateJson))};
}

QByteArray base64(const QByteArray &bytes)
{
    return bytes.toBase64();
}

// Shows which texts went through translation, and in which context: FeedEntry's come back in brackets.
class BracketingTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        return qstrcmp(context, "FeedEntry") == 0 ? u'[' + QString::fromUtf8(sourceText) + u']' : QString();
    }
    bool isEmpty() const override { return false; }
};
} // namespace

class TestFeedEntry : public QObject
{
    Q_OBJECT

private slots:
    void fromUpdate_data()
    {
        QTest::addColumn<QByteArray>("update");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("userId");
        QTest::addColumn<QString>("author");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("detail");

        const auto row = [](const char *name, const QByteArray &update, Feed::Kind kind, const QString &type,
                            const QString &userId, const QString &author, const QString &text,
                            const QString &detail)
        {
            QTest::newRow(name) << update << int(kind) << type << userId << author << text << detail;
        };

        row("chat to all",
            "{\"type\":\"player_chat\",\"userId\":\"1\",\"message\":\"gl hf\",\"destination\":\"all\"}",
            Feed::Chat, u"player_chat"_s, u"1"_s, u"Alice"_s, u"gl hf"_s, QString());
        row("chat to allies",
            "{\"type\":\"player_chat\",\"userId\":\"2\",\"message\":\"rush mid\",\"destination\":\"allies\"}",
            Feed::Chat, u"player_chat"_s, u"2"_s, u"Bob"_s, u"rush mid"_s, u"to allies"_s);
        row("chat to spectators",
            "{\"type\":\"player_chat\",\"userId\":\"1\",\"message\":\"hi "
            "specs\",\"destination\":\"spectators\"}",
            Feed::Chat, u"player_chat"_s, u"1"_s, u"Alice"_s, u"hi specs"_s, u"to spectators"_s);
        row("chat to a player",
            "{\"type\":\"player_chat\",\"userId\":\"1\",\"message\":\"psst\",\"destination\":\"player\","
            "\"toUserId\":\"2\"}",
            Feed::Chat, u"player_chat"_s, u"1"_s, u"Alice"_s, u"psst"_s, u"to Bob"_s);
        row("chat to an unknown player",
            "{\"type\":\"player_chat\",\"userId\":\"1\",\"message\":\"psst\",\"destination\":\"player\","
            "\"toUserId\":\"77\"}",
            Feed::Chat, u"player_chat"_s, u"1"_s, u"Alice"_s, u"psst"_s, u"to 77"_s);
        row("chat from an unknown user",
            "{\"type\":\"player_chat\",\"userId\":\"9\",\"message\":\"who am i\",\"destination\":\"all\"}",
            Feed::Chat, u"player_chat"_s, u"9"_s, u"9"_s, u"who am i"_s, QString());
        row("joined", "{\"type\":\"player_joined\",\"userId\":\"2\",\"playerNumber\":2}", Feed::JoinLeave,
            u"player_joined"_s, u"2"_s, u"Bob"_s, u"joined as player 2"_s, QString());
        row("left: kicked", "{\"type\":\"player_left\",\"userId\":\"2\",\"reason\":\"kicked\"}",
            Feed::JoinLeave, u"player_left"_s, u"2"_s, u"Bob"_s, u"left: kicked"_s, QString());
        row("left: lost connection",
            "{\"type\":\"player_left\",\"userId\":\"2\",\"reason\":\"lost_connection\"}", Feed::JoinLeave,
            u"player_left"_s, u"2"_s, u"Bob"_s, u"lost connection"_s, QString());
        row("left", "{\"type\":\"player_left\",\"userId\":\"1\",\"reason\":\"left\"}", Feed::JoinLeave,
            u"player_left"_s, u"1"_s, u"Alice"_s, u"left"_s, QString());
        row("defeated", "{\"type\":\"player_defeated\",\"userId\":\"1\"}", Feed::Game, u"player_defeated"_s,
            u"1"_s, u"Alice"_s, u"defeated"_s, QString());
        row("start", "{\"type\":\"start\"}", Feed::Game, u"start"_s, QString(), QString(), u"game started"_s,
            QString());
        row("finished, one winner", "{\"type\":\"finished\",\"userId\":\"2\",\"winningAllyTeams\":[1]}",
            Feed::Game, u"finished"_s, u"2"_s, u"Bob"_s, u"reported the game over, winners: ally team 1"_s,
            QString());
        row("finished, two winners", "{\"type\":\"finished\",\"userId\":\"1\",\"winningAllyTeams\":[0,2]}",
            Feed::Game, u"finished"_s, u"1"_s, u"Alice"_s,
            u"reported the game over, winners: ally teams 0, 2"_s, QString());
        row("luamsg, ui to allies",
            QByteArray(
                "{\"type\":\"luamsg\",\"userId\":\"1\",\"script\":\"ui\",\"uiMode\":\"allies\",\"data\":\"") +
                base64("mapmark 10 20") + "\"}",
            Feed::LuaMsg, u"luamsg"_s, u"1"_s, u"Alice"_s, u"mapmark 10 20"_s, u"ui script, to allies"_s);
        row("luamsg, binary data",
            QByteArray("{\"type\":\"luamsg\",\"userId\":\"2\",\"script\":\"rules\",\"data\":\"") +
                base64(QByteArray("\x00\x01"
                                  "A\xff\\\xc3\xa9\n",
                                  8)) +
                "\"}",
            Feed::LuaMsg, u"luamsg"_s, u"2"_s, u"Bob"_s, u"\\x00\\x01A\\xff\\x5c\u00e9\\x0a"_s,
            u"rules script"_s);
        row("luamsg, not base64",
            "{\"type\":\"luamsg\",\"userId\":\"2\",\"script\":\"game\",\"data\":\"***\"}", Feed::LuaMsg,
            u"luamsg"_s, u"2"_s, u"Bob"_s, u"(not base64) ***"_s, u"game script"_s);
        row("engine message",
            "{\"type\":\"engine_message\",\"message\":\"Connection attempt from 10.0.0.1\"}", Feed::Engine,
            u"engine_message"_s, QString(), QString(), u"Connection attempt from 10.0.0.1"_s, QString());
        row("engine warning", "{\"type\":\"engine_warning\",\"message\":\"desync detected\"}", Feed::Engine,
            u"engine_warning"_s, QString(), QString(), u"desync detected"_s, QString());
        row("engine quit", "{\"type\":\"engine_quit\"}", Feed::Engine, u"engine_quit"_s, QString(), QString(),
            u"engine quit"_s, QString());
        row("engine crash", "{\"type\":\"engine_crash\",\"details\":\"killed by signal 11\"}", Feed::Engine,
            u"engine_crash"_s, QString(), QString(), u"engine crashed: killed by signal 11"_s, QString());
        row("engine crash without details", "{\"type\":\"engine_crash\"}", Feed::Engine, u"engine_crash"_s,
            QString(), QString(), u"engine crashed"_s, QString());
        row("unknown type", "{\"type\":\"player_ready\",\"userId\":\"1\",\"state\":1}", Feed::Engine,
            u"player_ready"_s, u"1"_s, u"Alice"_s, u"player_ready"_s, QString());
        row("field of the wrong type", "{\"type\":\"player_chat\",\"userId\":\"1\",\"message\":42}",
            Feed::Chat, u"player_chat"_s, u"1"_s, u"Alice"_s, QString(), QString());
    }

    void fromUpdate()
    {
        QFETCH(QByteArray, update);
        QFETCH(int, kind);
        QFETCH(QString, type);
        QFETCH(QString, userId);
        QFETCH(QString, author);
        QFETCH(QString, text);
        QFETCH(QString, detail);

        const FeedEntry line = FeedEntry::fromUpdate(entry(update.constData(), 1234567), names);
        QCOMPARE(line.time, 1234567);
        QCOMPARE(int(line.kind), kind);
        QCOMPARE(line.type, type);
        QCOMPARE(line.userId, userId);
        QCOMPARE(line.author, author);
        QCOMPARE(line.text, text);
        QCOMPARE(line.detail, detail);
    }

    void withoutResolverTheUserIdIsTheAuthor()
    {
        const auto update =
            entry("{\"type\":\"player_chat\",\"userId\":\"1\",\"message\":\"x\",\"destination\":\"player\","
                  "\"toUserId\":\"2\"}");
        const FeedEntry line = FeedEntry::fromUpdate(update, nullptr);
        QCOMPARE(line.author, u"1"_s);
        QCOMPARE(line.detail, u"to 2"_s);
    }

    void resolverIsAskedForTheUser()
    {
        QStringList asked;
        const auto resolver = [&asked](const QString &userId) -> QString
        {
            asked.append(userId);
            return u"Name of "_s + userId;
        };
        const FeedEntry line =
            FeedEntry::fromUpdate(entry("{\"type\":\"player_defeated\",\"userId\":\"42\"}"), resolver);
        QCOMPARE(asked, QStringList{u"42"_s});
        QCOMPARE(line.author, u"Name of 42"_s);
        // Nobody to look up for updates without a user.
        asked.clear();
        FeedEntry::fromUpdate(entry("{\"type\":\"start\"}"), resolver);
        QVERIFY(asked.isEmpty());
    }

    void wordsAreTranslatedPlayersWordsAreNot()
    {
        BracketingTranslator translator;
        QVERIFY(QCoreApplication::installTranslator(&translator));
        const auto compose = [](const char *update)
        {
            return FeedEntry::fromUpdate(entry(update), names);
        };

        const FeedEntry joined = compose("{\"type\":\"player_joined\",\"userId\":\"2\",\"playerNumber\":3}");
        const FeedEntry chat = compose(
            "{\"type\":\"player_chat\",\"userId\":\"1\",\"message\":\"gl hf\",\"destination\":\"allies\"}");
        const FeedEntry whisper = compose("{\"type\":\"player_chat\",\"userId\":\"1\",\"message\":\"psst\","
                                          "\"destination\":\"player\",\"toUserId\":\"2\"}");
        const FeedEntry crash = compose("{\"type\":\"engine_crash\",\"details\":\"signal 11 (%1)\"}");
        const FeedEntry won = compose("{\"type\":\"finished\",\"userId\":\"2\",\"winningAllyTeams\":[0,2]}");
        QCoreApplication::removeTranslator(&translator);

        QCOMPARE(joined.text, u"[joined as player %1]"_s.arg(3));
        QCOMPARE(chat.text, u"gl hf"_s);
        QCOMPARE(chat.detail, u"[to allies]"_s);
        QCOMPARE(whisper.detail, u"[to %1]"_s.arg(u"Bob"_s));
        QCOMPARE(crash.text, u"[engine crashed: %1]"_s.arg(u"signal 11 (%1)"_s));
        QCOMPARE(won.text, u"[reported the game over, winners: ally teams %1]"_s.arg(u"0, 2"_s));
        // Without the translator: English again.
        QCOMPARE(compose("{\"type\":\"start\"}").text, u"game started"_s);
    }

    void note()
    {
        const FeedEntry line = FeedEntry::note(99, u"kicked Bob"_s);
        QCOMPARE(line.time, 99);
        QCOMPARE(line.kind, Feed::Operator);
        QCOMPARE(line.type, u"note"_s);
        QCOMPARE(line.text, u"kicked Bob"_s);
        QVERIFY(line.userId.isEmpty());
        QVERIFY(line.author.isEmpty());
    }

    void printableText_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ascii") << QByteArray("hello world") << u"hello world"_s;
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("utf-8") << QByteArray(
                                      "za\xc5\xbc\xc3\xb3\xc5\x82\xc4\x87 \xe2\x9c\x93 \xf0\x9f\x98\x80")
                               << u"zażółć ✓ 😀"_s;
        QTest::newRow("control characters") << QByteArray("a\tb\x1b", 4) << u"a\\x09b\\x1b"_s;
        QTest::newRow("nul") << QByteArray("\x00", 1) << u"\\x00"_s;
        QTest::newRow("delete") << QByteArray("\x7f") << u"\\x7f"_s;
        QTest::newRow("backslash") << QByteArray("a\\b") << u"a\\x5cb"_s;
        QTest::newRow("invalid lead byte") << QByteArray("\xff\xfe") << u"\\xff\\xfe"_s;
        // The lead byte is escaped; what follows is read again on its own.
        QTest::newRow("cut sequence") << QByteArray("\xc3"
                                                    "A")
                                      << u"\\xc3A"_s;
        QTest::newRow("cut at the end") << QByteArray("ok\xe2\x9c") << u"ok\\xe2\\x9c"_s;
        QTest::newRow("overlong") << QByteArray("\xc0\xaf") << u"\\xc0\\xaf"_s;
        QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << u"\\xed\\xa0\\x80"_s;
        QTest::newRow("beyond unicode") << QByteArray("\xf4\x90\x80\x80") << u"\\xf4\\x90\\x80\\x80"_s;
        QTest::newRow("non-printable code point") << QByteArray("\xc2\x85") << u"\\xc2\\x85"_s;
    }

    void printableText()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QCOMPARE(FeedEntry::printableText(bytes, 1000), expected);
    }

    void longLuaMessagesAreCut()
    {
        const QByteArray update = "{\"type\":\"luamsg\",\"userId\":\"1\",\"script\":\"rules\",\"data\":\"" +
                                  base64(QByteArray(1000, 'a')) + "\"}";
        const FeedEntry line = FeedEntry::fromUpdate(entry(update.constData()), names);
        QCOMPARE(line.text, QString(FeedEntry::MaxLuaTextLength, u'a') + u'…');
    }

    void cutNeverSplitsAnEscape()
    {
        // 298 letters then escapes of 4 characters each: the first escape no longer fits.
        const QByteArray bytes = QByteArray(298, 'b') + QByteArray(10, '\x01');
        const QString text = FeedEntry::printableText(bytes, 300);
        QCOMPARE(text, QString(298, u'b') + u'…');
        const QString longer = FeedEntry::printableText(bytes, 302);
        QCOMPARE(longer, QString(298, u'b') + u"\\x01"_s + u'…');
    }
};

QTEST_GUILESS_MAIN(TestFeedEntry)
#include "tst_feedentry.moc"
