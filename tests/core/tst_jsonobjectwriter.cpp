#include <QRandomGenerator>
#include <QTest>

#include "protocol/jsonobjectwriter.h"

using namespace Qt::Literals::StringLiterals;

// The writer against nlohmann's own: for the same members the text must be the same, byte for byte, or
// updates written by one and by the other would differ.
class TestJsonObjectWriter : public QObject
{
    Q_OBJECT

private:
    static std::string expectedString(std::string_view key, const std::string &text)
    {
        return dumpJson(Json{{std::string(key), text}});
    }

private slots:
    void stringsAsNlohmannWritesThem_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("plain") << "gl hf"_ba;
        QTest::newRow("quotes and backslashes") << R"(say "hi" \o/)"_ba;
        QTest::newRow("named escapes") << "a\bb\fc\nd\re\tf"_ba;
        QTest::newRow("other controls") << QByteArray("\x00\x01\x1f\x7f", 4);
        QTest::newRow("valid UTF-8") << "café Ωmega 日本 🎮"_ba;
        QTest::newRow("invalid byte") << "caf\xe9"_ba;
        QTest::newRow("cut sequence at the end") << "ok\xe6\x97"_ba;
        QTest::newRow("cut sequence inside") << "a\xe6\x97z"_ba;
        QTest::newRow("overlong") << "\xc0\xaf"_ba;
        QTest::newRow("surrogate") << "\xed\xa0\x80"_ba;
        QTest::newRow("beyond U+10FFFF") << "\xf4\x90\x80\x80"_ba;
        QTest::newRow("lone continuation") << "\x80\xbf"_ba;
    }

    void stringsAsNlohmannWritesThem()
    {
        QFETCH(QByteArray, text);
        const std::string value = text.toStdString();
        QCOMPARE(JsonObjectWriter().add("message", value).take(), expectedString("message", value));
    }

    // Random bytes, weighted towards the ones that need care (controls, quotes, bytes above 0x7f).
    void randomTextAsNlohmannWritesIt()
    {
        QRandomGenerator random(20261122);
        const std::string special =
            std::string("\"\\\b\f\n\r\t\x01\x1f\x7f", 11) + "\xc3\xa9\xe6\x97\xa5\xf0\x9f\x8e\xae";
        for (int round = 0; round < 5000; ++round)
        {
            std::string text;
            const int length = int(random.bounded(40));
            for (int i = 0; i < length; ++i)
            {
                switch (random.bounded(4))
                {
                case 0:
                    text += char(random.bounded(256));
                    break;
                case 1:
                    text += special[random.bounded(int(special.size()))];
                    break;
                default:
                    text += char('a' + random.bounded(26));
                }
            }
            const std::string written = JsonObjectWriter().add("m", text).take();
            QVERIFY2(written == expectedString("m", text),
                     QByteArray::fromStdString(text).toHex().constData());
        }
    }

    // A QString member is its UTF-8 as toUtf8 gives it, lone surrogates included.
    void qstringsAsTheirUtf8_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("long ASCII") << QString(300, u'x');
        QTest::newRow("digits after a longer text") << u"123456"_s;
        QTest::newRow("non-ASCII") << u"Ærø 日本 🎮 \"q\""_s;
        QTest::newRow("lone high surrogate at the end") << (u"ab"_s + QChar(0xd800));
        QTest::newRow("lone low surrogate inside") << (u"a"_s + QChar(0xdc00) + u"b"_s);
        QTest::newRow("long") << QString(300, QChar(0x00e9));
    }

    void qstringsAsTheirUtf8()
    {
        QFETCH(QString, text);
        const std::string expected = JsonObjectWriter().add("userId", text.toUtf8().toStdString()).take();
        QCOMPARE(JsonObjectWriter().add("userId", text).take(), expected);
        // Again, after a longer text may have used the same buffer.
        QCOMPARE(JsonObjectWriter().add("userId", text).take(), expected);
    }

    void membersInOrderWithNumbersAndJson()
    {
        const std::string written = JsonObjectWriter()
                                        .add("type", "finished")
                                        .add("userId", u"Ærø \"1\""_s)
                                        .add("zero", 0)
                                        .add("negative", qint64(-42))
                                        .add("largest", std::numeric_limits<qint64>::max())
                                        .add("smallest", std::numeric_limits<qint64>::min())
                                        .addJson("winningAllyTeams", "[0,2]")
                                        .take();
        const Json expected = {{"type", "finished"},
                               {"userId", "Ærø \"1\""},
                               {"zero", 0},
                               {"negative", -42},
                               {"largest", std::numeric_limits<qint64>::max()},
                               {"smallest", std::numeric_limits<qint64>::min()},
                               {"winningAllyTeams", {0, 2}}};
        QCOMPARE(written, dumpJson(expected));
    }

    void anEmptyObject() { QCOMPARE(JsonObjectWriter().take(), std::string("{}")); }
};

QTEST_GUILESS_MAIN(TestJsonObjectWriter)
#include "tst_jsonobjectwriter.moc"
