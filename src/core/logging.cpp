#include "logging.h"

#include <atomic>
#include <cstdio>
#include <mutex>

#include "logrecorder.h"
#include "protocol/json.h"

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcConfig, "autohost.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTachyon, "autohost.tachyon", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRequests, "autohost.requests", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUpdates, "autohost.updates", QtInfoMsg)
Q_LOGGING_CATEGORY(lcBattle, "autohost.battle", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEngine, "autohost.engine", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEngines, "autohost.engines", QtInfoMsg)
Q_LOGGING_CATEGORY(lcContent, "autohost.content", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAdmin, "autohost.admin", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRemote, "autohost.remote", QtInfoMsg)

namespace
{

// Read by every thread that logs, changed by a reload on the main thread.
std::atomic<LogOutput::Format> g_format = LogOutput::Format::Text;
std::mutex g_writeMutex;

const char *levelName(QtMsgType type)
{
    switch (type)
    {
    case QtDebugMsg:
        return "DEBUG";
    case QtInfoMsg:
        return "INFO";
    case QtWarningMsg:
        return "WARN";
    case QtCriticalMsg:
        return "ERROR";
    case QtFatalMsg:
        return "FATAL";
    }
    return "INFO";
}

void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QDateTime time = QDateTime::currentDateTimeUtc();
    const QByteArray line = LogOutput::formatLine(g_format, type, context.category, message, time);
    {
        // Lines from several threads must not interleave, and each must reach the log even if the process
        // dies next.
        const std::lock_guard lock(g_writeMutex);
        std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
        std::fflush(stderr);
    }
    LogRecorder::recordToActive(type, context.category, message, time.toMSecsSinceEpoch());
}

} // namespace

void LogOutput::install(Format format)
{
    g_format = format;
    qInstallMessageHandler(handleMessage);
}

void LogOutput::setFormat(Format format)
{
    g_format = format;
}

QByteArray LogOutput::formatLine(Format format, QtMsgType type, const char *category, const QString &message,
                                 const QDateTime &time)
{
    const QByteArray timeText = time.toUTC().toString(Qt::ISODateWithMs).toLatin1();
    const QByteArray categoryText = category && *category ? QByteArray(category) : QByteArray("default");
    const QByteArray level(levelName(type));
    if (format == Format::Json)
    {
        Json line = Json::object();
        line["time"] = timeText.toStdString();
        line["level"] = level.toLower().toStdString();
        line["category"] = categoryText.toStdString();
        line["message"] = message.toStdString();
        return dumpJsonBytes(line) + '\n';
    }
    return timeText + ' ' + level.leftJustified(5) + ' ' + categoryText + "  " + message.toUtf8() + '\n';
}
