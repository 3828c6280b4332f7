#include <QTest>
#include <QUrlQuery>

#include "engine/enginerelease.h"
#include "protocol/json.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
const QString Version = u"105.1.1-2590-gb9462a0 BAR105"_s;

// A find API answer as the BAR CDN gives it.
Json release()
{
    return {
        {"filename", "spring_bar_.BAR105.105.1.1-2590-gb9462a0_linux-64-minimal-portable.7z"},
        {"springname", "105.1.1-2590-gb9462a0 BAR105"},
        {"md5", "0A1B2C3D4E5F60718293A4B5C6D7E8F9"},
        {"category", "engine_linux64"},
        {"version", "105.1.1-2590-gb9462a0"},
        {"path", "engine/linux64"},
        {"tags", Json::array({"BAR105"})},
        {"size", 24731034},
        {"timestamp", "2025-01-17T13:04:31.000Z"},
        {"mirrors", Json::array({"https://github.com/beyond-all-reason/spring/releases/download/x/engine.7z",
                                 "https://mirror.example.org/engine.7z"})},
        {"extra", "ignored"}};
}

QByteArray answer(const Json &first)
{
    return dumpJsonBytes(Json::array({first, release()}));
}

Json with(const char *field, const Json &value)
{
    Json changed = release();
    if (value.is_null())
    {
        changed.erase(field);
    }
    else
    {
        changed[field] = value;
    }
    return changed;
}
} // namespace

class TestEngineRelease : public QObject
{
    Q_OBJECT

private slots:
    void findUrl()
    {
        const QUrl url = EngineRelease::findUrl(QUrl(u"https://files-cdn.beyondallreason.dev"_s),
                                                u"engine_linux64"_s, u"2025.04.01+dev BAR105"_s);
        QCOMPARE(url.scheme(), u"https"_s);
        QCOMPARE(url.host(), u"files-cdn.beyondallreason.dev"_s);
        QCOMPARE(url.path(), u"/find"_s);
        const QUrlQuery query(url);
        QCOMPARE(query.queryItemValue(u"category"_s, QUrl::FullyDecoded), u"engine_linux64"_s);
        QCOMPARE(query.queryItemValue(u"springname"_s, QUrl::FullyDecoded), u"2025.04.01+dev BAR105"_s);
        // '+' must not reach the server as a form-encoded space.
        QVERIFY2(url.toEncoded().contains("springname=2025.04.01%2Bdev%20BAR105"),
                 url.toEncoded().constData());

        QCOMPARE(EngineRelease::findUrl(QUrl(u"http://cdn.test:8080/base/"_s), u"c"_s, u"1"_s).path(),
                 u"/base/find"_s);
        QCOMPARE(EngineRelease::findUrl(QUrl(u"http://cdn.test:8080/base"_s), u"c"_s, u"1"_s).path(),
                 u"/base/find"_s);
    }

    void platformCategory()
    {
#ifdef Q_OS_WIN
        QCOMPARE(EngineRelease::platformCategory(), u"engine_windows64"_s);
#else
        QCOMPARE(EngineRelease::platformCategory(), u"engine_linux64"_s);
#endif
    }

