#pragma once

#include <QObject>
#include <QSettings>
#include <QTranslator>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;

// The desktop app's own preferences (not the autohost configuration): theme and language, kept in an INI
// file. The language follows the system locale unless the operator picks one; a change retranslates the
// running UI.
class UiPreferences : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by AppController")

    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged)
    Q_PROPERTY(bool dark READ dark NOTIFY themeChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QString effectiveLanguage READ effectiveLanguage NOTIFY languageChanged)
    Q_PROPERTY(QVariantList languages READ languages CONSTANT)

public:
    // settingsFile: the INI file; empty uses the platform's default location for the application.
    explicit UiPreferences(const QString &settingsFile = {}, QObject *parent = nullptr);

    // "system", "light" or "dark".
    QString theme() const { return m_theme; }
    void setTheme(const QString &theme);
    bool dark() const;

    // "" (the system's language) or a code of languages().
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    // The language in use: the chosen one, or the system's when it is one of ours, else "en".
    QString effectiveLanguage() const;
    // [{code, name}] with each language's name in that language.
    static QVariantList languages();
    static QStringList languageCodes();

    // Installs the translator of the effective language and retranslates engine's bindings on every change.
    void attach(QQmlEngine *engine);

    // For tests: what the system looks like.
    void setSystemLanguage(const QString &code);
    void setSystemDark(bool dark);

signals:
    void themeChanged();
    void languageChanged();

private:
    void applyTranslation();

    QSettings m_settings;
    QString m_theme;
    QString m_language;
    QString m_systemLanguage;
    bool m_systemDark = false;
    QTranslator m_translator;
    QQmlEngine *m_engine = nullptr;
};
