#pragma once

#include <QStringList>
#include <QtGlobal>

// Keeps every message logged while it lives (from any thread) and passes it on to the handler that was
// installed before (Qt Test's), so that a test can check what the code logged. One at a time.
class MessageCapture
{
public:
    MessageCapture();
    ~MessageCapture();
    MessageCapture(const MessageCapture &) = delete;
    MessageCapture &operator=(const MessageCapture &) = delete;

    // The messages logged since the last call.
    QStringList take();
};
