// A fake spring-dedicated for tests: the command line, exit codes, UDP autohost interface and server commands
// of the real one (engine notes §1, §5, §6, §16, §17), with faults chosen in the start script's [MODOPTIONS]
// (see FakeEngine). Every line of its log is on stdout, including "[fake] received: <datagram>" for each
// datagram from the autohost.
#include <cstdio>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

#include "enginelog.h"
#include "fakeengine.h"
#include "tdfdocument.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
constexpr int UsageExitCode = 1;
constexpr int ContentErrorExitCode = 21;

int usage(const QString &program)
{
    const QByteArray text = "spring-dedicated: Usage: " + program.toUtf8() +
                            " [options] path_to_script.txt\n\n"
                            "  -isolation (Limit the data-dir (games & maps) scanner to one directory)\n"
                            "  -isolation-dir (Specify the isolation-mode data-dir (see --isolation))\n"
                            "  -config (Exclusive configuration file)\n";
    std::fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stderr);
    return UsageExitCode;
}

int contentError(const QString &message)
{
    EngineLog::line(
        u"Error: [ExitSpringProcess] errorMsg=\"%1\" msgCaption=\"Spring: caught content_error: \""_s.arg(
            message));
    return ContentErrorExitCode;
}
} // namespace

int main(int argc, char *argv[])
{
    EngineLog::start();
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();

    QString scriptPath;
    for (qsizetype i = 1; i < arguments.size(); ++i)
    {
        const QString &argument = arguments[i];
        if (argument == u"-isolation" || argument == u"--isolation")
        {
            continue;
        }
        if (argument == u"-isolation-dir" || argument == u"--isolation-dir" || argument == u"-config" ||
            argument == u"--config")
        {
            ++i;
            continue;
        }
        if (argument.startsWith(u'-') || !scriptPath.isEmpty())
        {
            return usage(arguments.first());
        }
        scriptPath = argument;
    }
    if (scriptPath.isEmpty())
    {
        return usage(arguments.first());
    }

    const QString writeDir = qEnvironmentVariableIsEmpty("SPRING_WRITEDIR")
                                 ? QDir::currentPath()
                                 : qEnvironmentVariable("SPRING_WRITEDIR");
    EngineLog::line(u"  Spring Engine Version: 106.0 (Dedicated) [fake]"_s);
    EngineLog::line(
        u"[DataDirLocater::FindWriteableDataDir] using writeable data-directory \"%1\""_s.arg(writeDir));
    EngineLog::line(u"[DedicatedServer] loading script from file: "_s + scriptPath);

    // Like the engine, a relative path is not looked up in the working directory.
    QFile scriptFile(scriptPath);
    if (QDir::isRelativePath(scriptPath) || !scriptFile.open(QIODevice::ReadOnly))
    {
        return contentError(u"script does not exist in given location: "_s + scriptPath);
    }
    const Result<TdfDocument> script = TdfDocument::parse(scriptFile.readAll());
    if (!script || !script->hasSection(u"game"_s))
    {
        if (!script)
        {
            EngineLog::line(u"Error: "_s + script.error());
        }
        return contentError(u"GAME-section missing from setup-script"_s);
    }

    FakeEngine engine(writeDir);
    if (const Status loaded = engine.load(*script); !loaded)
    {
        EngineLog::line(u"Error: [fake] "_s + loaded.error());
        std::fputs(qPrintable(loaded.error() + u'\n'), stderr);
        return UsageExitCode;
    }
    QTimer::singleShot(0, &engine, &FakeEngine::start);
    return QCoreApplication::exec();
}
