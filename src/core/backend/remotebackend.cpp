#include "backend/remotebackend.h"

#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QWebSocket>

#include "backend/streamframe.h"
#include "logging.h"

using namespace Qt::Literals::StringLiterals;

QUrl RemoteBackend::Settings::streamUrl() const
{
    QUrl url;
    url.setScheme(tls ? u"wss"_s : u"ws"_s);
    url.setHost(host);
    url.setPort(port);
    url.setPath(u"/api/v1/stream"_s);
    return url;
}

RemoteBackend::RemoteBackend(const Settings &settings, QObject *parent)
    : AutohostBackend(parent)
    , m_settings(settings)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &RemoteBackend::connectNow);
    m_attachTimer.setSingleShot(true);
    m_attachTimer.setInterval(DefaultAttachTimeout);
    connect(&m_attachTimer, &QTimer::timeout, this,
            [this]
            {
                m_socketError = tr("no answer within %n second(s)", "", m_attachTimer.interval() / 1000);
                noteFailure();
            });
}

RemoteBackend::~RemoteBackend()
{
    // Whoever waits for an answer learns that none comes; the socket goes with this object.
    m_wanted = false;
    dropSocket();
    failPending(tr("The link to the autohost was closed."));
}

void RemoteBackend::setRetryDelays(int firstMilliseconds, int maxMilliseconds)
{
    m_firstRetryDelay = firstMilliseconds;
    m_maxRetryDelay = std::max(firstMilliseconds, maxMilliseconds);
    m_retryDelay = m_firstRetryDelay;
}

void RemoteBackend::setAttachTimeout(int milliseconds)
{
    m_attachTimer.setInterval(milliseconds);
}

int RemoteBackend::nextRetrySeconds() const
{
    if (!m_retryTimer.isActive())
    {
        return 0;
    }
    return int((m_retryDeadline.remainingTime() + 999) / 1000);
}

int RemoteBackend::handshakeStatus(const QString &socketError)
{
    // Qt 6.4: "QWebSocketPrivate::processHandshake: Unhandled http status code: 401 (Unauthorized)."
    static const QRegularExpression status(u"\\b([1-5]\\d\\d) \\([^)]*\\)\\.?$"_s);
    const QRegularExpressionMatch match = status.match(socketError);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

void RemoteBackend::attach()
{
    if (m_wanted && (linkState() == LinkState::Connecting || linkState() == LinkState::Attached))
    {
        return;
    }
    m_wanted = true;
    m_retryDelay = m_firstRetryDelay;
    m_retryTimer.stop();
    connectNow();
}

void RemoteBackend::detach()
{
    m_wanted = false;
    m_retryTimer.stop();
    dropSocket();
    failPending(tr("The link to the autohost was closed."));
    setLinkState(LinkState::Detached);
}

void RemoteBackend::connectNow()
{
    dropSocket();
    m_socketError.clear();
    m_sslErrors.clear();
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (m_settings.tls && !m_settings.certificateFile.isEmpty())
    {
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(m_settings.certificateFile);
        if (certificates.isEmpty())
        {
            // Trying again would not make the file any better.
            m_wanted = false;
            setLinkState(LinkState::Unreachable,
                         tr("%1 holds no PEM certificate.").arg(m_settings.certificateFile));
            return;
        }
        ssl.addCaCertificates(certificates);
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    if (m_settings.tls)
    {
        m_socket->setSslConfiguration(ssl);
    }
    connect(m_socket, &QWebSocket::textMessageReceived, this, &RemoteBackend::handleText);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this]
            {
                m_socketError = m_socket->errorString();
                noteFailure();
            });
    connect(m_socket, &QWebSocket::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_sslErrors += errors; });
    connect(m_socket, &QWebSocket::disconnected, this, &RemoteBackend::noteFailure);

    // The reason of the last failure stays readable while trying again.
    setLinkState(LinkState::Connecting, linkError());
    QNetworkRequest request(m_settings.streamUrl());
    if (!m_settings.token.isEmpty())
    {
        request.setRawHeader("Authorization", "Bearer " + m_settings.token);
    }
    qCDebug(lcRemote).noquote() << u"attaching to %1"_s.arg(request.url().toString());
    m_attachTimer.start();
    m_socket->open(request);
}

