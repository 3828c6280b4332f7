#pragma once

#include <QString>

#include "util/result.h"

// The admin endpoint's bearer token when the configuration sets none: kept in <data-dir>/admin-token,
// readable by its owner only, and made on first use. The log names the file, never the token.
class AdminTokenFile
{
public:
    // The file's path in a data directory.
    static QString pathIn(const QString &dataDir);
    // The token in the file; when there is no file yet, a new token written to it (owner read/write only,
    // atomically). Fails when the file cannot be read or written, or holds no token.
    static Result<QString> readOrCreate(const QString &path);
    // 32 random bytes from the system's generator, base64url without padding (43 characters).
    static QString generate();
};
