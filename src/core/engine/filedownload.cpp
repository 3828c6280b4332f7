#include "engine/filedownload.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::Literals::StringLiterals;

FileDownload::Error FileDownload::classify(int status, int networkError)
{
    if (status >= 400)
    {
        return status >= 500 || status == 408 || status == 429 ? Error::Transient : Error::Permanent;
    }
    switch (networkError)
    {
    case QNetworkReply::NoError:
        return Error::None;
    // Redirects that were refused (to another scheme, from https to http, or in a loop) will be refused
    // again.
    case QNetworkReply::InsecureRedirectError:
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
        return Error::Permanent;
    default:
        return Error::Transient;
    }
}

FileDownload::FileDownload(QNetworkAccessManager *network, const QUrl &url, const QString &filePath,
                           const Limits &limits, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_url(url)
    , m_file(filePath)
    , m_limits(limits)
{
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(limits.timeoutMs);
    connect(&m_deadline, &QTimer::timeout, this,
            [this]
            {
                m_timeoutReason = u"the download took longer than %1 s"_s.arg(m_limits.timeoutMs / 1000.0);
                if (m_reply)
                {
                    m_reply->abort();
                }
            });
}

FileDownload::~FileDownload()
{
    abort();
}

void FileDownload::start()
{
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
    {
        // Reported from the event loop, like every other outcome, so callers can connect after start().
        QTimer::singleShot(0, this,
                           [this] {
                               finish(Error::Permanent,
                                      u"cannot write %1: %2"_s.arg(m_file.fileName(), m_file.errorString()));
                           });
        return;
    }
    QNetworkRequest request(m_url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    // Inactivity timeout: Qt aborts the transfer when no data moves for this long.
    request.setTransferTimeout(m_limits.stallTimeoutMs);
    m_reply = m_network->get(request);
    // Read as it arrives so the reply never buffers the whole archive.
    m_reply->setReadBufferSize(256 * 1024);
    connect(m_reply, &QNetworkReply::readyRead, this, &FileDownload::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &FileDownload::onFinished);
    connect(m_reply, &QNetworkReply::downloadProgress, this,
            [this](qint64, qint64 total) { emit progress(m_received, total > 0 ? total : -1); });
    m_deadline.start();
}

void FileDownload::abort()
{
    m_done = true;
    m_deadline.stop();
    if (m_reply)
    {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    m_file.close();
}

void FileDownload::onReadyRead()
{
    // An aborted reply (transfer timeout) is closed and has nothing left to read.
    if (m_done || !m_reply || !m_reply->isOpen())
    {
        return;
    }
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 400)
    {
        // An error page is not the file, and need not be read to the end.
        finish(classify(status, m_reply->error()), u"HTTP status %1"_s.arg(status));
        return;
    }
    const QByteArray chunk = m_reply->readAll();
    m_received += chunk.size();
    if (m_limits.maxBytes >= 0 && m_received > m_limits.maxBytes)
    {
        finish(Error::Permanent, u"the server sent more than the expected %1 bytes"_s.arg(m_limits.maxBytes));
        return;
    }
    m_hash.addData(chunk);
    if (m_file.write(chunk) != chunk.size())
    {
        finish(Error::Permanent, u"cannot write %1: %2"_s.arg(m_file.fileName(), m_file.errorString()));
    }
}

void FileDownload::onFinished()
{
    if (m_done || !m_reply)
    {
        return;
    }
    onReadyRead();
    if (m_done)
    {
        return;
    }
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError networkError = m_reply->error();
    if (!m_timeoutReason.isEmpty())
    {
        finish(Error::Transient, m_timeoutReason);
    }
    else if (networkError == QNetworkReply::OperationCanceledError)
    {
        // Qt's transfer timeout ends a stalled reply this way.
        finish(Error::Transient, u"no data arrived for %1 s"_s.arg(m_limits.stallTimeoutMs / 1000.0));
    }
    else if (status >= 400)
    {
        finish(classify(status, networkError), u"HTTP status %1"_s.arg(status));
    }
    else if (networkError != QNetworkReply::NoError)
    {
        finish(classify(status, networkError), m_reply->errorString());
    }
    else if (!m_file.flush())
    {
        finish(Error::Permanent, u"cannot write %1: %2"_s.arg(m_file.fileName(), m_file.errorString()));
    }
    else
    {
        finish(Error::None, {});
    }
}

void FileDownload::finish(Error error, const QString &message)
{
    if (m_done)
    {
        return;
    }
    m_error = error;
    m_digest = m_hash.result();
    abort();
    emit finished(error == Error::None ? succeeded() : Status(fail(message)));
}
