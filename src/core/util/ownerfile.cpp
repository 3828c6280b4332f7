#include "util/ownerfile.h"

#include <QSaveFile>

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
