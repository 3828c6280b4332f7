#include "conformanceoracle.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>

using namespace Qt::Literals::StringLiterals;

Result<QList<ConformanceOracle::Verdict>> ConformanceOracle::invalidMessages(const QList<Json> &messages)
{
    const QString node = QStringLiteral(AUTOHOST_NODE_EXECUTABLE);
    const QString script = QStringLiteral(AUTOHOST_CONFORMANCE_SCRIPT);
    if (node.isEmpty() || !QFileInfo(node).isExecutable())
    {
        return fail(u"node was not found when the project was configured; install Node.js and reconfigure"_s);
    }
    const QDir directory = QFileInfo(script).dir();
    if (!QFileInfo::exists(directory.filePath(u"node_modules/tachyon-protocol/package.json"_s)))
    {
        return fail(u"the tachyon-protocol package is missing; run `npm ci` in "_s + directory.path());
    }
    QList<Verdict> invalid;
    if (messages.isEmpty())
    {
        return invalid;
    }

    QProcess process;
    process.setWorkingDirectory(directory.path());
    process.start(node, {script});
    if (!process.waitForStarted(30000))
    {
        return fail(u"cannot start node: "_s + process.errorString());
    }
    for (const Json &message : messages)
    {
        process.write(dumpJsonBytes(message) + '\n');
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
    {
        process.kill();
        process.waitForFinished();
        return fail(u"the validator did not finish within 60 s"_s);
    }
    const QString errors = QString::fromUtf8(process.readAllStandardError());
    // 0: all valid, 1: some invalid, 2: some without a validator; anything else is a broken oracle.
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() > 2)
    {
        return fail(u"the validator failed (exit code %1): %2"_s.arg(process.exitCode()).arg(errors));
    }
    const QStringList lines =
        QString::fromUtf8(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    if (lines.size() != messages.size())
    {
        return fail(u"the validator answered %1 lines for %2 messages: %3"_s.arg(lines.size())
                        .arg(messages.size())
                        .arg(errors));
    }
    for (qsizetype i = 0; i < lines.size(); ++i)
    {
        if (lines[i].trimmed() != u"VALID"_s)
        {
            invalid.append({messages[i], lines[i].trimmed()});
        }
    }
    return invalid;
}

Status ConformanceOracle::checkAll(const QList<Json> &messages)
{
    const auto invalid = invalidMessages(messages);
    if (!invalid)
    {
        return fail(invalid.error());
    }
    QStringList problems;
    for (const Verdict &verdict : *invalid)
    {
        problems.append(toQString(dumpJson(verdict.message)) + QStringLiteral(" -> ") + verdict.output);
    }
    if (!problems.isEmpty())
    {
        return fail(problems.join(u'\n'));
    }
    return succeeded();
}
