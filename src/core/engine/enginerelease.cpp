#include "engine/enginerelease.h"

#include <QRegularExpression>
#include <QUrlQuery>

#include "protocol/json.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
Result<QString> requiredText(const Json &object, const char *field)
{
    const auto found = object.find(field);
    if (found == object.end() || !found->is_string())
    {
        return fail(u"invalid release lookup payload: %1 must be a string"_s.arg(QLatin1StringView(field)));
    }
    return toQString(found->get<std::string>());
}

// The archive is stored under this name inside the engines directory, so it must not name a path.
bool isPlainFileName(const QString &name)
{
    static const QRegularExpression allowed(u"^[0-9A-Za-z._+ ()\\[\\]{}-]+$"_s);
    return allowed.match(name).hasMatch() && name != u"."_s && name != u".."_s && !name.startsWith(u'.');
}
} // namespace

QString EngineRelease::platformCategory()
{
#ifdef Q_OS_WIN
    return u"engine_windows64"_s;
#else
    return u"engine_linux64"_s;
#endif
}

QUrl EngineRelease::findUrl(const QUrl &cdnBaseUrl, const QString &category, const QString &version)
{
    QUrl url = cdnBaseUrl;
    QString path = url.path();
    if (!path.endsWith(u'/'))
    {
        path += u'/';
    }
    url.setPath(path + u"find"_s);
    QUrlQuery query;
    query.addQueryItem(u"category"_s, category);
    query.addQueryItem(u"springname"_s, QString::fromLatin1(QUrl::toPercentEncoding(version)));
    url.setQuery(query);
    return url;
}

Result<EngineRelease> EngineRelease::fromFindResponse(const QByteArray &body, const QString &version)
{
    const Json document = Json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (document.is_discarded() || !document.is_array())
    {
        return fail(u"invalid release lookup payload: not a JSON array"_s);
    }
    if (document.empty())
    {
        return fail(u"no release found for engine %1"_s.arg(version));
    }
    const Json &first = document.front();
    if (!first.is_object())
    {
        return fail(u"invalid release lookup payload: results must be objects"_s);
    }
    EngineRelease release;
    for (const auto &[field, target] :
         {std::pair{"springname", &release.springName}, std::pair{"filename", &release.fileName},
          std::pair{"md5", &release.md5}, std::pair{"category", &release.category}})
    {
        auto text = requiredText(first, field);
        if (!text)
        {
            return fail(text.error());
        }
        *target = *text;
    }
    if (release.springName != version)
    {
        return fail(u"the CDN answered with engine %1 when asked for %2"_s.arg(release.springName, version));
    }
    if (!isPlainFileName(release.fileName))
    {
        return fail(u"invalid release lookup payload: unsafe file name \"%1\""_s.arg(release.fileName));
    }
    static const QRegularExpression md5Pattern(u"^[0-9a-fA-F]{32}$"_s);
    if (!md5Pattern.match(release.md5).hasMatch())
    {
        return fail(u"invalid release lookup payload: md5 must be 32 hexadecimal digits"_s);
    }
    release.md5 = release.md5.toLower();
    // Engine archives are tens of megabytes; the bound (1 TiB) keeps size arithmetic far from overflowing.
    constexpr qint64 MaxArchiveBytes = qint64(1) << 40;
    const auto size = first.find("size");
    qint64 bytes = 0;
    if (size != first.end() && size->is_number_unsigned())
    {
        bytes = qint64(std::min(size->get<quint64>(), quint64(MaxArchiveBytes) + 1));
    }
    else if (size != first.end() && size->is_number_integer())
    {
        bytes = size->get<qint64>();
    }
    if (bytes <= 0 || bytes > MaxArchiveBytes)
    {
        return fail(
            u"invalid release lookup payload: size must be a whole number of bytes from 1 to %1"_s.arg(
                MaxArchiveBytes));
    }
    release.size = bytes;
    const auto mirrors = first.find("mirrors");
    if (mirrors == first.end() || !mirrors->is_array())
    {
        return fail(u"invalid release lookup payload: mirrors must be an array"_s);
    }
    for (const Json &mirror : *mirrors)
    {
        if (!mirror.is_string())
        {
            return fail(u"invalid release lookup payload: mirrors must be strings"_s);
        }
        const QUrl url(toQString(mirror.get<std::string>()), QUrl::StrictMode);
        if (url.isValid() && (url.scheme() == u"https"_s || url.scheme() == u"http"_s) &&
            !url.host().isEmpty())
        {
            release.mirrors.append(url);
        }
    }
    if (release.mirrors.isEmpty())
    {
        return fail(u"no mirror found for engine %1"_s.arg(version));
    }
    return release;
}
