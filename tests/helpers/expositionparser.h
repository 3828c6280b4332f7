#pragma once

#include <QList>
#include <QMap>
#include <QString>

#include "protocol/json.h"
#include "util/result.h"

// The exposition oracle: the parse-prometheus-text-format npm package (tests/conformance/parse-metrics.js run
// by node) reads Prometheus text the way a scraper's parser does, independently of our encoder.
class ExpositionParser
{
public:
    struct Family
    {
        QString name;
        QString help;
        QString type; // COUNTER, GAUGE, HISTOGRAM, SUMMARY or UNTYPED, as the parser names them
    };

    struct Sample
    {
        QString name; // with a histogram's _bucket, _sum or _count suffix
        QMap<QString, QString> labels;
        QString value; // the text of the value, as the parser returns it
    };

    struct Exposition
    {
        QList<Family> families;
        QList<Sample> samples;
        Json parsed; // the parser's own result, for messages

        const Family *family(const QString &name) const;
        // The samples of one name (suffix included).
        QList<Sample> samplesNamed(const QString &name) const;
    };

    // What the parser read, or why not: its message for text it rejects ("Encountered invalid line: …"), or
    // why the oracle could not run (no node, no node_modules): a missing oracle never counts as a pass.
    static Result<Exposition> parse(const QByteArray &text);
};
