#include "nodescript.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>

using namespace Qt::Literals::StringLiterals;

Result<NodeScript::Output> NodeScript::run(const QString &script, const QString &package,
                                           const QByteArray &input, const QString &description)
{
    const QString node = QStringLiteral(AUTOHOST_NODE_EXECUTABLE);
    if (node.isEmpty() || !QFileInfo(node).isExecutable())
    {
        return fail(u"node was not found when the project was configured; install Node.js and reconfigure"_s);
    }
    const QDir directory = QFileInfo(script).dir();
    if (!QFileInfo::exists(directory.filePath(u"node_modules/%1/package.json"_s.arg(package))))
    {
        return fail(u"the %1 package is missing; run `npm ci` in %2"_s.arg(package, directory.path()));
    }
    QProcess process;
    process.setWorkingDirectory(directory.path());
    process.start(node, {script});
    if (!process.waitForStarted(30000))
    {
        return fail(u"cannot start node: "_s + process.errorString());
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
    {
        process.kill();
        process.waitForFinished();
        return fail(u"%1 did not finish within 60 s"_s.arg(description));
    }
    const QString errors = QString::fromUtf8(process.readAllStandardError()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit)
    {
        return fail(u"%1 crashed: %2"_s.arg(description, errors));
    }
    return Output{process.exitCode(), process.readAllStandardOutput(), errors};
}