    void firstResultIsUsed()
    {
        const auto decoded = EngineRelease::fromFindResponse(answer(release()), Version);
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error()));
        QCOMPARE(decoded->springName, Version);
        QCOMPARE(decoded->fileName,
                 u"spring_bar_.BAR105.105.1.1-2590-gb9462a0_linux-64-minimal-portable.7z"_s);
        QCOMPARE(decoded->md5, u"0a1b2c3d4e5f60718293a4b5c6d7e8f9"_s);
        QCOMPARE(decoded->size, 24731034);
        QCOMPARE(decoded->mirrors.size(), 2);
        QCOMPARE(decoded->mirrors.first().host(), u"github.com"_s);
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error");
        QTest::newRow("not json") << QByteArray("<html>")
                                  << u"invalid release lookup payload: not a JSON array"_s;
        QTest::newRow("object") << dumpJsonBytes(release())
                                << u"invalid release lookup payload: not a JSON array"_s;
        QTest::newRow("empty") << QByteArray("[]") << u"no release found for engine "_s + Version;
        QTest::newRow("not an object")
            << QByteArray("[1]") << u"invalid release lookup payload: results must be objects"_s;
        QTest::newRow("no filename") << answer(with("filename", nullptr))
                                     << u"invalid release lookup payload: filename must be a string"_s;
        QTest::newRow("md5 number") << answer(with("md5", 5))
                                    << u"invalid release lookup payload: md5 must be a string"_s;
        QTest::newRow("md5 short") << answer(with("md5", "abc"))
                                   << u"invalid release lookup payload: md5 must be 32 hexadecimal digits"_s;
        QTest::newRow("md5 not hex")
            << answer(with("md5", "zz1b2c3d4e5f60718293a4b5c6d7e8f9"))
            << u"invalid release lookup payload: md5 must be 32 hexadecimal digits"_s;
        QTest::newRow("other version")
            << answer(with("springname", "2025.06.22"))
            << u"the CDN answered with engine 2025.06.22 when asked for "_s + Version;
        QTest::newRow("file name with directory")
            << answer(with("filename", "../engine.7z"))
            << u"invalid release lookup payload: unsafe file name \"../engine.7z\""_s;
        QTest::newRow("file name with slash")
            << answer(with("filename", "a/b.7z"))
            << u"invalid release lookup payload: unsafe file name \"a/b.7z\""_s;
        QTest::newRow("file name with backslash")
            << answer(with("filename", "a\\b.7z"))
            << u"invalid release lookup payload: unsafe file name \"a\\b.7z\""_s;
        QTest::newRow("hidden file name") << answer(with("filename", ".7z"))
                                          << u"invalid release lookup payload: unsafe file name \".7z\""_s;
        const QString badSize =
            u"invalid release lookup payload: size must be a whole number of bytes from 1 to 1099511627776"_s;
        QTest::newRow("no size") << answer(with("size", nullptr)) << badSize;
        QTest::newRow("negative size") << answer(with("size", -1)) << badSize;
        QTest::newRow("zero size") << answer(with("size", 0)) << badSize;
        QTest::newRow("fractional size") << answer(with("size", 1.5)) << badSize;
        QTest::newRow("size as text") << answer(with("size", "100")) << badSize;
        QTest::newRow("size beyond 1 TiB") << answer(with("size", (qint64(1) << 40) + 1)) << badSize;
        QTest::newRow("size beyond 64 bits")
            << answer(with("size", Json(std::numeric_limits<quint64>::max()))) << badSize;
        QTest::newRow("mirrors missing") << answer(with("mirrors", nullptr))
                                         << u"invalid release lookup payload: mirrors must be an array"_s;
        QTest::newRow("mirror not text") << answer(with("mirrors", Json::array({1})))
                                         << u"invalid release lookup payload: mirrors must be strings"_s;
        QTest::newRow("no mirrors") << answer(with("mirrors", Json::array()))
                                    << u"no mirror found for engine "_s + Version;
        QTest::newRow("only unusable mirrors")
            << answer(with("mirrors", Json::array({"ftp://x.org/e.7z", "file:///etc/passwd", "not a url"})))
            << u"no mirror found for engine "_s + Version;
    }

    void refused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        const auto decoded = EngineRelease::fromFindResponse(body, Version);
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error(), error);
    }

    void unusableMirrorsAreSkipped()
    {
        const auto decoded = EngineRelease::fromFindResponse(
            answer(with("mirrors", Json::array({"ftp://x.org/e.7z", "http://mirror.test/e.7z"}))), Version);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->mirrors, QList<QUrl>{QUrl(u"http://mirror.test/e.7z"_s)});
    }
};

QTEST_GUILESS_MAIN(TestEngineRelease)
#include "tst_enginerelease.moc"
