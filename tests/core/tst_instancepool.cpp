#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include "battles/instancepool.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
const QStringList Files = {u"script.txt"_s, u"springsettings.cfg"_s, u"engine.log"_s};

QStringList prepared(const InstancePool &pool)
{
    return QDir(pool.directory()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
}
} // namespace

class TestInstancePool : public QObject
{
    Q_OBJECT

private slots:
    void refillPreparesDirectoriesWithEmptyOwnerOnlyFiles()
    {
        QTemporaryDir dir;
        InstancePool pool(dir.path(), Files, 3);
        QCOMPARE(pool.ready(), 0);
        QVERIFY(pool.refill());
        QCOMPARE(pool.ready(), 3);
        QCOMPARE(pool.directory(), dir.filePath(u".prepared"_s));
        const QStringList names = prepared(pool);
        QCOMPARE(names.size(), 3);
        for (const QString &name : names)
        {
            const QDir instance(pool.directory() + u'/' + name);
            QCOMPARE(instance.entryList(QDir::Files, QDir::Name),
                     (QStringList{u"engine.log"_s, u"script.txt"_s, u"springsettings.cfg"_s}));
            for (const QString &file : Files)
            {
                const QFileInfo info(instance.filePath(file));
                QCOMPARE(info.size(), 0);
                QCOMPARE(info.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                         QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            }
        }
        // Full: nothing more is made.
        QVERIFY(pool.refill());
        QCOMPARE(prepared(pool).size(), 3);
    }

    void takeMovesAPreparedDirectoryIntoPlace()
    {
        QTemporaryDir dir;
        InstancePool pool(dir.path(), Files, 2);
        QVERIFY(pool.refill());
        const QString battle = dir.filePath(u"battle-1"_s);
        QVERIFY(pool.take(battle));
        QCOMPARE(pool.ready(), 1);
        QCOMPARE(prepared(pool).size(), 1);
        for (const QString &file : Files)
        {
            QVERIFY2(QFileInfo::exists(battle + u'/' + file), qPrintable(file));
        }
        QVERIFY(pool.take(dir.filePath(u"battle-2"_s)));
        QCOMPARE(pool.ready(), 0);
        // None left: the caller makes its own.
        QVERIFY(!pool.take(dir.filePath(u"battle-3"_s)));
        QVERIFY(!QFileInfo::exists(dir.filePath(u"battle-3"_s)));
        QVERIFY(pool.refill());
        QCOMPARE(pool.ready(), 2);
    }

    void aTakenPathIsLeftAloneAndTheDirectoryKept()
    {
        QTemporaryDir dir;
        InstancePool pool(dir.path(), Files, 1);
        QVERIFY(pool.refill());
        const QString battle = dir.filePath(u"battle"_s);
        QVERIFY(QDir().mkpath(battle));
        QFile existing(battle + u"/notes.txt"_s);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("kept");
        existing.close();
        QVERIFY(!pool.take(battle));
        QCOMPARE(QDir(battle).entryList(QDir::Files), QStringList{u"notes.txt"_s});
        QCOMPARE(prepared(pool).size(), 1);
        QCOMPARE(pool.ready(), 1);
        QVERIFY(pool.take(dir.filePath(u"another"_s)));
    }

    void directoriesOfAnEarlierRunAreUsedAndMadeWhole()
    {
        QTemporaryDir dir;
        {
            InstancePool earlier(dir.path(), Files, 2);
            QVERIFY(earlier.refill());
        }
        // One lost a file (the autohost stopped while making it).
        const QString broken =
            dir.filePath(u".prepared/"_s) + prepared(InstancePool(dir.path(), Files)).first();
        QVERIFY(QFile::remove(broken + u"/engine.log"_s));

        InstancePool pool(dir.path(), Files, 2);
        QVERIFY(pool.refill());
        QCOMPARE(pool.ready(), 2);
        QCOMPARE(prepared(pool).size(), 2);
        QVERIFY(QFileInfo::exists(broken + u"/engine.log"_s));
    }

    void aDirectoryThatCannotBeWrittenPreparesNothing()
    {
        QTemporaryDir dir;
        // A file where the instances directory should be.
        QFile blocker(dir.filePath(u"instances"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        InstancePool pool(dir.filePath(u"instances"_s), Files, 2);
        QVERIFY(!pool.refill());
        QCOMPARE(pool.ready(), 0);
        QVERIFY(!pool.take(dir.filePath(u"battle"_s)));
    }

    void prepareNeverClaimsADirectoryThatWasRemoved()
    {
        QTemporaryDir dir;
        InstancePool pool(dir.path(), Files, 2);
        QVERIFY(pool.refill());
        // Someone cleaned up by hand.
        QVERIFY(QDir(pool.directory()).removeRecursively());
        QVERIFY(!pool.take(dir.filePath(u"battle"_s)));
        QCOMPARE(pool.ready(), 0);
        QVERIFY(pool.refill());
        QVERIFY(pool.take(dir.filePath(u"battle"_s)));
    }
};

QTEST_GUILESS_MAIN(TestInstancePool)
#include "tst_instancepool.moc"
