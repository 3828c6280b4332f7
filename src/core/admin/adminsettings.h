#pragma once

#include <optional>

#include <QHostAddress>
#include <QSslConfiguration>
#include <QString>

#include "config/config.h"
#include "util/result.h"

// How the admin endpoint listens and whom it lets in.
struct AdminSettings
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 8201; // 0: any free port
    // The bearer token clients must send. Unset or empty: no authentication, allowed on loopback only.
    std::optional<QString> token;
    bool metricsPublic = false; // GET /metrics without the token
    // PEM files; both set: TLS (HTTPS, WSS) on the same port.
    QString tlsCertificateFile;
    QString tlsKeyFile;

    bool requiresToken() const { return token && !token->isEmpty(); }
    bool tls() const { return !tlsCertificateFile.isEmpty() || !tlsKeyFile.isEmpty(); }
    bool loopback() const { return address.isLoopback(); }

    // What the endpoint refuses to start with: a non-loopback address without a token, one TLS file without
    // the other, TLS files that cannot be read or hold no PEM certificate and key.
    Status check() const;
    // The server side of TLS from the two files.
    Result<QSslConfiguration> sslConfiguration() const;

    // The settings of a configuration: nothing when adminListen is empty (no endpoint). With adminToken
    // unset, the token comes from <dataDir>/admin-token, which is created on first use.
    static Result<std::optional<AdminSettings>> fromConfig(const Config &config, const QString &dataDir);
};
