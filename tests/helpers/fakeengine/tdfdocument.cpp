#include "tdfdocument.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
class Parser
{
public:
    explicit Parser(const QString &text)
        : m_text(text)
    {
    }

    // Skips white space and comments; fails on an unterminated block comment.
    bool skipFiller()
    {
        while (m_pos < m_text.size())
        {
            if (m_text[m_pos].isSpace())
            {
                ++m_pos;
            }
            else if (m_text.mid(m_pos, 2) == u"//")
            {
                const qsizetype end = m_text.indexOf(u'\n', m_pos);
                m_pos = end < 0 ? m_text.size() : end + 1;
            }
            else if (m_text.mid(m_pos, 2) == u"/*")
            {
                const qsizetype end = m_text.indexOf(u"*/"_s, m_pos + 2);
                if (end < 0)
                {
                    return false;
                }
                m_pos = end + 2;
            }
            else
            {
                return true;
            }
        }
        return true;
    }

    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar current() const { return m_text[m_pos]; }
    void advance() { ++m_pos; }
    int line() const { return static_cast<int>(m_text.left(m_pos).count(u'\n')) + 1; }

    // The text up to (not including) one of the stop characters or the end of the line.
    QString takeUntil(QStringView stops)
    {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && !stops.contains(m_text[m_pos]) && m_text[m_pos] != u'\n')
        {
            ++m_pos;
        }
        return m_text.mid(start, m_pos - start);
    }

private:
    const QString &m_text;
    qsizetype m_pos = 0;
};
} // namespace

Result<TdfDocument> TdfDocument::parse(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    Parser parser(text);
    TdfDocument document;
    QStringList stack;
    const auto error = [&](const QString &why)
    {
        return u"line "_s + QString::number(parser.line()) + u": "_s + why;
    };
    while (true)
    {
        if (!parser.skipFiller())
        {
            return fail(error(u"unterminated comment"_s));
        }
        if (parser.atEnd())
        {
            break;
        }
        if (parser.current() == u'[')
        {
            parser.advance();
            const QString name = parser.takeUntil(u"]").trimmed().toLower();
            if (parser.atEnd() || parser.current() != u']' || name.isEmpty())
            {
                return fail(error(u"bad section header"_s));
            }
            parser.advance();
            if (!parser.skipFiller() || parser.atEnd() || parser.current() != u'{')
            {
                return fail(error(u"'{' expected after [" + name + u']'));
            }
            parser.advance();
            stack.append(name);
            document.m_sections.append(stack.join(u'/'));
        }
        else if (parser.current() == u'}')
        {
            if (stack.isEmpty())
            {
                return fail(error(u"'}' without a section"_s));
            }
            parser.advance();
            stack.removeLast();
        }
        else
        {
            const QString key = parser.takeUntil(u"=;{}[] \t\r").toLower();
            parser.takeUntil(u"=;{}[]");
            if (key.isEmpty() || parser.atEnd() || parser.current() != u'=')
            {
                return fail(error(u"'key=value;' expected"_s));
            }
            parser.advance();
            while (!parser.atEnd() && (parser.current() == u' ' || parser.current() == u'\t'))
            {
                parser.advance();
            }
            QString value;
            if (!parser.atEnd() && parser.current() == u'"')
            {
                parser.advance();
                value = parser.takeUntil(u"\"");
                if (parser.atEnd() || parser.current() != u'"')
                {
                    return fail(error(u"unterminated quoted value"_s));
                }
                parser.advance();
                parser.takeUntil(u";");
            }
            else
            {
                value = parser.takeUntil(u";");
            }
            if (parser.atEnd() || parser.current() != u';')
            {
                return fail(error(u"value of " + key + u" does not end with ';' on its line"));
            }
            parser.advance();
            if (stack.isEmpty())
            {
                return fail(error(u"key " + key + u" outside of a section"));
            }
            const QString section = stack.join(u'/');
            document.m_values.insert(section + u'/' + key, value);
            document.m_keys[section].append(key);
        }
    }
    if (!stack.isEmpty())
    {
        return fail(u"section ["_s + stack.last() + u"] is not closed"_s);
    }
    return document;
}

std::optional<QString> TdfDocument::value(const QString &path) const
{
    const auto it = m_values.constFind(path.toLower());
    if (it == m_values.constEnd())
    {
        return std::nullopt;
    }
    return *it;
}

QString TdfDocument::value(const QString &path, const QString &fallback) const
{
    return value(path).value_or(fallback);
}

bool TdfDocument::hasSection(const QString &path) const
{
    return m_sections.contains(path.toLower());
}

QStringList TdfDocument::keys(const QString &path) const
{
    return m_keys.value(path.toLower());
}

QStringList TdfDocument::sections(const QString &path) const
{
    const QString prefix = path.toLower() + u'/';
    QStringList names;
    for (const QString &section : m_sections)
    {
        if (section.startsWith(prefix) && !section.mid(prefix.size()).contains(u'/') &&
            !names.contains(section))
        {
            names.append(section.mid(prefix.size()));
        }
    }
    return names;
}
