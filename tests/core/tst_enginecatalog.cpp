#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "engine/enginecatalog.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
bool writeFile(const QString &path, bool executable)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write("#!/bin/sh\n") < 0)
    {
        return false;
    }
    file.close();
    QFile::Permissions permissions = QFile::ReadOwner | QFile::WriteOwner;
    if (executable)
    {
        permissions |= QFile::ExeOwner;
    }
    return file.setPermissions(permissions);
}

// engines/<version>/spring-dedicated, optionally executable.
bool installEngine(const QString &enginesDir, const QString &version, bool executable = true)
{
    return QDir(enginesDir).mkpath(version) &&
           writeFile(enginesDir + u'/' + version + u'/' + EngineCatalog::dedicatedServerBinaryName(),
                     executable);
}

// An engine binary that answers --version like spring-dedicated does.
bool writeVersionedBinary(const QString &path, const QByteArray &versionLine)
{
    QFile file(path);
    if (!QDir().mkpath(QFileInfo(path).path()) || !file.open(QIODevice::WriteOnly) ||
        file.write("#!/bin/sh\necho 'banner on stderr' >&2\necho '" + versionLine + "'\n") < 0)
    {
        return false;
    }
    file.close();
    return file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}
} // namespace

class TestEngineCatalog : public QObject
{
    Q_OBJECT

private slots:
    void versionNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("release") << u"105.1.1-2590-gb9462a0 BAR105"_s << true;
        QTest::newRow("date") << u"2025.06.22"_s << true;
        QTest::newRow("plus") << u"2025.04.01+dev"_s << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("dot") << u"."_s << false;
        QTest::newRow("dot dot") << u".."_s << false;
        QTest::newRow("hidden") << u".partial"_s << false;
        QTest::newRow("leading space") << u" bad"_s << false;
        QTest::newRow("trailing space") << u"bad "_s << false;
        QTest::newRow("semicolon") << u"x;y"_s << false;
        QTest::newRow("slash") << u"a/b"_s << false;
        QTest::newRow("backslash") << u"a\\b"_s << false;
        QTest::newRow("underscore") << u"a_b"_s << false;
        QTest::newRow("unicode") << u"versión"_s << false;
    }

    void versionNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(EngineCatalog::isValidVersion(name), valid);
    }

    void createsMissingDirectory()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QString enginesDir = temp.filePath(u"sub/engines"_s);
        EngineCatalog catalog(enginesDir);
        QVERIFY(QFileInfo(enginesDir).isDir());
        QVERIFY(catalog.versions().isEmpty());
        QCOMPARE(catalog.enginesDir(), QDir(enginesDir).absolutePath());
    }

    void initialScan()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QString dir = temp.path();
        QVERIFY(installEngine(dir, u"2025.06.22"_s));
        QVERIFY(installEngine(dir, u"105.1.1-2590-gb9462a0 BAR105"_s));
        QVERIFY(installEngine(dir, u"2025.01.01"_s, false)); // binary not executable
        QVERIFY(QDir(dir).mkpath(u"2024.12.24"_s));          // no binary
        QVERIFY(installEngine(dir, u".hidden"_s));
        QVERIFY(installEngine(dir, u"x;y"_s));
        QVERIFY(installEngine(dir, u" bad"_s));
        QVERIFY(writeFile(dir + u"/2023.01.01"_s, true)); // a file, not a directory

        EngineCatalog catalog(dir);
        QCOMPARE(catalog.versions(), (QStringList{u"105.1.1-2590-gb9462a0 BAR105"_s, u"2025.06.22"_s}));
    }

    void dedicatedServerPath()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        QVERIFY(installEngine(temp.path(), u"2025.06.22"_s));
        QVERIFY(QDir(temp.path()).mkpath(u"2024.12.24"_s));
        EngineCatalog catalog(temp.path());
        const QString path = catalog.dedicatedServerPath(u"2025.06.22"_s);
        QVERIFY(QFileInfo(path).isAbsolute());
        QCOMPARE(QFileInfo(path).canonicalFilePath(),
                 QFileInfo(temp.filePath(u"2025.06.22/spring-dedicated"_s)).canonicalFilePath());
        QVERIFY(catalog.dedicatedServerPath(u"2024.12.24"_s).isEmpty());
        QVERIFY(catalog.dedicatedServerPath(u"9999"_s).isEmpty());
        QVERIFY(catalog.dedicatedServerPath(u".."_s).isEmpty());
    }

    void relativeDirectoryBecomesAbsolute()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        QVERIFY(installEngine(temp.path(), u"2025.06.22"_s));
        const QString relative = QDir::current().relativeFilePath(temp.path());
        EngineCatalog catalog(relative);
        QVERIFY(QDir::isAbsolutePath(catalog.enginesDir()));
        QCOMPARE(catalog.versions(), QStringList{u"2025.06.22"_s});
        QVERIFY(QFileInfo(catalog.dedicatedServerPath(u"2025.06.22"_s)).isAbsolute());
    }

    void newVersionAppears()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        QVERIFY(installEngine(temp.path(), u"2025.06.22"_s));
        EngineCatalog catalog(temp.path());
        QSignalSpy spy(&catalog, &EngineCatalog::versionsChanged);

        QVERIFY(installEngine(temp.path(), u"2025.07.01"_s));
        QVERIFY(spy.wait(5000));
        const QStringList expected{u"2025.06.22"_s, u"2025.07.01"_s};
        QCOMPARE(catalog.versions(), expected);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toStringList(), expected);
    }

    void versionAppearsWhenBinaryArrives()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        EngineCatalog catalog(temp.path());
        QSignalSpy spy(&catalog, &EngineCatalog::versionsChanged);

        // Unpacking: the directory first, the binary later.
        QVERIFY(QDir(temp.path()).mkpath(u"2025.07.01/base"_s));
        QVERIFY(writeFile(temp.filePath(u"2025.07.01/README"_s), false));
        QVERIFY(!spy.wait(600));
        QVERIFY(catalog.versions().isEmpty());

        const QString binary = temp.filePath(u"2025.07.01/spring-dedicated"_s);
        QVERIFY(writeFile(binary, false));
        QVERIFY(!spy.wait(600));
        QVERIFY(catalog.versions().isEmpty());

        QVERIFY(QFile::setPermissions(binary, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QTRY_COMPARE_WITH_TIMEOUT(catalog.versions(), QStringList{u"2025.07.01"_s}, 5000);
        QCOMPARE(spy.count(), 1);
    }

    void ignoredNamesDoNotSignal()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        EngineCatalog catalog(temp.path());
        QSignalSpy spy(&catalog, &EngineCatalog::versionsChanged);
        QVERIFY(installEngine(temp.path(), u".partial"_s));
        QVERIFY(installEngine(temp.path(), u"x;y"_s));
        QVERIFY(installEngine(temp.path(), u" bad"_s));
        QVERIFY(!spy.wait(600));
        QVERIFY(catalog.versions().isEmpty());
        // An unpacked engine renamed to its final name shows up.
        QVERIFY(QDir(temp.path()).rename(u".partial"_s, u"2025.06.22"_s));
        QVERIFY(spy.wait(5000));
        QCOMPARE(catalog.versions(), QStringList{u"2025.06.22"_s});
    }

    void removalDisappears()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        QVERIFY(installEngine(temp.path(), u"2025.06.22"_s));
        QVERIFY(installEngine(temp.path(), u"2025.07.01"_s));
        EngineCatalog catalog(temp.path());
        QCOMPARE(catalog.versions().size(), 2);
        QSignalSpy spy(&catalog, &EngineCatalog::versionsChanged);

        QVERIFY(QDir(temp.filePath(u"2025.07.01"_s)).removeRecursively());
        QVERIFY(spy.wait(5000));
        QCOMPARE(catalog.versions(), QStringList{u"2025.06.22"_s});
        QVERIFY(catalog.dedicatedServerPath(u"2025.07.01"_s).isEmpty());

        // Only the binary goes away.
        QVERIFY(QFile::remove(temp.filePath(u"2025.06.22/spring-dedicated"_s)));
        QVERIFY(spy.wait(5000));
        QVERIFY(catalog.versions().isEmpty());
        QCOMPARE(spy.count(), 2);
        QVERIFY(spy.last().at(0).toStringList().isEmpty());
    }

    void rescanWithoutChangeDoesNotSignal()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        QVERIFY(installEngine(temp.path(), u"2025.06.22"_s));
        EngineCatalog catalog(temp.path());
        QSignalSpy spy(&catalog, &EngineCatalog::versionsChanged);
        catalog.rescan();
        QVERIFY(writeFile(temp.filePath(u"2025.06.22/other-file"_s), false));
        QVERIFY(!spy.wait(600));
        QCOMPARE(catalog.versions(), QStringList{u"2025.06.22"_s});
    }

    void symlinkedEngineDirectory()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QString store = temp.filePath(u"store"_s);
        const QString enginesDir = temp.filePath(u"engines"_s);
        QVERIFY(installEngine(store, u"2025.06.22"_s));
        QVERIFY(QDir().mkpath(enginesDir));
        QVERIFY(QFile::link(store + u"/2025.06.22"_s, enginesDir + u"/2025.06.22"_s));

        EngineCatalog catalog(enginesDir);
        QCOMPARE(catalog.versions(), QStringList{u"2025.06.22"_s});
        QVERIFY(QFileInfo(catalog.dedicatedServerPath(u"2025.06.22"_s)).isExecutable());

        QSignalSpy spy(&catalog, &EngineCatalog::versionsChanged);
        QVERIFY(installEngine(store, u"2025.07.01"_s));
        QVERIFY(QFile::link(store + u"/2025.07.01"_s, enginesDir + u"/2025.07.01"_s));
        QVERIFY(spy.wait(5000));
        QCOMPARE(catalog.versions(), (QStringList{u"2025.06.22"_s, u"2025.07.01"_s}));
    }

    void symlinkedBinary()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QString target = temp.filePath(u"real-spring-dedicated"_s);
        QVERIFY(writeFile(target, true));
        QVERIFY(QDir(temp.path()).mkpath(u"engines/2025.06.22"_s));
        QVERIFY(QDir(temp.path()).mkpath(u"engines/2025.07.01"_s));
        QVERIFY(QFile::link(target, temp.filePath(u"engines/2025.06.22/spring-dedicated"_s)));
        QVERIFY(QFile::link(temp.filePath(u"missing"_s),
                            temp.filePath(u"engines/2025.07.01/spring-dedicated"_s)));
        EngineCatalog catalog(temp.filePath(u"engines"_s));
        // A dangling link is no engine.
        QCOMPARE(catalog.versions(), QStringList{u"2025.06.22"_s});
    }

    void symlinkedEnginesRoot()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        QVERIFY(installEngine(temp.filePath(u"real"_s), u"2025.06.22"_s));
        QVERIFY(QFile::link(temp.filePath(u"real"_s), temp.filePath(u"engines"_s)));
        EngineCatalog catalog(temp.filePath(u"engines"_s));
        QCOMPARE(catalog.versions(), QStringList{u"2025.06.22"_s});
        QSignalSpy spy(&catalog, &EngineCatalog::versionsChanged);
        QVERIFY(installEngine(temp.filePath(u"real"_s), u"2025.07.01"_s));
        QVERIFY(spy.wait(5000));
        QCOMPARE(catalog.versions().size(), 2);
    }
    void versionFromOutput_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<QString>("version");
        QTest::newRow("debian")
            << QByteArray("[t=00:00:00.000171] ===\n\nspring-dedicated version 106.0 (Dedicated)\n")
            << u"106.0"_s;
        QTest::newRow("with space")
            << QByteArray("spring-dedicated version 105.1.1-2590-gb9462a0 BAR105 (Dedicated)")
            << u"105.1.1-2590-gb9462a0 BAR105"_s;
        QTest::newRow("no build kind")
            << QByteArray("spring-dedicated version 2025.06.22\n") << u"2025.06.22"_s;
        QTest::newRow("other program") << QByteArray("bash version 5.2 (release)\n") << QString();
        QTest::newRow("nothing") << QByteArray("usage: spring-dedicated [options]\n") << QString();
        QTest::newRow("invalid characters")
            << QByteArray("spring-dedicated version 1.0;rm (Dedicated)") << QString();
        QTest::newRow("path escape") << QByteArray("spring-dedicated version ../.. (Dedicated)") << QString();
    }

    void versionFromOutput()
    {
        QFETCH(QByteArray, output);
        QFETCH(QString, version);
        QCOMPARE(EngineCatalog::versionFromOutput(output), version);
    }

    void debianSystemEngine()
    {
        const QString debian = u"/usr/games/spring-dedicated"_s;
        if (!QFileInfo::exists(debian))
        {
            QFAIL("Debian's spring-dedicated is missing: install the package \"spring\" "
                  "(scripts/install-deps.sh --tests)");
        }
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        EngineCatalog catalog(EngineSources{temp.path(), {}, EngineCatalog::defaultSystemBinaries()});
        QVERIFY(catalog.versions().contains(u"106.0"_s));
        QCOMPARE(QFileInfo(catalog.dedicatedServerPath(u"106.0"_s)).canonicalFilePath(),
                 QFileInfo(debian).canonicalFilePath());
        const auto engines = catalog.engines();
        const auto system =
            std::find_if(engines.cbegin(), engines.cend(),
                         [](const EngineCatalog::Engine &e) { return e.version == u"106.0"_s; });
        QCOMPARE(system->origin, EngineCatalog::Origin::System);
    }

    void extraDirectoriesAndPriority()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QString engines = temp.filePath(u"engines"_s);
        // An extra directory that is one engine (version from the binary), one that holds versions, one
        // missing.
        const QString single = temp.filePath(u"recoil-build"_s);
        QVERIFY(writeVersionedBinary(single + u"/spring-dedicated"_s,
                                     "spring-dedicated version 2025.08.01 (Dedicated)"));
        const QString collection = temp.filePath(u"other engines"_s);
        QVERIFY(installEngine(collection, u"2025.06.22"_s));
        QVERIFY(installEngine(collection, u"2025.05.05"_s));
        QVERIFY(installEngine(engines, u"2025.06.22"_s));
        // A system binary reporting a version that is also installed, and one reporting its own.
        const QString systemShadowed = temp.filePath(u"usr/a/spring-dedicated"_s);
        QVERIFY(writeVersionedBinary(systemShadowed, "spring-dedicated version 2025.05.05 (Dedicated)"));
        const QString systemOwn = temp.filePath(u"usr/b/spring-dedicated"_s);
        QVERIFY(writeVersionedBinary(systemOwn, "spring-dedicated version 106.0 (Dedicated)"));
        const QString systemSilent = temp.filePath(u"usr/c/spring-dedicated"_s);
        QVERIFY(writeVersionedBinary(systemSilent, "no version here"));

        EngineCatalog catalog(
            EngineSources{engines,
                          {single, collection, temp.filePath(u"missing"_s)},
                          {systemShadowed, systemOwn, systemSilent, temp.filePath(u"nope"_s)}});
        using Origin = EngineCatalog::Origin;
        const QList<EngineCatalog::Engine> expected{
            {u"106.0"_s, systemOwn, Origin::System},
            {u"2025.05.05"_s, collection + u"/2025.05.05/spring-dedicated"_s, Origin::Extra},
            {u"2025.06.22"_s, QDir(engines).absolutePath() + u"/2025.06.22/spring-dedicated"_s,
             Origin::Installed},
            {u"2025.08.01"_s, single + u"/spring-dedicated"_s, Origin::Extra},
        };
        QCOMPARE(catalog.engines(), expected);

        // The extra directory of versions is watched like the engines directory.
        QSignalSpy spy(&catalog, &EngineCatalog::versionsChanged);
        QVERIFY(installEngine(collection, u"2025.09.09"_s));
        QVERIFY(spy.wait(5000));
        QVERIFY(catalog.versions().contains(u"2025.09.09"_s));
    }

    void singleEngineDirectoryFallsBackToItsName()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QString named = temp.filePath(u"2025.10.10"_s);
        QVERIFY(writeVersionedBinary(named + u"/spring-dedicated"_s, "garbage"));
        const QString unnamed = temp.filePath(u"my_build"_s);
        QVERIFY(writeVersionedBinary(unnamed + u"/spring-dedicated"_s, "garbage"));
        EngineCatalog catalog(EngineSources{temp.filePath(u"engines"_s), {named, unnamed}, {}});
        QCOMPARE(catalog.versions(), QStringList{u"2025.10.10"_s});
    }
};

QTEST_GUILESS_MAIN(TestEngineCatalog)
#include "tst_enginecatalog.moc"
