#pragma once

#include <optional>

#include <QCoreApplication>
#include <QList>
#include <QString>

#include "backend/remotebackend.h"
#include "util/result.h"

// The desktop app's list of remote autohosts it attaches to, kept in a JSON file of its own:
// {"autohosts": [{"name", "host", "port", "tls", "token", "certificateFile"}]}. The tokens are secrets, so
// the file is written owner-only (0600) and replaced whole; a file other users can read is still read, with a
// warning. Entries that make no sense (no host, a port out of range) are skipped with a warning, so one bad
// line does not lose the rest.
class SavedAutohosts
{
    Q_DECLARE_TR_FUNCTIONS(SavedAutohosts)

public:
    struct Entry
    {
        QString name; // what the operator calls it; the address when empty
        RemoteBackend::Settings settings;

        // host:port ([host]:port for an IPv6 address).
        QString address() const;
        // The name, or the address when it has none.
        QString displayName() const;
        friend bool operator==(const Entry &a, const Entry &b);
    };

    // A missing file is an empty list; an unreadable or malformed one is an error.
    static Result<QList<Entry>> load(const QString &path);
    // Writes the list (creating the file's directory).
    static Status save(const QString &path, const QList<Entry> &entries);

    struct Problem
    {
        QString field; // "host", "port", "token" or "certificateFile"
        QString message;
    };
    // What is wrong with an entry the operator typed (translated); nothing when it can be used.
    static std::optional<Problem> problem(const Entry &entry);
};
