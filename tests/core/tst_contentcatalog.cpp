#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "local/contentcatalog.h"
#include "testcontent.h"

using namespace Qt::Literals::StringLiterals;

// The host's games and maps: read only when first asked for, then only when asked again.
class TestContentCatalog : public QObject
{
    Q_OBJECT

private:
    static bool writeGame(const QString &dataDir, const QByteArray &name)
    {
        QFile modinfo(dataDir + u"/games/"_s + QString::fromLatin1(name) + u".sdd/modinfo.lua"_s);
        return QDir().mkpath(dataDir + u"/games/"_s + QString::fromLatin1(name) + u".sdd"_s) &&
               modinfo.open(QIODevice::WriteOnly) &&
               modinfo.write("return { name = \"" + name + "\", version = \"3\" }\n") > 0;
    }

private slots:
    void readsOnlyWhenAsked()
    {
        QTemporaryDir data;
        QVERIFY(TestContent::write(data.path()));
        ContentCatalog catalog({data.path()});
        QSignalSpy changed(&catalog, &ContentCatalog::changed);
        QTest::qWait(200);
        QVERIFY(!catalog.scanning());
        QVERIFY(catalog.games().isEmpty());
        QCOMPARE(changed.count(), 0);

        catalog.scanOnce();
        QVERIFY(catalog.scanning());
        QCOMPARE(changed.count(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!catalog.scanning(), 10000);
        // The end of the scan is one change, with its result.
        QCOMPARE(changed.count(), 2);
        QVERIFY(catalog.games().contains(QString::fromLatin1(TestContent::GameName)));
        QVERIFY(catalog.maps().contains(QString::fromLatin1(TestContent::MapName)));
    }

    void scanOnceScansOnceAndScanAgain()
    {
        QTemporaryDir data;
        ContentCatalog catalog({data.path()});
        catalog.scanOnce();
        QTRY_VERIFY_WITH_TIMEOUT(!catalog.scanning(), 10000);
        QVERIFY(!catalog.games().contains(u"Later 3"_s));
        QVERIFY(writeGame(data.path(), "Later"));

        QSignalSpy changed(&catalog, &ContentCatalog::changed);
        catalog.scanOnce();
        QVERIFY(!catalog.scanning());
        QTest::qWait(200);
        QCOMPARE(changed.count(), 0);
        QVERIFY(!catalog.games().contains(u"Later 3"_s));

        catalog.scan();
        QVERIFY(catalog.scanning());
        QTRY_VERIFY_WITH_TIMEOUT(!catalog.scanning(), 10000);
        QVERIFY(catalog.games().contains(u"Later 3"_s));
        QCOMPARE(changed.count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestContentCatalog)
#include "tst_contentcatalog.moc"
