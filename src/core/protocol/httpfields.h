#pragma once

#include <QByteArrayView>

// Rules for HTTP header field values (RFC 9110 §5.6), shared by the admin endpoint's request parser and the
// WebSocket client's reading of the upgrade answer. Pure code.
namespace HttpFields
{
// The value without the optional white space (spaces and tabs) around it.
QByteArrayView trimmed(QByteArrayView value);
// Whether a comma-separated list value (Connection, Upgrade) holds token, compared without case.
bool listHasToken(QByteArrayView list, QByteArrayView token);
} // namespace HttpFields
