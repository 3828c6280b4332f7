#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include "util/result.h"

// One engine build as the BAR file CDN's find API describes it
// (GET <base>/find?category=engine_linux64&springname=<version> → a JSON array of these).
struct EngineRelease
{
    QString springName; // the engine version, e.g. "105.1.1-2590-gb9462a0 BAR105"
    QString fileName;   // the archive's name, checked to be a plain file name
    QString md5;        // lower-case hex
    QString category;
    qint64 size = 0; // bytes of the archive
    QList<QUrl> mirrors;

    // The CDN category of this platform's engine builds.
    static QString platformCategory();
    // The find API URL for a version.
    static QUrl findUrl(const QUrl &cdnBaseUrl, const QString &category, const QString &version);
    // Decodes a find API answer and checks it describes the requested version: the first result is used, it
    // must have every required field, a plain file name, an MD5 digest and at least one http(s) mirror.
    // Errors read like "no release found for engine <version>".
    static Result<EngineRelease> fromFindResponse(const QByteArray &body, const QString &version);
};
