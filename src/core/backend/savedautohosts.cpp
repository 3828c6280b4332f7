#include "backend/savedautohosts.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "logging.h"
#include "protocol/json.h"
#include "util/ownerfile.h"

using namespace Qt::Literals::StringLiterals;

QString SavedAutohosts::Entry::address() const
{
    const QString host = settings.host.contains(u':') ? u"[%1]"_s.arg(settings.host) : settings.host;
    return u"%1:%2"_s.arg(host).arg(settings.port);
}

QString SavedAutohosts::Entry::displayName() const
{
    return name.trimmed().isEmpty() ? address() : name.trimmed();
}

bool operator==(const SavedAutohosts::Entry &a, const SavedAutohosts::Entry &b)
{
    return a.name == b.name && a.settings.host == b.settings.host && a.settings.port == b.settings.port &&
           a.settings.tls == b.settings.tls && a.settings.token == b.settings.token &&
           a.settings.certificateFile == b.settings.certificateFile;
}

std::optional<SavedAutohosts::Problem> SavedAutohosts::problem(const Entry &entry)
{
    const QString host = entry.settings.host.trimmed();
    if (host.isEmpty())
    {
        return Problem{u"host"_s, tr("Name the machine the autohost runs on: a host name or an IP address.")};
    }
    static const QString forbidden = u"/?#@[]"_s;
    for (const QChar c : host)
    {
        if (forbidden.contains(c) || c.isSpace() || c.unicode() < 0x20)
        {
            return Problem{u"host"_s, tr("\"%1\" is not a host name or an IP address.").arg(host)};
        }
    }
    if (entry.settings.port == 0)
    {
        return Problem{u"port"_s, tr("The port must be between 1 and 65535.")};
    }
    for (const char c : entry.settings.token)
    {
        if (c <= ' ' || c == 0x7f)
        {
            return Problem{u"token"_s, tr("The token has no spaces or control characters.")};
        }
    }
    if (!entry.settings.certificateFile.isEmpty())
    {
        const QFileInfo file(entry.settings.certificateFile);
        if (!file.isFile() || !file.isReadable())
        {
            return Problem{u"certificateFile"_s,
                           tr("%1 cannot be read.").arg(entry.settings.certificateFile)};
        }
        if (!entry.settings.tls)
        {
            return Problem{u"certificateFile"_s, tr("A certificate is only used with TLS.")};
        }
    }
    return std::nullopt;
}

Result<QList<SavedAutohosts::Entry>> SavedAutohosts::load(const QString &path)
{
    QFile file(path);
    if (!file.exists())
    {
        return QList<Entry>();
    }
    if (!file.open(QIODevice::ReadOnly))
    {
        return fail(u"%1: cannot read the saved autohosts: %2"_s.arg(path, file.errorString()));
    }
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::ReadOther;
    if (file.permissions() & others)
    {
        qCWarning(lcRemote).noquote()
            << u"%1 holds admin tokens and is readable by other users: make it owner-only (chmod 600)"_s.arg(
                   path);
    }
    const Json document = Json::parse(file.readAll().toStdString(), nullptr, false);
    if (!document.is_object() || !document.contains("autohosts") || !document["autohosts"].is_array())
    {
        return fail(u"%1: not a list of saved autohosts ({\"autohosts\": [...]})"_s.arg(path));
    }
    QList<Entry> entries;
    int index = 0;
    for (const Json &item : document["autohosts"])
    {
        Entry entry;
        if (item.is_object())
        {
            entry.name = toQString(item.value("name", ""));
            entry.settings.host = toQString(item.value("host", ""));
            const qint64 port = item.value("port", qint64(0));
            entry.settings.port = port > 0 && port <= 65535 ? quint16(port) : 0;
            entry.settings.tls = item.value("tls", false);
            entry.settings.token = QByteArray::fromStdString(item.value("token", ""));
            entry.settings.certificateFile = toQString(item.value("certificateFile", ""));
        }
        const auto wrong = item.is_object() ? problem(entry) : Problem{{}, u"not an object"_s};
        if (wrong)
        {
            qCWarning(lcRemote).noquote()
                << u"%1: saved autohost %2 skipped: %3"_s.arg(path).arg(index).arg(wrong->message);
        }
        else
        {
            entries.append(entry);
        }
        ++index;
    }
    return entries;
}

Status SavedAutohosts::save(const QString &path, const QList<Entry> &entries)
{
    Json list = Json::array();
    for (const Entry &entry : entries)
    {
        list.push_back({{"name", toStdString(entry.name)},
                        {"host", toStdString(entry.settings.host)},
                        {"port", entry.settings.port},
                        {"tls", entry.settings.tls},
                        {"token", entry.settings.token.toStdString()},
                        {"certificateFile", toStdString(entry.settings.certificateFile)}});
    }
    const QString directory = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(directory))
    {
        return fail(u"%1: cannot create the directory %2"_s.arg(path, directory));
    }
    const Status written =
        writeOwnerOnlyFile(path, QByteArray::fromStdString(Json{{"autohosts", list}}.dump(2)) + '\n');
    if (!written)
    {
        return fail(u"%1: cannot save the autohosts: %2"_s.arg(path, written.error()));
    }
    return succeeded();
}
