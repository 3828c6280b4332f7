#include <memory>

#include <QQmlComponent>
#include <QQmlEngine>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "uipreferences.h"

using namespace Qt::Literals::StringLiterals;

// The desktop app's own preferences: theme and language kept in an INI file, and the language really applied
// to QML through the embedded translations.
class TestUiPreferences : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString settingsFile() const { return m_dir.filePath(u"desktop.ini"_s); }

    // A QML object whose properties are translated as the app's Main.qml is (same translation context).
    static std::unique_ptr<QObject> translatedObject(QQmlEngine &engine)
    {
        QQmlComponent component(&engine);
        component.setData(
            "import QtQuick\n"
            "QtObject {\n"
            "    property string dashboard: qsTr(\"Dashboard\")\n"
            "    property int count: 1\n"
            "    property string running: qsTr(\"%n battle(s) are running. Quitting stops them: every "
            "engine is told to quit and players are disconnected.\", \"\", count)\n"
            "}\n",
            QUrl(u"qrc:/test/Main.qml"_s));
        std::unique_ptr<QObject> object(component.create());
        if (!object)
        {
            qWarning().noquote() << component.errorString();
        }
        return object;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(settingsFile());
    }

    void themeIsStoredAndReadBack()
    {
        {
            UiPreferences preferences(settingsFile());
            QCOMPARE(preferences.theme(), u"system"_s);
            QSignalSpy changed(&preferences, &UiPreferences::themeChanged);
            preferences.setTheme(u"dark"_s);
            QCOMPARE(preferences.theme(), u"dark"_s);
            QCOMPARE(changed.count(), 1);
            preferences.setTheme(u"dark"_s);
            QCOMPARE(changed.count(), 1);
        }
        QCOMPARE(QSettings(settingsFile(), QSettings::IniFormat).value(u"ui/theme"_s).toString(), u"dark"_s);
        UiPreferences reopened(settingsFile());
        QCOMPARE(reopened.theme(), u"dark"_s);
        QVERIFY(reopened.dark());
        reopened.setTheme(u"light"_s);
        QCOMPARE(UiPreferences(settingsFile()).theme(), u"light"_s);
    }

    void systemThemeFollowsTheSystem()
    {
        UiPreferences preferences(settingsFile());
        QSignalSpy changed(&preferences, &UiPreferences::themeChanged);
        preferences.setSystemDark(true);
        QVERIFY(preferences.dark());
        QCOMPARE(changed.count(), 1);
        preferences.setSystemDark(false);
        QVERIFY(!preferences.dark());

        // A chosen theme ignores the system.
        preferences.setTheme(u"dark"_s);
        QVERIFY(preferences.dark());
        preferences.setTheme(u"light"_s);
        preferences.setSystemDark(true);
        QVERIFY(!preferences.dark());
    }

    void unknownValuesFallBack()
    {
        {
            QSettings file(settingsFile(), QSettings::IniFormat);
            file.setValue(u"ui/theme"_s, u"purple"_s);
            file.setValue(u"ui/language"_s, u"tlh"_s);
        }
        UiPreferences preferences(settingsFile());
        QCOMPARE(preferences.theme(), u"system"_s);
        QCOMPARE(preferences.language(), QString());

        preferences.setTheme(u"dark"_s);
        preferences.setTheme(u"sepia"_s);
        QCOMPARE(preferences.theme(), u"system"_s);
        preferences.setLanguage(u"de"_s);
        preferences.setLanguage(u"ja"_s);
        QCOMPARE(preferences.language(), QString());
        QCOMPARE(QSettings(settingsFile(), QSettings::IniFormat).value(u"ui/language"_s).toString(),
                 QString());
    }

    void languageFollowsTheSystem_data()
    {
        QTest::addColumn<QString>("chosen");
        QTest::addColumn<QString>("system");
        QTest::addColumn<QString>("effective");

        QTest::newRow("system German") << QString() << u"de"_s << u"de"_s;
        QTest::newRow("system Russian") << QString() << u"ru"_s << u"ru"_s;
        QTest::newRow("system Japanese: English") << QString() << u"ja"_s << u"en"_s;
        QTest::newRow("chosen French over German") << u"fr"_s << u"de"_s << u"fr"_s;
        QTest::newRow("chosen English over Polish") << u"en"_s << u"pl"_s << u"en"_s;
    }

    void languageFollowsTheSystem()
    {
        QFETCH(QString, chosen);
        QFETCH(QString, system);
        QFETCH(QString, effective);

        UiPreferences preferences(settingsFile());
        QSignalSpy changed(&preferences, &UiPreferences::languageChanged);
        preferences.setSystemLanguage(system);
        preferences.setLanguage(chosen);
        QCOMPARE(preferences.language(), chosen);
        QCOMPARE(preferences.effectiveLanguage(), effective);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(UiPreferences(settingsFile()).language(), chosen);
    }

    void languagesAreNamedInTheirOwnLanguage()
    {
        const QVariantList languages = UiPreferences::languages();
        QCOMPARE(languages.size(), 5);
        QStringList codes;
        QStringList names;
        for (const QVariant &language : languages)
        {
            codes.append(language.toMap().value(u"code"_s).toString());
            names.append(language.toMap().value(u"name"_s).toString());
        }
        QCOMPARE(codes, UiPreferences::languageCodes());
        QCOMPARE(codes, (QStringList{u"en"_s, u"de"_s, u"fr"_s, u"pl"_s, u"ru"_s}));
        QCOMPARE(names, (QStringList{u"English"_s, u"Deutsch"_s, u"Français"_s, u"Polski"_s, u"Русский"_s}));
    }

    void switchingTheLanguageRetranslatesQml_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("dashboard");
        QTest::addColumn<QString>("oneBattleStart");
        QTest::addColumn<QString>("twoBattlesStart");

        QTest::newRow("de") << u"de"_s << u"Übersicht"_s << u"1 Partie läuft."_s << u"2 Partien laufen."_s;
        QTest::newRow("fr") << u"fr"_s << u"Tableau de bord"_s << u"1 partie est en cours."_s
                            << u"2 parties sont en cours."_s;
        QTest::newRow("pl") << u"pl"_s << u"Pulpit"_s << u"Trwa 1 bitwa."_s << u"Trwają 2 bitwy."_s;
        QTest::newRow("ru") << u"ru"_s << u"Обзор"_s << u"Идёт 1 бой."_s << u"Идут 2 боя."_s;
    }

    void switchingTheLanguageRetranslatesQml()
    {
        QFETCH(QString, language);
        QFETCH(QString, dashboard);
        QFETCH(QString, oneBattleStart);
        QFETCH(QString, twoBattlesStart);

        QQmlEngine engine;
        UiPreferences preferences(settingsFile());
        preferences.setSystemLanguage(u"en"_s);
        preferences.attach(&engine);
        const std::unique_ptr<QObject> object = translatedObject(engine);
        QVERIFY(object);
        QCOMPARE(object->property("dashboard").toString(), u"Dashboard"_s);
        // English plural forms come from the English translation, not from "battle(s)".
        QVERIFY2(object->property("running").toString().startsWith(u"1 battle is running."_s),
                 qPrintable(object->property("running").toString()));

        preferences.setLanguage(language);
        QCOMPARE(engine.uiLanguage(), language);
        QCOMPARE(object->property("dashboard").toString(), dashboard);
        QVERIFY2(object->property("running").toString().startsWith(oneBattleStart),
                 qPrintable(object->property("running").toString()));
        object->setProperty("count", 2);
        QVERIFY2(object->property("running").toString().startsWith(twoBattlesStart),
                 qPrintable(object->property("running").toString()));

        preferences.setLanguage(u"en"_s);
        QCOMPARE(object->property("dashboard").toString(), u"Dashboard"_s);
        QVERIFY2(object->property("running").toString().startsWith(u"2 battles are running."_s),
                 qPrintable(object->property("running").toString()));
    }

    void systemLanguageTranslatesWhenNoneIsChosen()
    {
        QQmlEngine engine;
        UiPreferences preferences(settingsFile());
        preferences.setSystemLanguage(u"de"_s);
        preferences.attach(&engine);
        const std::unique_ptr<QObject> object = translatedObject(engine);
        QVERIFY(object);
        QCOMPARE(object->property("dashboard").toString(), u"Übersicht"_s);

        preferences.setSystemLanguage(u"ja"_s);
        QCOMPARE(object->property("dashboard").toString(), u"Dashboard"_s);
    }
};

QTEST_MAIN(TestUiPreferences)
#include "tst_uipreferences.moc"
