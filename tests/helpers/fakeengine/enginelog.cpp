#include "enginelog.h"

#include <chrono>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace
{
std::chrono::steady_clock::time_point startTime = std::chrono::steady_clock::now();
} // namespace

void EngineLog::start()
{
    startTime = std::chrono::steady_clock::now();
}

void EngineLog::line(const QString &text)
{
    using namespace std::chrono;
    const qint64 elapsed = duration_cast<microseconds>(steady_clock::now() - startTime).count();
    const qint64 micros = elapsed % 1000000;
    const qint64 seconds = elapsed / 1000000;
    const QString stamp = u"[t=%1:%2:%3.%4] "_s.arg(seconds / 3600, 2, 10, QChar(u'0'))
                              .arg(seconds / 60 % 60, 2, 10, QChar(u'0'))
                              .arg(seconds % 60, 2, 10, QChar(u'0'))
                              .arg(micros, 6, 10, QChar(u'0'));
    const QByteArray bytes = (stamp + text).toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

QString EngineLog::printable(QByteArrayView bytes)
{
    QString result;
    for (const QChar c : QString::fromUtf8(bytes))
    {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
        {
            result += u"\\x"_s + QString::number(c.unicode(), 16).rightJustified(2, QChar(u'0'));
        }
        else
        {
            result += c;
        }
    }
    return result;
}
