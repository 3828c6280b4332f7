#pragma once

#include <atomic>
#include <functional>

#include <QString>

#include "util/result.h"

// Guards against archives that would fill the disk (zip bombs): both are checked while extracting.
struct ExtractLimits
{
    // Unpacked bytes of all files together, counted as they are written, not only from the headers.
    qint64 maxTotalBytes = 8LL << 30;
    qint64 maxEntries = 200000;
};

struct ExtractSummary
{
    qint64 files = 0;
    qint64 directories = 0;
    qint64 symlinks = 0;
    qint64 bytes = 0;
};

// Unpacks engine archives (BAR ships portable 7z builds; every format libarchive reads works) in-process with
// libarchive, checking every entry before anything of it is written:
// - names: no absolute paths (also "C:" drive paths and leading backslashes), no ".." component, no backslash
//   (a separator on Windows), not empty, not written through a symbolic link the archive created before;
// - types: files, directories and symbolic links only; no hard links, devices, named pipes or sockets;
// - symbolic links: relative targets that stay inside the target directory (see the .cpp);
// - permissions are kept (an engine binary stays executable) without set-user/group-id, sticky and
//   group/other write bits; the owner can always read and write (directories: enter), so the caller can
//   always remove what was extracted; owners and times are not restored.
// libarchive's own safeguards (no "..", no writing through symbolic links) stay on as a second line.
// Thread-safe and free of QObject and event loops, for worker threads. Extractions run one at a time
// (see the .cpp for why); a waiting one still sees its cancel flag.
class EngineArchive
{
public:
    // Extracts archivePath into targetDir, which must exist. The first unsafe entry stops the extraction with
    // an error naming it (e.g. `unsafe entry "../evil": leaves the target directory`); read errors carry
    // libarchive's message. After an error, part of the archive may have been written: the caller removes
    // targetDir. progress gets the file bytes written so far after every block, on the calling thread;
    // setting *cancel stops the extraction soon with the error "cancelled".
    static Result<ExtractSummary> extract(const QString &archivePath, const QString &targetDir,
                                          const ExtractLimits &limits = {},
                                          const std::function<void(qint64 bytesWritten)> &progress = {},
                                          const std::atomic_bool *cancel = nullptr);
};
