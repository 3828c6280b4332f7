#pragma once

#include <QByteArray>

// The reason phrase of an HTTP status line ("Not Found" for 404); "Error" for a status it does not know.
QByteArray httpReasonPhrase(int status);
