#pragma once

#include <optional>

#include <QByteArray>
#include <QString>

#include "backend/autohostbackend.h"
#include "protocol/json.h"
#include "util/result.h"

// The frames of the admin stream (/api/v1/stream) as a client sees them, without the socket: what the server
// sends, read into a snapshot, an event or a control's result; and the control frames the client sends
// (docs/admin-api.md, "The stream").
struct StreamFrame
{
    enum class Type
    {
        Snapshot,
        Event,
        Result,
    };

    Type type = Type::Event;
    QString event; // Event: its name
    Json data;     // Snapshot and Event: their data; Result: the answer's data on success
    Json id;       // Result: the control's id (null when the server could not read the control's)
    std::optional<RequestFailure> failure; // Result: why the action failed

    // A server frame; fails with what is wrong with it (not JSON, an unknown type, a missing member).
    static Result<StreamFrame> read(const QByteArray &text);
    // {"type": "control", "id", "action", "data"}; a null data is left out.
    static QByteArray control(const Json &id, const QString &action, const Json &data);

    // A Result frame's answer.
    AutohostBackend::Answer answer() const;
};
