#include "util/ownerfile.h"

#include <QSaveFile>

Status writeOwnerOnlyFile(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    // Owner-only before the content reaches the temporary file.
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(content) != content.size() || !file.commit())
    {
        return fail(file.errorString());
    }
    return succeeded();
}
