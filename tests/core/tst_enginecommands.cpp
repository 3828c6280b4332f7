#include <QStringDecoder>
#include <QTest>

#include "protocol/enginecommands.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
bool isValidUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder(bytes);
    return !decoder.hasError() && !decoded.contains(QChar::ReplacementCharacter);
}

// What the engine shows for one datagram of host chat: "//x" is the text "/x".
QByteArray shownText(const QByteArray &datagram)
{
    return datagram.startsWith("//") ? datagram.mid(1) : datagram;
}
} // namespace

class TestEngineCommands : public QObject
{
    Q_OBJECT

private slots:
    void chatVectors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("datagram");
        // engine notes §3.4
        QTest::newRow("plain") << u"msg"_s << QByteArray("msg");
        QTest::newRow("leading slash") << u"/asdasd"_s << QByteArray("//asdasd");
        QTest::newRow("leading double slash") << u"//asd"_s << QByteArray("///asd");
        QTest::newRow("slash alone") << u"/"_s << QByteArray("//");
        QTest::newRow("slash inside") << u"a /kill b"_s << QByteArray("a /kill b");
        QTest::newRow("utf-8") << u"Zażółć gęślą jaźń"_s << u"Zażółć gęślą jaźń"_s.toUtf8();
    }

    void chatVectors()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, datagram);
        QCOMPARE(EngineCommands::chat(text), QList<QByteArray>{datagram});
    }

    void emptyChatSendsNothing() { QVERIFY(EngineCommands::chat(QString()).isEmpty()); }

    void chatLimits()
    {
        const QString full(EngineCommands::MaxChatBytes, u'x');
        QCOMPARE(EngineCommands::chat(full), QList<QByteArray>{full.toUtf8()});

        const QString over(EngineCommands::MaxChatBytes + 1, u'x');
        QCOMPARE(EngineCommands::chat(over), (QList<QByteArray>{QByteArray(127, 'x'), QByteArray("x")}));

        // The escape counts: 127 characters starting with '/' need 128 bytes.
        const QString slashed = u'/' + QString(EngineCommands::MaxChatBytes - 1, u'y');
        const QList<QByteArray> pieces = EngineCommands::chat(slashed);
        QCOMPARE(pieces, (QList<QByteArray>{"//" + QByteArray(125, 'y'), QByteArray("y")}));
    }

    void longAsciiWithoutSpaces()
    {
        const QString text(300, u'a');
        QCOMPARE(EngineCommands::chat(text),
                 (QList<QByteArray>{QByteArray(127, 'a'), QByteArray(127, 'a'), QByteArray(46, 'a')}));
    }

    void laterPiecesStartingWithSlashAreEscaped()
    {
        // Without the escape the second datagram would be the server command "/kill".
        const QString text = QString(127, u'x') + u"/kill"_s;
        QCOMPARE(EngineCommands::chat(text), (QList<QByteArray>{QByteArray(127, 'x'), QByteArray("//kill")}));

        // A cut after a space can also leave a piece that starts with '/'.
        const QString spaced = QString(100, u'x') + u' ' + u"/kill"_s + QString(100, u'y');
        const QList<QByteArray> pieces = EngineCommands::chat(spaced);
        QCOMPARE(pieces.size(), 2);
        QCOMPARE(pieces[0], QByteArray(100, 'x') + ' ');
        QCOMPARE(pieces[1], "//kill" + QByteArray(100, 'y'));
    }

    void splitsAtSpacesWhenPossible()
    {
        QStringList words;
        for (int i = 0; i < 60; ++i)
        {
            words.append(u"word"_s + QString::number(i));
        }
        const QString text = words.join(u' ');
        const QList<QByteArray> pieces = EngineCommands::chat(text);
        QVERIFY(pieces.size() > 1);
        QByteArray joined;
        for (qsizetype i = 0; i < pieces.size(); ++i)
        {
            QVERIFY(pieces[i].size() <= EngineCommands::MaxChatBytes);
            if (i + 1 < pieces.size())
            {
                QVERIFY2(pieces[i].endsWith(' ') || pieces[i + 1].startsWith(' '), pieces[i].constData());
                // Not cut earlier than needed: the longest word with its space is 7 bytes ("word59 ").
                QVERIFY(pieces[i].size() > EngineCommands::MaxChatBytes - 7);
            }
            joined += pieces[i];
        }
        QCOMPARE(joined, text.toUtf8());
    }

    void splitting_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("pieceCount");
        QTest::newRow("two-byte letters") << QString(100, u'ż') << 2;
        QTest::newRow("three-byte letters") << QString(100, u'€') << 3;
        QString emoji;
        for (int i = 0; i < 50; ++i)
        {
            emoji += u"😀"_s;
        }
        QTest::newRow("emoji") << emoji << 2;
        QTest::newRow("emoji after one letter") << u'a' + emoji << 2;
        QTest::newRow("emoji after a slash") << u'/' + emoji << 2;
        QTest::newRow("mixed") << (u"a€ż😀/"_s).repeated(30) << 3;
        QTest::newRow("slashes") << QString(300, u'/') << 3;
        QTest::newRow("slash after space") << (u"abc /d"_s).repeated(60) << 3;
    }

    void splitting()
    {
        QFETCH(QString, text);
        QFETCH(int, pieceCount);
        const QList<QByteArray> pieces = EngineCommands::chat(text);
        QCOMPARE(pieces.size(), pieceCount);
        QByteArray joined;
        for (const QByteArray &piece : pieces)
        {
            QVERIFY2(piece.size() <= EngineCommands::MaxChatBytes,
                     QByteArray::number(piece.size()).constData());
            QVERIFY(!piece.isEmpty());
            // Never a command: either no leading '/' or the "//" escape.
            QVERIFY(!piece.startsWith('/') || piece.startsWith("//"));
            QVERIFY2(isValidUtf8(shownText(piece)), piece.toHex().constData());
            joined += shownText(piece);
        }
        QCOMPARE(QString::fromUtf8(joined), text);
    }

    void commandVectors_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("datagram");
        // engine notes §3.4
        QTest::newRow("no arguments") << u"cmd"_s << QStringList() << QByteArray("/cmd");
        QTest::newRow("three arguments")
            << u"a"_s << QStringList{u"1"_s, u"2"_s, u"asd"_s} << QByteArray("/a 1 2 asd");
        QTest::newRow("last argument with spaces")
            << u"b"_s << QStringList{u"1"_s, u"2"_s, u"some text with stuff"_s}
            << QByteArray("/b 1 2 some text with stuff");
        QTest::newRow("mute") << u"mute"_s << QStringList{u"user1"_s, u"1"_s, u"0"_s}
                              << QByteArray("/mute user1 1 0");
        QTest::newRow("name characters")
            << u"set_max-speed2"_s << QStringList{u"1.5"_s} << QByteArray("/set_max-speed2 1.5");
        QTest::newRow("single slashes")
            << u"luarules"_s << QStringList{u"a/b"_s, u"c/d e/"_s} << QByteArray("/luarules a/b c/d e/");
        QTest::newRow("last argument with a tab")
            << u"say"_s << QStringList{u"a\tb"_s} << QByteArray("/say a\tb");
        QTest::newRow("utf-8") << u"say"_s << QStringList{u"Zażółć"_s} << u"/say Zażółć"_s.toUtf8();
    }

    void commandVectors()
    {
        QFETCH(QString, command);
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, datagram);
        const Result<QByteArray> built = EngineCommands::command(command, arguments);
        QVERIFY2(built.ok(), qPrintable(built.ok() ? QString() : built.error()));
        QCOMPARE(*built, datagram);
    }

    void rejectedCommands_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error");
        const QString badName = u"command: must match ^[a-z0-9_-]+$"_s;
        QTest::newRow("empty command") << QString() << QStringList() << badName;
        QTest::newRow("upper case") << u"Kick"_s << QStringList() << badName;
        QTest::newRow("space in command") << u"kick bob"_s << QStringList() << badName;
        QTest::newRow("slash in command") << u"/kill"_s << QStringList() << badName;
        QTest::newRow("non-ASCII command") << u"kęck"_s << QStringList() << badName;
        QTest::newRow("newline in command") << u"kill\n"_s << QStringList() << badName;
        QTest::newRow("empty first argument")
            << u"a"_s << QStringList{QString(), u"x"_s} << u"arguments[0]: must not be empty"_s;
        QTest::newRow("empty last argument")
            << u"a"_s << QStringList{u"x"_s, QString()} << u"arguments[1]: must not be empty"_s;
        QTest::newRow("space in non-last argument") << u"a"_s << QStringList{u"1"_s, u"two words"_s, u"x"_s}
                                                    << u"arguments[1]: must not contain white space"_s;
        QTest::newRow("tab in non-last argument")
            << u"a"_s << QStringList{u"a\tb"_s, u"x"_s} << u"arguments[0]: must not contain white space"_s;
        QTest::newRow("no-break space in non-last argument")
            << u"a"_s << QStringList{u"a\u00a0b"_s, u"x"_s}
            << u"arguments[0]: must not contain white space"_s;
        QTest::newRow("comment in non-last argument")
            << u"a"_s << QStringList{u"a//b"_s, u"x"_s} << u"arguments[0]: must not contain \"//\""_s;
        QTest::newRow("comment in last argument") << u"a"_s << QStringList{u"x"_s, u"y"_s, u"some // text"_s}
                                                  << u"arguments[2]: must not contain \"//\""_s;
        QTest::newRow("NUL") << u"a"_s << QStringList{QStringView(u"x\0y", 3).toString()}
                             << u"arguments[0]: must not contain NUL, CR or LF"_s;
        QTest::newRow("CR") << u"a"_s << QStringList{u"x\ry"_s}
                            << u"arguments[0]: must not contain NUL, CR or LF"_s;
        QTest::newRow("LF smuggling a second command") << u"luarules"_s << QStringList{u"x"_s, u"y\n/kill"_s}
                                                       << u"arguments[1]: must not contain NUL, CR or LF"_s;
    }

    void rejectedCommands()
    {
        QFETCH(QString, command);
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        const Result<QByteArray> built = EngineCommands::command(command, arguments);
        QVERIFY2(!built.ok(), built.ok() ? built->constData() : "");
        QCOMPARE(built.error(), error);
    }

    void fixedCommands()
    {
        QCOMPARE(EngineCommands::kill(), QByteArray("/kill"));
        QCOMPARE(EngineCommands::kickByNumber(3), QByteArray("/kickbynum 3"));
        QCOMPARE(EngineCommands::kickByNumber(250), QByteArray("/kickbynum 250"));
        QCOMPARE(EngineCommands::specByNumber(0), QByteArray("/specbynum 0"));
        QCOMPARE(EngineCommands::muteByNumber(3, true, false), QByteArray("/mutebynum 3 1 0"));
        QCOMPARE(EngineCommands::muteByNumber(4, false, true), QByteArray("/mutebynum 4 0 1"));
        QCOMPARE(EngineCommands::muteByNumber(5, false, false), QByteArray("/mutebynum 5 0 0"));
        // engine notes §3.4
        QCOMPARE(EngineCommands::addSpectator(u"user2"_s, u"pass123"_s),
                 QByteArray("/adduser user2 pass123 1"));
        QCOMPARE(EngineCommands::changePassword(u"user1"_s, u"pass123"_s),
                 QByteArray("/adduser user1 pass123"));
        QCOMPARE(EngineCommands::addSpectator(u"Zażółć"_s, u"pw"_s), u"/adduser Zażółć pw 1"_s.toUtf8());
    }
};

QTEST_GUILESS_MAIN(TestEngineCommands)
#include "tst_enginecommands.moc"
