#pragma once

#include <QByteArray>
#include <QString>

#include "util/result.h"

// Writes a file that holds secrets (passwords, tokens): readable and writable by this user only, whatever the
// umask, and replaced whole (a temporary file renamed over it), so that no other user can read it at any
// moment and a crash leaves the old content. The failure is the file system's reason.
Status writeOwnerOnlyFile(const QString &path, const QByteArray &content);

// The same for a scratch file that needs no crash safety (a battle's start script): written in place and not
// synced to disk, which is most of what a start would otherwise wait for.
Status writeOwnerOnlyScratchFile(const QString &path, const QByteArray &content);
