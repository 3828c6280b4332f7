#include <QCryptographicHash>
#include <QFile>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "engine/filedownload.h"
#include "testhttpserver.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
QByteArray pattern(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
    {
        data[i] = char((i * 7919) % 251);
    }
    return data;
}
} // namespace

// FileDownload against a local HTTP server: streamed to a file with its MD5, and every way a download fails.
class TestFileDownload : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    TestHttpServer m_server;

    struct Outcome
    {
        Status result = succeeded();
        FileDownload::Error error = FileDownload::Error::None;
        QString md5;
        qint64 received = 0;
        QList<QPair<qint64, qint64>> progress;
    };

    Outcome run(const QString &path, const FileDownload::Limits &limits = {})
    {
        FileDownload download(&m_network, m_server.url(path), m_dir.filePath(u"file.bin"_s), limits);
        Outcome outcome;
        connect(&download, &FileDownload::progress, this,
                [&](qint64 received, qint64 total) {
                    outcome.progress.append({received, total});
                });
        const std::optional<Status> result = startAndWait(download);
        outcome.result = result.value_or(fail(u"no finished signal"_s));
        outcome.error = download.error();
        outcome.md5 = download.md5();
        outcome.received = download.bytesReceived();
        return outcome;
    }

    // The result of finished(), or nothing when it did not come within the time.
    static std::optional<Status> startAndWait(FileDownload &download, int timeoutMs = 20000)
    {
        std::optional<Status> result;
        QObject context;
        connect(&download, &FileDownload::finished, &context, [&](const Status &status) { result = status; });
        download.start();
        return QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs) ? result : std::nullopt;
    }

    QByteArray written() const
    {
        QFile file(m_dir.filePath(u"file.bin"_s));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.listen());
    }

    void streamsToTheFileWithItsMd5()
    {
        const QByteArray body = pattern(3 * 1024 * 1024 + 17);
        TestHttpServer::Response response;
        response.body = body;
        response.chunkSize = 256 * 1024;
        m_server.setResponse(u"/big"_s, response);
        const Outcome outcome = run(u"/big"_s);
        QVERIFY2(outcome.result.ok(), outcome.result.ok() ? "" : qPrintable(outcome.result.error()));
        QCOMPARE(outcome.error, FileDownload::Error::None);
        QCOMPARE(written(), body);
        QCOMPARE(outcome.received, body.size());
        QCOMPARE(outcome.md5,
                 QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Md5).toHex()));
        // Progress rises to the whole size, with the total from Content-Length.
        QVERIFY(outcome.progress.size() >= 2);
        for (qsizetype i = 1; i < outcome.progress.size(); ++i)
        {
            QVERIFY(outcome.progress.at(i).first >= outcome.progress.at(i - 1).first);
        }
        QCOMPARE(outcome.progress.constLast(), (QPair<qint64, qint64>{body.size(), body.size()}));
    }

    void bodyWithoutLength()
    {
        TestHttpServer::Response response;
        response.body = pattern(100000);
        response.sendLength = false;
        m_server.setResponse(u"/nolength"_s, response);
        const Outcome outcome = run(u"/nolength"_s);
        QVERIFY(outcome.result.ok());
        QCOMPARE(written(), response.body);
    }

    void statusErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<FileDownload::Error>("error");
        QTest::newRow("404") << 404 << FileDownload::Error::Permanent;
        QTest::newRow("403") << 403 << FileDownload::Error::Permanent;
        QTest::newRow("429") << 429 << FileDownload::Error::Transient;
        QTest::newRow("500") << 500 << FileDownload::Error::Transient;
        QTest::newRow("503") << 503 << FileDownload::Error::Transient;
    }

    void statusErrors()
    {
        QFETCH(int, status);
        QFETCH(FileDownload::Error, error);
        TestHttpServer::Response response;
        response.status = status;
        response.body = "error page";
        m_server.setResponse(u"/status"_s, response);
        const Outcome outcome = run(u"/status"_s);
        QVERIFY(!outcome.result.ok());
        QCOMPARE(outcome.result.error(), u"HTTP status %1"_s.arg(status));
        QCOMPARE(outcome.error, error);
        QVERIFY(!written().contains("error page")); // the error page is not the file
    }

    void stallFails()
    {
        TestHttpServer::Response response;
        response.body = pattern(50000);
        response.stallAfter = 1000;
        m_server.setResponse(u"/stall"_s, response);
        FileDownload::Limits limits;
        limits.stallTimeoutMs = 500;
        const Outcome outcome = run(u"/stall"_s, limits);
        QCOMPARE(outcome.result.ok() ? QString() : outcome.result.error(), u"no data arrived for 0.5 s"_s);
        QCOMPARE(outcome.error, FileDownload::Error::Transient);
    }

    void overallTimeout()
    {
        TestHttpServer::Response response;
        response.body = pattern(50000);
        response.chunkSize = 500;
        response.chunkDelayMs = 50;
        m_server.setResponse(u"/slow"_s, response);
        FileDownload::Limits limits;
        limits.timeoutMs = 600;
        limits.stallTimeoutMs = 500;
        const Outcome outcome = run(u"/slow"_s, limits);
        QCOMPARE(outcome.result.ok() ? QString() : outcome.result.error(),
                 u"the download took longer than 0.6 s"_s);
        QCOMPARE(outcome.error, FileDownload::Error::Transient);
        QVERIFY(outcome.received > 0);
    }

    void tooLarge()
    {
        TestHttpServer::Response response;
        response.body = pattern(200000);
        response.chunkSize = 10000;
        m_server.setResponse(u"/large"_s, response);
        FileDownload::Limits limits;
        limits.maxBytes = 50000;
        const Outcome outcome = run(u"/large"_s, limits);
        QCOMPARE(outcome.result.ok() ? QString() : outcome.result.error(),
                 u"the server sent more than the expected 50000 bytes"_s);
        QCOMPARE(outcome.error, FileDownload::Error::Permanent);
        QVERIFY(written().size() <= 50000);
    }

    void connectionRefused()
    {
        // A port that was just free: nothing listens on it.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QUrl url(u"http://127.0.0.1:%1/x"_s.arg(probe.serverPort()));
        probe.close();
        FileDownload download(&m_network, url, m_dir.filePath(u"file.bin"_s), {});
        const auto result = startAndWait(download);
        QVERIFY(result && !result->ok());
        QCOMPARE(download.error(), FileDownload::Error::Transient);
    }

    void unwritableFile()
    {
        TestHttpServer::Response response;
        response.body = "x";
        m_server.setResponse(u"/x"_s, response);
        FileDownload download(&m_network, m_server.url(u"/x"_s), m_dir.filePath(u"missing/dir/file.bin"_s),
                              {});
        const auto result = startAndWait(download, 5000);
        QVERIFY(result && !result->ok());
        QVERIFY2(result->error().startsWith(u"cannot write "_s), qPrintable(result->error()));
        QCOMPARE(download.error(), FileDownload::Error::Permanent);
    }

    void abortIsSilent()
    {
        TestHttpServer::Response response;
        response.body = pattern(50000);
        response.stallAfter = 100;
        m_server.setResponse(u"/abort"_s, response);
        FileDownload download(&m_network, m_server.url(u"/abort"_s), m_dir.filePath(u"file.bin"_s), {});
        bool finished = false;
        connect(&download, &FileDownload::finished, this, [&] { finished = true; });
        download.start();
        QTRY_VERIFY(m_server.requestCount(u"/abort"_s) == 1);
        download.abort();
        QTest::qWait(300);
        QVERIFY(!finished);
    }
};

QTEST_GUILESS_MAIN(TestFileDownload)
#include "tst_filedownload.moc"
