#include "conformanceoracle.h"

#include "nodescript.h"

using namespace Qt::Literals::StringLiterals;

Result<QList<ConformanceOracle::Verdict>> ConformanceOracle::invalidMessages(const QList<Json> &messages)
{
    QByteArray input;
    for (const Json &message : messages)
    {
        input += dumpJsonBytes(message) + '\n';
    }
    const auto output = NodeScript::run(QStringLiteral(AUTOHOST_CONFORMANCE_SCRIPT), u"tachyon-protocol"_s,
                                        input, u"the validator"_s);
    if (!output)
    {
        return fail(output.error());
    }
    // 0: all valid, 1: some invalid, 2: some without a validator; anything else is a broken oracle.
    if (output->exitCode > 2)
    {
        return fail(
            u"the validator failed (exit code %1): %2"_s.arg(output->exitCode).arg(output->standardError));
    }
    const QStringList lines = QString::fromUtf8(output->standardOutput).split(u'\n', Qt::SkipEmptyParts);
    if (lines.size() != messages.size())
    {
        return fail(u"the validator answered %1 lines for %2 messages: %3"_s.arg(lines.size())
                        .arg(messages.size())
                        .arg(output->standardError));
    }
    QList<Verdict> invalid;
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
