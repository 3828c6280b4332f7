#include "net/oauthclient.h"

#include <algorithm>

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>

#include "logging.h"
#include "protocol/json.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
QString jsonString(const Json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
    {
        return {};
    }
    return toQString(it->get<std::string>());
}

int httpStatus(QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}
} // namespace

OAuthClient::OAuthClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

OAuthClient::~OAuthClient()
{
    abort();
}

void OAuthClient::fetchToken(const QUrl &baseUrl, const QString &clientId, const QString &clientSecret)
{
    abort();
    m_baseUrl = baseUrl;
    m_clientId = clientId;
    m_clientSecret = clientSecret;
    QUrl url = baseUrl;
    url.setPath(u"/.well-known/oauth-authorization-server"_s);
    qCDebug(lcTachyon) << "Fetching OAuth2 server metadata from" << url.toString();
    QNetworkReply *reply = startRequest(QNetworkRequest(url));
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onDiscoveryFinished(reply); });
}

void OAuthClient::abort()
{
    if (m_reply)
    {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void OAuthClient::setTimeout(int milliseconds)
{
    m_timeout = std::max(1, milliseconds);
}

QByteArray OAuthClient::basicAuthorization(const QString &clientId, const QString &clientSecret)
{
    // RFC 6749 §2.3.1: both parts are form-urlencoded before they are joined and base64-encoded.
    const QByteArray pair = QUrl::toPercentEncoding(clientId) + ':' + QUrl::toPercentEncoding(clientSecret);
    return "Basic " + pair.toBase64();
}

QNetworkReply *OAuthClient::startRequest(QNetworkRequest request, const QByteArray &body)
{
    request.setTransferTimeout(m_timeout);
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    m_sslErrors.clear();
    QNetworkReply *reply = body.isNull() ? m_network->get(request) : m_network->post(request, body);
    // Certificate problems are collected for the error text only; they are never ignored.
    connect(reply, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError> &errors)
            {
                for (const QSslError &error : errors)
                {
                    m_sslErrors.append(error.errorString());
                }
            });
    m_reply = reply;
    return reply;
}

void OAuthClient::onDiscoveryFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply)
    {
        return;
    }
    const int status = httpStatus(reply);
    if (status == 0)
    {
        finish(u"Failed to fetch OAuth2 server metadata: "_s + transportError(reply));
        return;
    }
    if (status < 200 || status >= 300)
    {
        finish(u"Failed to fetch OAuth2 server metadata (%1)"_s.arg(status));
        return;
    }
    const QByteArray body = reply->readAll();
    const Json metadata = Json::parse(body.begin(), body.end(), nullptr, false);
    if (!metadata.is_object() || !metadata.contains("issuer") || !metadata["issuer"].is_string() ||
        !metadata.contains("token_endpoint") || !metadata["token_endpoint"].is_string() ||
        !metadata.contains("response_types_supported") || !metadata["response_types_supported"].is_array())
    {
        finish(u"Invalid OAuth2 Authorization Server Metadata object"_s);
        return;
    }
    const Json &responseTypes = metadata["response_types_supported"];
    if (std::find(responseTypes.begin(), responseTypes.end(), Json("token")) == responseTypes.end())
    {
        finish(u"OAuth2 server does not support token endpoint"_s);
        return;
    }
    const QUrl tokenEndpoint(jsonString(metadata, "token_endpoint"), QUrl::StrictMode);
    const QString scheme = tokenEndpoint.scheme();
    // The secret goes to this URL: it must be absolute and must not downgrade a TLS server to plain HTTP.
    if (!tokenEndpoint.isValid() || tokenEndpoint.host().isEmpty() ||
        (scheme != u"https"_s && scheme != u"http"_s) ||
        (m_baseUrl.scheme() == u"https"_s && scheme != u"https"_s))
    {
        finish(u"Invalid OAuth2 token endpoint: "_s + withoutSecret(tokenEndpoint.toString()));
        return;
    }

    QNetworkRequest request(tokenEndpoint);
    // The credentials go to this URL only, never to wherever a redirect points.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
    request.setRawHeader("Authorization", basicAuthorization(m_clientId, m_clientSecret));
    qCDebug(lcTachyon) << "Requesting an OAuth2 token from" << tokenEndpoint.toString();
    QNetworkReply *tokenReply = startRequest(request, "grant_type=client_credentials&scope=tachyon.lobby");
    connect(tokenReply, &QNetworkReply::finished, this, [this, tokenReply] { onTokenFinished(tokenReply); });
}

void OAuthClient::onTokenFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply)
    {
        return;
    }
    const int status = httpStatus(reply);
    const QByteArray body = reply->readAll();
    const Json json = Json::parse(body.begin(), body.end(), nullptr, false);
    if (status == 0)
    {
        finish(u"Failed to fetch OAuth2 token: "_s + transportError(reply));
        return;
    }
    if (status < 200 || status >= 300)
    {
        QString error = u"Failed to fetch OAuth2 token (%1)"_s.arg(status);
        const QString code = json.is_object() ? jsonString(json, "error") : QString();
        QString said = withoutSecret(code);
        if (!code.isEmpty())
        {
            const QString description = jsonString(json, "error_description");
            if (!description.isEmpty())
            {
                said += u": "_s + withoutSecret(description);
            }
        }
        // RFC 6749 §5.2: a client that failed to authenticate gets 401 or invalid_client.
        if (status == 401 || code == u"invalid_client"_s)
        {
            error += u": bad credentials, check authClientId and authClientSecret"_s;
            if (!said.isEmpty())
            {
                error += u" ("_s + said + u')';
            }
        }
        else if (!said.isEmpty())
        {
            error += u": "_s + said;
        }
        finish(error);
        return;
    }
    const QString accessToken = json.is_object() ? jsonString(json, "access_token") : QString();
    if (accessToken.isEmpty() || !json.contains("token_type") || !json["token_type"].is_string())
    {
        finish(u"Invalid OAuth2 token response"_s);
        return;
    }
    const QString tokenType = jsonString(json, "token_type");
    if (tokenType != u"Bearer"_s)
    {
        finish(u"Unsupported OAuth2 token type \"%1\", expected \"Bearer\""_s.arg(withoutSecret(tokenType)));
        return;
    }
    m_reply = nullptr;
    qCDebug(lcTachyon) << "Received an OAuth2 token";
    emit tokenReceived(accessToken);
}

QString OAuthClient::transportError(QNetworkReply *reply) const
{
    QString text = reply->error() == QNetworkReply::OperationCanceledError
                       ? u"no answer within %1 s"_s.arg(m_timeout / 1000.0)
                       : reply->errorString();
    QStringList details;
    for (const QString &error : m_sslErrors)
    {
        if (!text.contains(error) && !details.contains(error))
        {
            details.append(error);
        }
    }
    if (!details.isEmpty())
    {
        text += u" ("_s + details.join(u"; "_s) + u")"_s;
    }
    return withoutSecret(text);
}

QString OAuthClient::withoutSecret(QString text) const
{
    // Error texts come partly from the server; make sure none of them can carry the secret to a log or the
    // UI.
    if (!m_clientSecret.isEmpty())
    {
        text.replace(m_clientSecret, u"<secret>"_s);
        text.replace(QString::fromLatin1(QUrl::toPercentEncoding(m_clientSecret)), u"<secret>"_s);
    }
    return text;
}

void OAuthClient::finish(const QString &error)
{
    m_reply = nullptr;
    qCDebug(lcTachyon) << "OAuth2 failed:" << error;
    emit failed(error);
}
