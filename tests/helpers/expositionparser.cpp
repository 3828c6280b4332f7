#include "expositionparser.h"

#include "nodescript.h"

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
    const auto run = NodeScript::run(QStringLiteral(AUTOHOST_EXPOSITION_PARSER_SCRIPT),
                                     u"parse-prometheus-text-format"_s, text, u"the exposition parser"_s);
    if (!run)
    {
        return fail(run.error());
    }
    const QString &errors = run->standardError;
    if (run->exitCode != 0)
    {
        return fail(u"the parser rejected the text (exit code %1): %2"_s.arg(run->exitCode).arg(errors));
    }
    const QByteArray &output = run->standardOutput;
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
