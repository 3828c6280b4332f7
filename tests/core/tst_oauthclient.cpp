#include <QDeadlineTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include "faketachyonserver.h"
#include "net/oauthclient.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
const QString Secret = u"s3cr3t-Value=42"_s;

struct Outcome
{
    bool finished = false;
    bool ok = false;
    QString text; // the token or the error
};
} // namespace

class TestOAuthClient : public QObject
{
    Q_OBJECT

private:
    Outcome fetch(FakeTachyonServer &server, const QString &clientId = u"autohost1"_s,
                  const QString &clientSecret = Secret)
    {
        return fetchFrom(server.baseUrl(), clientId, clientSecret);
    }

    Outcome fetchFrom(const QUrl &baseUrl, const QString &clientId, const QString &clientSecret)
    {
        OAuthClient client(&m_network);
        QSignalSpy tokens(&client, &OAuthClient::tokenReceived);
        QSignalSpy failures(&client, &OAuthClient::failed);
        client.fetchToken(baseUrl, clientId, clientSecret);
        const QDeadlineTimer deadline(15000);
        while (tokens.isEmpty() && failures.isEmpty() && !deadline.hasExpired())
        {
            QTest::qWait(10);
        }
        Outcome outcome;
        outcome.finished = tokens.count() + failures.count() == 1;
        outcome.ok = tokens.count() == 1;
        outcome.text = outcome.ok ? tokens.at(0).at(0).toString() : failures.at(0).at(0).toString();
        return outcome;
    }

    void startServer(FakeTachyonServer &server)
    {
        server.setCredentials(u"autohost1"_s, Secret);
        QVERIFY(server.listen());
    }

    QNetworkAccessManager m_network;

private slots:
    void basicAuthorizationVectors_data()
    {
        QTest::addColumn<QString>("clientId");
        QTest::addColumn<QString>("clientSecret");
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("padding in the secret")
            << u"user1"_s << u"pass1=="_s << QByteArray("Basic dXNlcjE6cGFzczElM0QlM0Q=");
        QTest::newRow("reference credentials")
            << u"autohost1"_s << u"pass1"_s << QByteArray("Basic YXV0b2hvc3QxOnBhc3Mx");
        // "a%20b:x%2By%2F%3A": space, plus, slash and colon are all encoded.
        QTest::newRow("reserved characters")
            << u"a b"_s << u"x+y/:"_s << QByteArray("Basic YSUyMGI6eCUyQnklMkYlM0E=");
    }

    void basicAuthorizationVectors()
    {
        QFETCH(QString, clientId);
        QFETCH(QString, clientSecret);
        QFETCH(QByteArray, header);
        QCOMPARE(OAuthClient::basicAuthorization(clientId, clientSecret), header);
    }

    void fetchesTokenWithDiscovery()
    {
        FakeTachyonServer server;
        startServer(server);
        const Outcome outcome = fetch(server);
        QVERIFY2(outcome.ok, qPrintable(outcome.text));
        QVERIFY(outcome.finished);
        QCOMPARE(server.issuedTokens(), QStringList{outcome.text});
        QCOMPARE(server.tokenRequestCount(), 1);
        const FakeTachyonServer::HttpRequest request = server.lastTokenRequest();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.target, QByteArray("/token"));
        QCOMPARE(request.header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
        QCOMPARE(request.header("Authorization"), OAuthClient::basicAuthorization(u"autohost1"_s, Secret));
        QCOMPARE(request.body, QByteArray("grant_type=client_credentials&scope=tachyon.lobby"));
    }

    void credentialsWithReservedCharactersAreAccepted()
    {
        FakeTachyonServer server;
        server.setCredentials(u"bot 1+x"_s, u"p@ss:w/rd %=+"_s);
        QVERIFY(server.listen());
        const Outcome outcome = fetch(server, u"bot 1+x"_s, u"p@ss:w/rd %=+"_s);
        QVERIFY2(outcome.ok, qPrintable(outcome.text));
    }

