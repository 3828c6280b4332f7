#include "uipreferences.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QQmlEngine>

using namespace Qt::Literals::StringLiterals;

namespace
{
const QString ThemeKey = u"ui/theme"_s;
const QString LanguageKey = u"ui/language"_s;

QSettings::Format settingsFormat()
{
    return QSettings::IniFormat;
}

bool paletteLooksDark()
{
    // Qt 6.4 has no colour-scheme hint: a dark window background is the sign.
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
    {
        return false;
    }
    return QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
}
} // namespace

UiPreferences::UiPreferences(const QString &settingsFile, QObject *parent)
    : QObject(parent)
    , m_settings(settingsFile.isEmpty() ? QSettings(settingsFormat(), QSettings::UserScope,
                                                    QCoreApplication::applicationName(), u"desktop"_s)
                                              .fileName()
                                        : settingsFile,
                 settingsFormat())
    , m_systemLanguage(QLocale::system().name().section(u'_', 0, 0))
    , m_systemDark(paletteLooksDark())
{
    m_theme = m_settings.value(ThemeKey, u"system"_s).toString();
    if (m_theme != u"light"_s && m_theme != u"dark"_s)
    {
        m_theme = u"system"_s;
    }
    m_language = m_settings.value(LanguageKey).toString();
    if (!languageCodes().contains(m_language))
    {
        m_language.clear();
    }
}

void UiPreferences::setTheme(const QString &theme)
{
    const QString value = theme == u"light"_s || theme == u"dark"_s ? theme : u"system"_s;
    if (value == m_theme)
    {
        return;
    }
    m_theme = value;
    m_settings.setValue(ThemeKey, m_theme);
    emit themeChanged();
}

bool UiPreferences::dark() const
{
    if (m_theme == u"system"_s)
    {
        return m_systemDark;
    }
    return m_theme == u"dark"_s;
}

void UiPreferences::setLanguage(const QString &language)
{
    const QString value = languageCodes().contains(language) ? language : QString();
    if (value == m_language)
    {
        return;
    }
    m_language = value;
    m_settings.setValue(LanguageKey, m_language);
    applyTranslation();
    emit languageChanged();
}

QString UiPreferences::effectiveLanguage() const
{
    if (!m_language.isEmpty())
    {
        return m_language;
    }
    return languageCodes().contains(m_systemLanguage) ? m_systemLanguage : u"en"_s;
}

QVariantList UiPreferences::languages()
{
    // Names as their speakers write them, so anyone can find their own.
    return {
        QVariantMap{{u"code"_s, u"en"_s}, {u"name"_s, u"English"_s}},
        QVariantMap{{u"code"_s, u"de"_s}, {u"name"_s, u"Deutsch"_s}},
        QVariantMap{{u"code"_s, u"fr"_s}, {u"name"_s, u"Français"_s}},
        QVariantMap{{u"code"_s, u"pl"_s}, {u"name"_s, u"Polski"_s}},
        QVariantMap{{u"code"_s, u"ru"_s}, {u"name"_s, u"Русский"_s}},
    };
}

QStringList UiPreferences::languageCodes()
{
    return {u"en"_s, u"de"_s, u"fr"_s, u"pl"_s, u"ru"_s};
}

void UiPreferences::attach(QQmlEngine *engine)
{
    m_engine = engine;
    applyTranslation();
}

void UiPreferences::setSystemLanguage(const QString &code)
{
    m_systemLanguage = code;
    applyTranslation();
    emit languageChanged();
}

void UiPreferences::setSystemDark(bool dark)
{
    m_systemDark = dark;
    emit themeChanged();
}

void UiPreferences::applyTranslation()
{
    QCoreApplication::removeTranslator(&m_translator);
    const QString language = effectiveLanguage();
    // English is the source language; its translation holds only the plural forms ("1 battle", "2 battles").
    if (m_translator.load(u":/i18n/autohost_%1.qm"_s.arg(language)))
    {
        QCoreApplication::installTranslator(&m_translator);
    }
    if (m_engine)
    {
        m_engine->setUiLanguage(language);
        m_engine->retranslate();
    }
}
