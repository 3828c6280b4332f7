#include "protocol/tdftext.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
bool isControl(QChar c)
{
    const char16_t u = c.unicode();
    return u < 0x20 || u == 0x7f || c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
           c == QChar::ParagraphSeparator;
}
} // namespace

std::optional<QString> TdfText::valueProblem(QStringView value)
{
    for (const QChar c : value)
    {
        if (isControl(c))
        {
            return u"must not contain control characters (newline, tab, NUL, …)"_s;
        }
        switch (c.unicode())
        {
        case u';':
            return u"must not contain ';'"_s;
        case u'"':
            return u"must not contain '\"'"_s;
        case u'{':
        case u'}':
            return u"must not contain '{' or '}'"_s;
        default:
            break;
        }
    }
    if (value.contains(u"]]"))
    {
        return u"must not contain ']]'"_s;
    }
    if (!value.isEmpty() && (value.front().isSpace() || value.back().isSpace()))
    {
        return u"must not start or end with white space"_s;
    }
    return std::nullopt;
}

std::optional<QString> TdfText::keyProblem(QStringView key)
{
    if (key.isEmpty())
    {
        return u"must not be empty"_s;
    }
    if (key.size() > 64)
    {
        return u"must not be longer than 64 characters"_s;
    }
    for (const QChar c : key)
    {
        const char16_t u = c.unicode();
        const bool allowed = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') ||
                             (u >= u'0' && u <= u'9') || u == u'_' || u == u'-';
        if (!allowed)
        {
            return u"must contain only letters, digits, '_' and '-'"_s;
        }
    }
    return std::nullopt;
}

std::optional<QString> TdfText::tokenProblem(QStringView token)
{
    if (token.isEmpty())
    {
        return u"must not be empty"_s;
    }
    for (const QChar c : token)
    {
        if (c.isSpace())
        {
            return u"must not contain white space"_s;
        }
    }
    if (token.contains(u"//"))
    {
        return u"must not contain '//'"_s;
    }
    return valueProblem(token);
}
