#pragma once

#include <QCryptographicHash>
#include <QFile>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include "util/result.h"

class QNetworkAccessManager;
class QNetworkReply;

// One HTTP download streamed to a file (never held in memory) with an MD5 digest computed on the way. It
// fails when the server answers an error status, when no byte arrives for stallTimeoutMs, when the whole
// transfer takes longer than timeoutMs, or when more than maxBytes arrive. Reports through signals;
// finished() comes exactly once (not after abort()).
class FileDownload : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        int timeoutMs = 600000;
        int stallTimeoutMs = 60000;
        qint64 maxBytes = -1; // -1: no limit
    };

    enum class Error
    {
        None,
        Transient, // worth another attempt: network errors, timeouts, 5xx, 408, 429
        Permanent, // another attempt would fail the same way: other 4xx, local file errors, too large
    };

    // Whether another attempt may help, from the HTTP status (0: none) and Qt's network error.
    static Error classify(int status, int networkError);

    FileDownload(QNetworkAccessManager *network, const QUrl &url, const QString &filePath,
                 const Limits &limits, QObject *parent = nullptr);
    ~FileDownload() override;

    void start();
    // Stops without finished(); the partial file is left for the caller to remove.
    void abort();

    QUrl url() const { return m_url; }
    qint64 bytesReceived() const { return m_received; }
    // Lower-case hex MD5 of the bytes received, once finished.
    QString md5() const { return QString::fromLatin1(m_digest.toHex()); }
    Error error() const { return m_error; }

signals:
    // total is -1 while the server has not said.
    void progress(qint64 received, qint64 total);
    void finished(const Status &result);

private:
    void onReadyRead();
    void onFinished();
    void finish(Error error, const QString &message);

    QNetworkAccessManager *m_network;
    QUrl m_url;
    QFile m_file;
    Limits m_limits;
    QPointer<QNetworkReply> m_reply;
    QCryptographicHash m_hash{QCryptographicHash::Md5};
    QByteArray m_digest;
    QTimer m_deadline;
    qint64 m_received = 0;
    Error m_error = Error::None;
    QString m_timeoutReason;
    bool m_done = false;
};
