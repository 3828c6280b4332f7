#include "expositionparser.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>

using namespace Qt::Literals::StringLiterals;

const ExpositionParser::Family *ExpositionParser::Exposition::family(const QString &name) const
{
    for (const Family &candidate : families)
    {
        if (candidate.name == name)
        {
            return &candidate;
        }
    }
    return nullptr;
}

QList<ExpositionParser::Sample> ExpositionParser::Exposition::samplesNamed(const QString &name) const
{
    QList<Sample> named;
    for (const Sample &sample : samples)
    {
        if (sample.name == name)
        {
            named.append(sample);
        }
    }
    return named;
}

Result<ExpositionParser::Exposition> ExpositionParser::parse(const QByteArray &text)
{
    const QString node = QStringLiteral(AUTOHOST_NODE_EXECUTABLE);
    const QString script = QStringLiteral(AUTOHOST_EXPOSITION_PARSER_SCRIPT);
    if (node.isEmpty() || !QFileInfo(node).isExecutable())
    {
        return fail(u"node was not found when the project was configured; install Node.js and reconfigure"_s);
    }
    const QDir directory = QFileInfo(script).dir();
    if (!QFileInfo::exists(directory.filePath(u"node_modules/parse-prometheus-text-format/package.json"_s)))
    {
        return fail(u"the parse-prometheus-text-format package is missing; run `npm ci` in "_s +
                    directory.path());
    }

    QProcess process;
    process.setWorkingDirectory(directory.path());
    process.start(node, {script});
    if (!process.waitForStarted(30000))
    {
        return fail(u"cannot start node: "_s + process.errorString());
    }
    process.write(text);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
    {
        process.kill();
        process.waitForFinished();
        return fail(u"the exposition parser did not finish within 60 s"_s);
    }
    const QString errors = QString::fromUtf8(process.readAllStandardError()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
    {
        return fail(u"the parser rejected the text (exit code %1): %2"_s.arg(process.exitCode()).arg(errors));
    }
    const QByteArray output = process.readAllStandardOutput();
    const Json parsed = Json::parse(output.begin(), output.end(), nullptr, false);
    if (!parsed.is_object())
    {
        return fail(u"the parser's output is no JSON object: "_s + errors);
    }
    Exposition exposition;
    exposition.parsed = parsed;
    for (const Json &family : parsed.value("families", Json::array()))
    {
        exposition.families.append({toQString(family.value("name", "")), toQString(family.value("help", "")),
                                    toQString(family.value("type", ""))});
    }
    for (const Json &sample : parsed.value("samples", Json::array()))
    {
        Sample parsedSample{toQString(sample.value("name", "")), {}, toQString(sample.value("value", ""))};
        const Json labels = sample.value("labels", Json::object());
        for (const auto &[name, value] : labels.items())
        {
            parsedSample.labels.insert(toQString(name), toQString(value.get<std::string>()));
        }
        exposition.samples.append(parsedSample);
    }
    return exposition;
}
