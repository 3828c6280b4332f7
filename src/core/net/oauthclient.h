#pragma once

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>

// OAuth2 client-credentials flow against a Tachyon server (protocol notes §2): RFC 8414 discovery at
// <base>/.well-known/oauth-authorization-server, then a POST to its token_endpoint with
// grant_type=client_credentials&scope=tachyon.lobby and HTTP Basic credentials (id and secret form-urlencoded
// before base64). The token_type must be exactly "Bearer". TLS errors are never ignored.
class OAuthClient : public QObject
{
    Q_OBJECT

public:
    explicit OAuthClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~OAuthClient() override;

    // Starts a fresh discovery + token request; a request still running is abandoned.
    void fetchToken(const QUrl &baseUrl, const QString &clientId, const QString &clientSecret);
    void abort();
    // How long each HTTP request may take (default 10 s).
    void setTimeout(int milliseconds);

    // "Basic " + base64(urlencode(id) ":" urlencode(secret)).
    static QByteArray basicAuthorization(const QString &clientId, const QString &clientSecret);

signals:
    void tokenReceived(const QString &accessToken);
    // Human-readable, e.g. "Failed to fetch OAuth2 token (401): bad credentials, check authClientId and
    // authClientSecret (invalid_client: bad secret)". Never contains the secret.
    void failed(const QString &error);

private:
    QNetworkReply *startRequest(QNetworkRequest request, const QByteArray &body = {});
    void onDiscoveryFinished(QNetworkReply *reply);
    void onTokenFinished(QNetworkReply *reply);
    QString transportError(QNetworkReply *reply) const;
    QString withoutSecret(QString text) const;
    void finish(const QString &error);

    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    QUrl m_baseUrl;
    QString m_clientId;
    QString m_clientSecret;
    QStringList m_sslErrors;
    int m_timeout = 10000;
};
