#include "admin/admintokenfile.h"

#include <array>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include "logging.h"
#include "util/ownerfile.h"

using namespace Qt::Literals::StringLiterals;

QString AdminTokenFile::pathIn(const QString &dataDir)
{
    return QDir(dataDir).filePath(u"admin-token"_s);
}

Result<QString> AdminTokenFile::readOrCreate(const QString &path)
{
    const QString shownPath = QFileInfo(path).absoluteFilePath();
    QFile existing(path);
    if (existing.exists())
    {
        if (!existing.open(QIODevice::ReadOnly))
        {
            return fail(u"%1: cannot read the admin token: %2"_s.arg(path, existing.errorString()));
        }
        const QString token = QString::fromUtf8(existing.readAll()).trimmed();
        if (token.isEmpty() || token.contains(QChar(u'\n')))
        {
            return fail(
                u"%1: must hold the admin token on one line (delete the file to get a new one)"_s.arg(path));
        }
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                QFileDevice::ReadOther | QFileDevice::WriteOther;
        if (existing.permissions() & others)
        {
            qCWarning(lcAdmin).noquote()
                << u"%1 is accessible to other users: make it owner-only (chmod 600)"_s.arg(path);
        }
        qCInfo(lcAdmin).noquote() << u"admin token read from %1"_s.arg(shownPath);
        return token;
    }

    const QString token = generate();
    if (const Status written = writeOwnerOnlyFile(path, token.toLatin1() + '\n'); !written)
    {
        return fail(u"%1: cannot create the admin token file: %2"_s.arg(path, written.error()));
    }
    qCInfo(lcAdmin).noquote() << u"admin token created in %1 (readable by this user only)"_s.arg(shownPath);
    return token;
}

QString AdminTokenFile::generate()
{
    std::array<quint32, 8> words{};
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    const QByteArray bytes(reinterpret_cast<const char *>(words.data()), qsizetype(sizeof(words)));
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}
