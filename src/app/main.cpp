// The server build (no desktop app): always headless.
#include <QCoreApplication>

#include "launcher.h"

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"autohost"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(AUTOHOST_VERSION));

    Launcher launcher;
    if (const int exitCode = launcher.prepare(app, Launcher::Face::Headless); exitCode >= 0)
    {
        return exitCode;
    }
    return launcher.runHeadless(app);
}
