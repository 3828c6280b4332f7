#include <QRandomGenerator>
#include <QTest>

#include "protocol/json.h"

// The JSON helpers every protocol path uses: walking a member that should be an array, writing a string as
// JSON text, serialising without throwing.
class TestJson : public QObject
{
    Q_OBJECT

private slots:
    // An array is walked in place: the very same value, not a copy of it.
    void arrayOrEmptyIsTheArrayItself()
    {
        const Json array = Json::array({1, "two", Json::object()});
        const Json &walked = arrayOrEmpty(array);
        QCOMPARE(&walked, &array);
    }

    void arrayOrEmptyOfAnythingElseIsEmpty()
    {
        for (const Json &value :
             {Json(), Json(1), Json("[1]"), Json::object({{"a", Json::array({1})}}), Json(true)})
        {
            const Json &walked = arrayOrEmpty(value);
            QVERIFY(walked.is_array());
            QVERIFY(walked.empty());
        }
    }

    // Appended after what the text holds, byte for byte as nlohmann writes the same string.
    void appendJsonStringAsNlohmannWritesIt()
    {
        QRandomGenerator random(20261123);
        const std::string special = std::string("\"\\\b\f\n\r\t\x01\x1f\x7f", 11);
        for (int round = 0; round < 2000; ++round)
        {
            std::string text;
            const int length = int(random.bounded(30));
            for (int i = 0; i < length; ++i)
            {
                text += random.bounded(3) == 0 ? special[random.bounded(int(special.size()))]
                                               : char(0x20 + random.bounded(0x5f));
            }
            std::string out = "[";
            appendJsonString(out, text);
            QVERIFY2(out == "[" + dumpJson(Json(text)), QByteArray::fromStdString(text).toHex().constData());
        }
    }

    void dumpJsonReplacesInvalidUtf8()
    {
        QCOMPARE(dumpJson(Json(std::string("caf\xe9"))), std::string("\"caf\xef\xbf\xbd\""));
        QCOMPARE(dumpJsonBytes(Json::object({{"a", 1}})), QByteArray(R"({"a":1})"));
    }
};

QTEST_GUILESS_MAIN(TestJson)
#include "tst_json.moc"
