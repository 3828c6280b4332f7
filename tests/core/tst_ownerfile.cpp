#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "util/ownerfile.h"

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;

// Files with secrets: owner-only whatever the umask, replaced whole.
class TestOwnerFile : public QObject
{
    Q_OBJECT

private:
    static QByteArray read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
    }

private slots:
    void writesOwnerOnlyWhateverTheUmask()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"secret"_s);
        const mode_t previous = ::umask(0);
        const Status written = writeOwnerOnlyFile(path, "token\n");
        ::umask(previous);
        QVERIFY2(written, written ? "" : qPrintable(written.error()));
        QCOMPARE(read(path), QByteArray("token\n"));
        QCOMPARE(QFile::permissions(path), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                               QFileDevice::ReadUser | QFileDevice::WriteUser);
    }

    void replacesAnOpenFileAndTightensItsPermissions()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"secret"_s);
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("a longer old content");
        old.close();
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ReadOther | QFileDevice::ReadGroup));
        QVERIFY(old.open(QIODevice::ReadOnly));
        QVERIFY(writeOwnerOnlyFile(path, "new"));
        // The reader of the old file still reads it whole: the new one replaced it, not overwrote it.
        QCOMPARE(old.readAll(), QByteArray("a longer old content"));
        QCOMPARE(read(path), QByteArray("new"));
        QVERIFY(!(QFile::permissions(path) & (QFileDevice::ReadOther | QFileDevice::ReadGroup)));
    }

    void failsWithTheReason()
    {
        QTemporaryDir dir;
        const Status written = writeOwnerOnlyFile(dir.filePath(u"missing/secret"_s), "x");
        QVERIFY(!written);
        QVERIFY(!written.error().isEmpty());
        QVERIFY(!QFile::exists(dir.filePath(u"missing/secret"_s)));
    }
};

QTEST_GUILESS_MAIN(TestOwnerFile)
#include "tst_ownerfile.moc"
