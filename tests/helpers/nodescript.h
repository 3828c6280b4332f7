#pragma once

#include <QByteArray>
#include <QString>

#include "util/result.h"

// A script of tests/conformance run by node (found when the project was configured) with its npm package from
// `npm ci`: what it read on stdin, what it printed and how it ended. The oracles of the tests are such
// scripts.
class NodeScript
{
public:
    struct Output
    {
        int exitCode = 0;
        QByteArray standardOutput;
        QString standardError;
    };

    // Fails when the script cannot run (no node, the package missing, no start), crashes or runs over 60 s;
    // description names it in those messages ("the validator").
    static Result<Output> run(const QString &script, const QString &package, const QByteArray &input,
                              const QString &description);
};
