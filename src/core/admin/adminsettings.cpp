#include "admin/adminsettings.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

#include "admin/admintokenfile.h"
#include "admin/listenaddress.h"

using namespace Qt::Literals::StringLiterals;

Status AdminSettings::check() const
{
    if (!loopback() && !requiresToken())
    {
        return fail(
            u"the admin endpoint refuses to listen on %1 without a token; set adminToken (or leave it "
            "unset to use the generated one) or listen on a loopback address"_s.arg(address.toString()));
    }
    if (tls())
    {
        if (const Result<QSslConfiguration> configuration = sslConfiguration(); !configuration)
        {
            return fail(configuration.error());
        }
    }
    return succeeded();
}

Result<QSslConfiguration> AdminSettings::sslConfiguration() const
{
    if (tlsCertificateFile.isEmpty() || tlsKeyFile.isEmpty())
    {
        return fail(u"TLS needs both adminTlsCertificate and adminTlsKey"_s);
    }
    if (!QSslSocket::supportsSsl())
    {
        return fail(u"TLS is not available: Qt has no TLS backend here"_s);
    }
    QFile certificateFile(tlsCertificateFile);
    if (!certificateFile.open(QIODevice::ReadOnly))
    {
        return fail(
            u"%1: cannot read the certificate: %2"_s.arg(tlsCertificateFile, certificateFile.errorString()));
    }
    // A chain: the server's certificate first, then intermediates.
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificateFile.readAll(), QSsl::Pem);
    if (chain.isEmpty() || chain.constFirst().isNull())
    {
        return fail(u"%1: holds no PEM certificate"_s.arg(tlsCertificateFile));
    }
    QFile keyFile(tlsKeyFile);
    if (!keyFile.open(QIODevice::ReadOnly))
    {
        return fail(u"%1: cannot read the key: %2"_s.arg(tlsKeyFile, keyFile.errorString()));
    }
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
    {
        key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    }
    if (key.isNull())
    {
        return fail(u"%1: holds no unencrypted PEM RSA or EC private key"_s.arg(tlsKeyFile));
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with the token
    return configuration;
}

Result<std::optional<AdminSettings>> AdminSettings::fromConfig(const Config &config, const QString &dataDir)
{
    if (config.adminListen.isEmpty())
    {
        return std::optional<AdminSettings>();
    }
    const Result<ListenAddress> listen = ListenAddress::parse(config.adminListen);
    if (!listen)
    {
        return fail(u"adminListen: "_s + listen.error());
    }
    AdminSettings settings;
    settings.address = listen->address;
    settings.port = listen->port;
    settings.metricsPublic = config.metricsPublic;
    settings.tlsCertificateFile = config.adminTlsCertificate;
    settings.tlsKeyFile = config.adminTlsKey;
    if (config.adminToken)
    {
        settings.token = *config.adminToken;
    }
    else
    {
        const Result<QString> token = AdminTokenFile::readOrCreate(AdminTokenFile::pathIn(dataDir));
        if (!token)
        {
            return fail(token.error());
        }
        settings.token = *token;
    }
    return std::optional<AdminSettings>(settings);
}
