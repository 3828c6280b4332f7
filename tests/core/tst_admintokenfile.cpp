#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "admin/admintokenfile.h"
#include "messagecapture.h"

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;

// The generated admin token: its form, the owner-only file it lives in, reused on the next run, and never
// in the log.
class TestAdminTokenFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    // Made in initTestCase: Qt Test installs its own message handler after the test object is made.
    std::unique_ptr<MessageCapture> m_messages;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_messages = std::make_unique<MessageCapture>();
    }

    void cleanupTestCase() { m_messages.reset(); }

    void generatesRandomBase64Url()
    {
        const QString first = AdminTokenFile::generate();
        const QString second = AdminTokenFile::generate();
        QCOMPARE(first.size(), 43);
        QVERIFY(QRegularExpression(u"^[A-Za-z0-9_-]{43}$"_s).match(first).hasMatch());
        const auto decoded = QByteArray::fromBase64Encoding(
            first.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        QVERIFY(decoded);
        QCOMPARE(decoded.decoded.size(), 32);
        QVERIFY(first != second);
    }

    void createdOwnerOnlyAndReused()
    {
        const QString path = AdminTokenFile::pathIn(m_dir.path());
        QCOMPARE(path, m_dir.filePath(u"admin-token"_s));
        QVERIFY(!QFile::exists(path));
        m_messages->take();

        const Result<QString> created = AdminTokenFile::readOrCreate(path);
        QVERIFY2(created, qPrintable(created ? QString() : created.error()));
        QCOMPARE(created->size(), 43);
        struct stat status = {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &status), 0);
        QCOMPARE(status.st_mode & 0777, mode_t(0600));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), created->toLatin1() + '\n');
        QStringList messages = m_messages->take();
        QVERIFY2(messages.join(u'\n').contains(u"admin token created in %1"_s.arg(path)),
                 qPrintable(messages.join(u'\n')));

        // The next run finds it.
        const Result<QString> read = AdminTokenFile::readOrCreate(path);
        QVERIFY(read);
        QCOMPARE(*read, *created);
        messages += m_messages->take();
        QVERIFY2(messages.join(u'\n').contains(u"admin token read from %1"_s.arg(path)),
                 qPrintable(messages.join(u'\n')));
        for (const QString &message : std::as_const(messages))
        {
            QVERIFY2(!message.contains(*created), qPrintable(message));
        }
    }

    void readsAHandWrittenToken()
    {
        const QString path = m_dir.filePath(u"handwritten"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("  my-own-token \r\n");
        file.close();
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        m_messages->take();
        const Result<QString> read = AdminTokenFile::readOrCreate(path);
        QVERIFY(read);
        QCOMPARE(*read, u"my-own-token"_s);
        QVERIFY(!m_messages->take().join(u'\n').contains(u"accessible to other users"_s));
    }

    void warnsWhenOthersCanRead()
    {
        const QString path = m_dir.filePath(u"shared"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("shared-token\n");
        file.close();
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ReadGroup | QFileDevice::ReadOther));
        m_messages->take();
        QVERIFY(AdminTokenFile::readOrCreate(path));
        const QString messages = m_messages->take().join(u'\n');
        QVERIFY2(messages.contains(u"%1 is accessible to other users"_s.arg(path)), qPrintable(messages));
        QVERIFY(!messages.contains(u"shared-token"_s));
    }

    void refusesAFileWithoutAToken_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("blank") << QByteArray(" \n\n");
        QTest::newRow("two lines") << QByteArray("one\ntwo\n");
    }

    void refusesAFileWithoutAToken()
    {
        QFETCH(QByteArray, content);
        const QString path = m_dir.filePath(u"broken"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
        file.close();
        const Result<QString> read = AdminTokenFile::readOrCreate(path);
        QVERIFY(!read);
        QVERIFY2(read.error().contains(path) && read.error().contains(u"delete the file"_s),
                 qPrintable(read.error()));
        // Not replaced behind the user's back.
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), content);
    }

    void failsWhereItCannotWrite()
    {
        const QString path = m_dir.filePath(u"missing/dir/admin-token"_s);
        const Result<QString> created = AdminTokenFile::readOrCreate(path);
        QVERIFY(!created);
        QVERIFY2(created.error().contains(u"cannot create the admin token file"_s),
                 qPrintable(created.error()));
    }
};

QTEST_GUILESS_MAIN(TestAdminTokenFile)
#include "tst_admintokenfile.moc"
