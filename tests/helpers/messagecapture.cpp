#include "messagecapture.h"

#include <utility>

#include <QMutex>

namespace
{
QMutex g_mutex;
QStringList g_messages;
QtMessageHandler g_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        const QMutexLocker lock(&g_mutex);
        g_messages.append(message);
    }
    g_previous(type, context, message);
}
} // namespace

MessageCapture::MessageCapture()
{
    g_previous = qInstallMessageHandler(capture);
}

MessageCapture::~MessageCapture()
{
    qInstallMessageHandler(g_previous);
    const QMutexLocker lock(&g_mutex);
    g_messages.clear();
}

QStringList MessageCapture::take()
{
    const QMutexLocker lock(&g_mutex);
    return std::exchange(g_messages, {});
}
