#include "util/ownerfile.h"

#include <QFile>
#include <QSaveFile>

using namespace Qt::Literals::StringLiterals;

Status writeOwnerOnlyFile(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    // Owner-only before the content reaches the temporary file. Unbuffered, because a buffered write that
    // fails only when commit() flushes it goes unnoticed (Qt 6.4): on a full disk the file ended up empty.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(content) != content.size() || !file.commit())
    {
        return fail(file.errorString());
    }
    return succeeded();
}

Status writeOwnerOnlyScratchFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    // Created owner-only; an existing file is made so before the content goes in. Unbuffered, so that a full
    // disk shows as a failed write.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(content) != content.size())
    {
        // A short write sets no error; a full disk is the usual reason.
        return fail(file.error() != QFileDevice::NoError ? file.errorString()
                                                         : u"short write (disk full?)"_s);
    }
    return succeeded();
}
