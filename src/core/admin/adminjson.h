#pragma once

#include <QDateTime>
#include <QVariant>

#include "protocol/json.h"

class QAbstractItemModel;
struct LogRecord;

// The JSON forms the admin endpoint shares between its snapshot, events and answers: Qt values as
// themselves (numbers, texts, booleans, lists, maps), times as ISO 8601 UTC text with milliseconds
// ("2026-01-02T03:04:05.678Z"), invalid times, invalid values and non-finite numbers as null; list model rows
// as objects keyed by role name, in role order; log records.
class AdminJson
{
public:
    static Json value(const QVariant &value);
    static Json time(const QDateTime &time);
    static Json row(const QAbstractItemModel &model, int row);
    // Every row, in order.
    static Json rows(const QAbstractItemModel &model);
    // {"sequence", "timeMs" (since the Unix epoch), "level" ("debug", "info", "warning", "error"),
    // "category", "message"}.
    static Json logRecord(const LogRecord &record);
};