    void invalidMetadata_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error");
        const QString invalid = u"Invalid OAuth2 Authorization Server Metadata object"_s;
        const QString noToken = u"OAuth2 server does not support token endpoint"_s;
        QTest::newRow("not json") << QByteArray("<html>") << invalid;
        QTest::newRow("array") << QByteArray("[\"token\"]") << invalid;
        QTest::newRow("no issuer") << QByteArray("{\"token_endpoint\":\"http://127.0.0.1:1/token\","
                                                 "\"response_types_supported\":[\"token\"]}")
                                   << invalid;
        QTest::newRow("numeric token_endpoint")
            << QByteArray("{\"issuer\":\"x\",\"token_endpoint\":5,\"response_types_supported\":[\"token\"]}")
            << invalid;
        QTest::newRow("no response types")
            << QByteArray("{\"issuer\":\"x\",\"token_endpoint\":\"http://127.0.0.1:1/token\"}") << invalid;
        QTest::newRow("response types not an array")
            << QByteArray("{\"issuer\":\"x\",\"token_endpoint\":\"http://127.0.0.1:1/token\","
                          "\"response_types_supported\":\"token\"}")
            << invalid;
        QTest::newRow("no token response type")
            << QByteArray("{\"issuer\":\"x\",\"token_endpoint\":\"http://127.0.0.1:1/token\","
                          "\"response_types_supported\":[\"code\"]}")
            << noToken;
    }

    void invalidMetadata()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        FakeTachyonServer server;
        startServer(server);
        server.setDiscoveryOverride(200, body);
        const Outcome outcome = fetch(server);
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.text, error);
        QCOMPARE(server.tokenRequestCount(), 0);
    }

    void unusableTokenEndpointIsRejected()
    {
        FakeTachyonServer server;
        startServer(server);
        server.setDiscoveryOverride(200, "{\"issuer\":\"x\",\"token_endpoint\":\"ftp://127.0.0.1/"
                                         "token\",\"response_types_supported\":[\"token\"]}");
        const Outcome outcome = fetch(server);
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.text.startsWith(u"Invalid OAuth2 token endpoint"_s), qPrintable(outcome.text));
    }

    void discoveryHttpErrorIsReported()
    {
        FakeTachyonServer server;
        startServer(server);
        server.setDiscoveryOverride(503, "{}");
        const Outcome outcome = fetch(server);
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.text, u"Failed to fetch OAuth2 server metadata (503)"_s);
    }

    void tokenTypeMustBeBearer_data()
    {
        QTest::addColumn<QString>("tokenType");
        QTest::newRow("lower case") << u"bearer"_s;
        QTest::newRow("mac") << u"mac"_s;
    }

    void tokenTypeMustBeBearer()
    {
        QFETCH(QString, tokenType);
        FakeTachyonServer server;
        startServer(server);
        server.setTokenType(tokenType);
        const Outcome outcome = fetch(server);
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.text.contains(u"\""_s + tokenType + u"\""_s), qPrintable(outcome.text));
        QVERIFY(outcome.finished);
    }

    void missingAccessTokenIsRejected()
    {
        FakeTachyonServer server;
        startServer(server);
        server.setTokenOverride(200, "{\"token_type\":\"Bearer\",\"expires_in\":60}");
        const Outcome outcome = fetch(server);
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.text, u"Invalid OAuth2 token response"_s);
    }

    void wrongSecretReportsInvalidClient()
    {
        FakeTachyonServer server;
        startServer(server);
        const Outcome outcome = fetch(server, u"autohost1"_s, u"wrong-secret"_s);
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.text, u"Failed to fetch OAuth2 token (401): bad credentials, check authClientId and "
                               u"authClientSecret (invalid_client: Invalid client credentials)"_s);
        QVERIFY(server.issuedTokens().isEmpty());
    }

    void invalidScopeIsReported()
    {
        FakeTachyonServer server;
        startServer(server);
        server.setTokenOverride(400, "{\"error\":\"invalid_scope\"}");
        const Outcome outcome = fetch(server);
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.text, u"Failed to fetch OAuth2 token (400): invalid_scope"_s);
    }

    void tokenErrorWithoutOAuthBody()
    {
        FakeTachyonServer server;
        startServer(server);
        server.setTokenOverride(500, "<html>oops</html>");
        const Outcome outcome = fetch(server);
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.text, u"Failed to fetch OAuth2 token (500)"_s);
    }

    void serverDownFails()
    {
        FakeTachyonServer server;
        startServer(server);
        const QUrl url = server.baseUrl();
        server.stopListening();
        const Outcome outcome = fetchFrom(url, u"autohost1"_s, Secret);
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.text.startsWith(u"Failed to fetch OAuth2 server metadata: "_s),
                 qPrintable(outcome.text));
        QVERIFY(outcome.finished);
    }

    void droppedConnectionFails()
    {
        FakeTachyonServer server;
        startServer(server);
        server.setDropHttpRequests(true);
        const Outcome outcome = fetch(server);
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.text.startsWith(u"Failed to fetch OAuth2 server metadata: "_s),
                 qPrintable(outcome.text));
    }

    void secretNeverAppearsInErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        const QByteArray encoded = QUrl::toPercentEncoding(Secret);
        QTest::newRow("echoed in the description")
            << 401
            << QByteArray("{\"error\":\"invalid_client\",\"error_description\":\"secret ") + Secret.toUtf8() +
                   " is wrong\"}";
        QTest::newRow("echoed encoded in the error") << 400 << QByteArray("{\"error\":\"") + encoded + "\"}";
        QTest::newRow("echoed in the token type")
            << 200 << QByteArray("{\"access_token\":\"t\",\"token_type\":\"") + Secret.toUtf8() + "\"}";
    }

    void secretNeverAppearsInErrors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        FakeTachyonServer server;
        startServer(server);
        server.setTokenOverride(status, body);
        const Outcome outcome = fetch(server);
        QVERIFY(!outcome.ok);
        QVERIFY2(!outcome.text.contains(Secret), qPrintable(outcome.text));
        QVERIFY2(!outcome.text.contains(QString::fromLatin1(QUrl::toPercentEncoding(Secret))),
                 qPrintable(outcome.text));
        QVERIFY2(outcome.text.contains(u"<secret>"_s), qPrintable(outcome.text));
    }

    void selfSignedCertificateIsRefused()
    {
        FakeTachyonServer server;
        server.setSslConfiguration(FakeTachyonServer::sslConfigurationFromFiles(
            QStringLiteral(AUTOHOST_TEST_DATA_DIR "/tls/certificate.pem"),
            QStringLiteral(AUTOHOST_TEST_DATA_DIR "/tls/key.pem")));
        startServer(server);
        QCOMPARE(server.baseUrl().scheme(), u"https"_s);
        const Outcome outcome = fetch(server);
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.text.contains(u"certificate"_s, Qt::CaseInsensitive), qPrintable(outcome.text));
        QCOMPARE(server.tokenRequestCount(), 0);
    }

    void abortSilencesTheRequest()
    {
        FakeTachyonServer server;
        startServer(server);
        server.setResponseDelay(200);
        OAuthClient client(&m_network);
        QSignalSpy tokens(&client, &OAuthClient::tokenReceived);
        QSignalSpy failures(&client, &OAuthClient::failed);
        client.fetchToken(server.baseUrl(), u"autohost1"_s, Secret);
        client.abort();
        // Long enough for the delayed answers to arrive and be ignored.
        QVERIFY(!tokens.wait(1000));
        QCOMPARE(failures.count(), 0);
    }

    void newFetchReplacesTheRunningOne()
    {
        FakeTachyonServer server;
        startServer(server);
        server.setResponseDelay(100);
        OAuthClient client(&m_network);
        QSignalSpy tokens(&client, &OAuthClient::tokenReceived);
        QSignalSpy failures(&client, &OAuthClient::failed);
        client.fetchToken(server.baseUrl(), u"autohost1"_s, u"wrong"_s);
        client.fetchToken(server.baseUrl(), u"autohost1"_s, Secret);
        QVERIFY(tokens.wait(5000));
        QCOMPARE(failures.count(), 0);
        QCOMPARE(server.tokenRequestCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestOAuthClient)
#include "tst_oauthclient.moc"
