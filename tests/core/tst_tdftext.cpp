#include <QTest>

#include "protocol/tdftext.h"

using namespace Qt::Literals::StringLiterals;

class TestTdfText : public QObject
{
    Q_OBJECT

private slots:
    void values_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("safe");
        QTest::newRow("plain") << u"Beyond All Reason test-123"_s << true;
        QTest::newRow("brackets") << u"[25]"_s << true;
        QTest::newRow("empty") << QString() << true;
        QTest::newRow("unicode") << u"Zażółć"_s << true;
        QTest::newRow("comment-like") << u"a // b /* c"_s << true;
        QTest::newRow("semicolon") << u"a;b"_s << false;
        QTest::newRow("quote") << u"a\"b"_s << false;
        QTest::newRow("open brace") << u"a{b"_s << false;
        QTest::newRow("close brace") << u"}"_s << false;
        QTest::newRow("long bracket close") << u"x]]y"_s << false;
        QTest::newRow("newline") << u"a\nb"_s << false;
        QTest::newRow("carriage return") << u"a\rb"_s << false;
        QTest::newRow("tab") << u"a\tb"_s << false;
        QTest::newRow("nul") << QString(QChar(0)) << false;
        QTest::newRow("line separator") << QString(QChar(0x2028)) << false;
        QTest::newRow("leading space") << u" a"_s << false;
        QTest::newRow("trailing space") << u"a "_s << false;
    }

    void values()
    {
        QFETCH(QString, value);
        QFETCH(bool, safe);
        QCOMPARE(!TdfText::valueProblem(value).has_value(), safe);
    }

    void keys_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("safe");
        QTest::newRow("simple") << u"deathmode"_s << true;
        QTest::newRow("mixed") << u"Start_metal-2"_s << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("space") << u"a b"_s << false;
        QTest::newRow("equals") << u"a=b"_s << false;
        QTest::newRow("section") << u"[GAME]"_s << false;
        QTest::newRow("dot") << u"a.b"_s << false;
        QTest::newRow("too long") << QString(65, u'k') << false;
    }

    void keys()
    {
        QFETCH(QString, key);
        QFETCH(bool, safe);
        QCOMPARE(!TdfText::keyProblem(key).has_value(), safe);
    }

    void tokens_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<bool>("safe");
        QTest::newRow("name") << u"[teh]Player_1"_s << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("space") << u"two words"_s << false;
        QTest::newRow("double slash") << u"a//b"_s << false;
        QTest::newRow("semicolon") << u"a;b"_s << false;
        QTest::newRow("no-break space") << u"a\u00a0b"_s << false;
    }

    void tokens()
    {
        QFETCH(QString, token);
        QFETCH(bool, safe);
        QCOMPARE(!TdfText::tokenProblem(token).has_value(), safe);
    }

    void problemsExplainThemselves()
    {
        QCOMPARE(TdfText::valueProblem(u"a;b").value(), u"must not contain ';'"_s);
        QCOMPARE(TdfText::tokenProblem(u"a b").value(), u"must not contain white space"_s);
    }
};

QTEST_GUILESS_MAIN(TestTdfText)
#include "tst_tdftext.moc"