void RemoteBackend::handleText(const QString &text)
{
    const Result<StreamFrame> frame = StreamFrame::read(text.toUtf8());
    if (!frame)
    {
        qCWarning(lcRemote).noquote() << u"%1 sent a frame that is not understood (%2)"_s.arg(
            m_settings.streamUrl().toString(), frame.error());
        return;
    }
    switch (frame->type)
    {
    case StreamFrame::Type::Snapshot:
        m_attachTimer.stop();
        m_retryDelay = m_firstRetryDelay;
        emit snapshotReceived(frame->data);
        setLinkState(LinkState::Attached);
        qCInfo(lcRemote).noquote() << u"attached to %1"_s.arg(m_settings.streamUrl().toString());
        return;
    case StreamFrame::Type::Event:
        if (linkState() == LinkState::Attached)
        {
            emit eventReceived(frame->event, frame->data);
        }
        return;
    case StreamFrame::Type::Result:
    {
        const auto pending =
            frame->id.is_number_integer() ? m_pending.constFind(frame->id.get<qint64>()) : m_pending.cend();
        if (pending == m_pending.cend())
        {
            qCWarning(lcRemote).noquote() << u"%1 answered a control that was not sent: %2"_s.arg(
                m_settings.streamUrl().toString(), text);
            return;
        }
        const Done done = *pending;
        m_pending.erase(pending);
        done(frame->answer());
        return;
    }
    }
}

void RemoteBackend::noteFailure()
{
    // The error, the disconnection and the handshake's status arrive in one go, in an order that depends on
    // how the attempt failed: decide once all of them are in.
    if (m_finishing)
    {
        return;
    }
    m_finishing = true;
    QMetaObject::invokeMethod(
        this,
        [this, attempt = m_attempt]
        {
            // Unless the attempt was given up meanwhile (detach, a new attempt).
            if (attempt == m_attempt)
            {
                finishAttempt();
            }
        },
        Qt::QueuedConnection);
}

void RemoteBackend::finishAttempt()
{
    const QString error = failureText();
    const int status = handshakeStatus(m_socketError);
    dropSocket();
    failPending(tr("The link to the autohost was lost."));
    if (!m_wanted)
    {
        return;
    }
    qCWarning(lcRemote).noquote() << u"%1: %2"_s.arg(m_settings.streamUrl().toString(), error);
    if (status == 401 || status == 429)
    {
        m_wanted = false;
        setLinkState(LinkState::Unauthorized, error);
        return;
    }
    scheduleRetry(error);
}

QString RemoteBackend::failureText() const
{
    const QString address = u"%1:%2"_s.arg(m_settings.host).arg(m_settings.port);
    switch (const int status = handshakeStatus(m_socketError))
    {
    case 0:
        break;
    case 401:
        return tr("%1 refused the token.").arg(address);
    case 429:
        return tr("%1 refuses this computer for a while after too many wrong tokens.").arg(address);
    default:
        return tr("%1 is no autohost admin endpoint (it answered HTTP %2).").arg(address).arg(status);
    }
    if (!m_sslErrors.isEmpty())
    {
        QStringList reasons;
        for (const QSslError &error : m_sslErrors)
        {
            reasons.append(error.errorString());
        }
        return tr("The certificate of %1 is not trusted: %2").arg(address, reasons.join(u"; "_s));
    }
    if (linkState() == LinkState::Attached)
    {
        const QString reason = m_socket && !m_socket->closeReason().isEmpty() ? m_socket->closeReason()
                               : m_socketError.isEmpty()                      ? tr("closed by the autohost")
                                                                              : m_socketError;
        return tr("The link to %1 was lost: %2").arg(address, reason);
    }
    return tr("Cannot reach %1: %2")
        .arg(address, m_socketError.isEmpty() ? tr("the connection was closed") : m_socketError);
}

void RemoteBackend::dropSocket()
{
    ++m_attempt;
    m_finishing = false;
    m_attachTimer.stop();
    if (m_socket)
    {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
}

void RemoteBackend::failPending(const QString &details)
{
    // Taken first: a callback may send the next action.
    const QHash<qint64, Done> pending = std::exchange(m_pending, {});
    for (const Done &done : pending)
    {
        done(fail(RequestFailure{NotAttached, details}));
    }
}

void RemoteBackend::scheduleRetry(const QString &error)
{
    m_retryTimer.start(m_retryDelay);
    m_retryDeadline.setRemainingTime(m_retryDelay);
    m_retryDelay = std::min(m_retryDelay * 2, m_maxRetryDelay);
    setLinkState(LinkState::Unreachable, error);
}

void RemoteBackend::perform(const QString &action, const Json &data, Done done)
{
    if (linkState() != LinkState::Attached || !m_socket)
    {
        done(fail(RequestFailure{NotAttached,
                                 linkError().isEmpty() ? tr("Not attached to the autohost.") : linkError()}));
        return;
    }
    const qint64 id = m_nextId++;
    m_pending.insert(id, std::move(done));
    m_socket->sendTextMessage(QString::fromUtf8(StreamFrame::control(id, action, data)));
}
