#pragma once

#include <QList>
#include <QString>

#include "protocol/json.h"
#include "util/result.h"

// The conformance oracle: the official validators of the tachyon-protocol npm package
// (tests/conformance/validate.js run by node) judge messages the autohost produced.
class ConformanceOracle
{
public:
    struct Verdict
    {
        Json message;
        // The validator's line, e.g. "INVALID [{…ajv errors…}]" or "NOVALIDATOR <commandId> <type>".
        QString output;
    };

    // The messages the validators reject (with their output), or an error when the oracle cannot run (no
    // node, no node_modules, a crash): a missing oracle never counts as a pass.
    static Result<QList<Verdict>> invalidMessages(const QList<Json> &messages);
    // Succeeds when the oracle ran and accepted every message; otherwise the error lists each rejected
    // message with the validator's output (or says why the oracle could not run).
    static Status checkAll(const QList<Json> &messages);
};
