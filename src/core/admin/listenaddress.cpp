#include "admin/listenaddress.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

Result<ListenAddress> ListenAddress::parse(const QString &text)
{
    const QString expected = u"must be address:port, e.g. 127.0.0.1:8201 or [::1]:8201"_s;
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
    {
        return fail(expected);
    }
    const QString host = text.left(colon);
    const QString portText = text.mid(colon + 1);
    if (host.startsWith(u'[') != host.endsWith(u']'))
    {
        return fail(expected);
    }
    bool portOk = !portText.isEmpty() && portText.size() <= 5 &&
                  std::all_of(portText.cbegin(), portText.cend(), [](QChar c) { return c.isDigit(); });
    const uint port = portOk ? portText.toUInt(&portOk) : 0;
    if (!portOk || port > 65535)
    {
        return fail(u"the port must be a number from 0 to 65535"_s);
    }

    ListenAddress listen;
    listen.port = quint16(port);
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
    {
        listen.address = QHostAddress(QHostAddress::LocalHost);
        return listen;
    }
    if (host.startsWith(u'[') && host.endsWith(u']'))
    {
        if (!listen.address.setAddress(host.mid(1, host.size() - 2)) ||
            listen.address.protocol() != QAbstractSocket::IPv6Protocol)
        {
            return fail(u"the address in brackets must be an IPv6 address"_s);
        }
        return listen;
    }
    // Only the canonical dotted form: QHostAddress would also take "127.1" or "0x7f.1".
    if (host.contains(u':') || !listen.address.setAddress(host) ||
        listen.address.protocol() != QAbstractSocket::IPv4Protocol || listen.address.toString() != host)
    {
        return fail(expected + u" (IPv6 addresses in brackets; host names other than localhost are not "
                               "accepted)"_s);
    }
    return listen;
}

bool ListenAddress::isLoopback() const
{
    return address.isLoopback();
}

QString ListenAddress::toString() const
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? u"[%1]"_s.arg(address.toString())
                             : address.toString();
    return host + u':' + QString::number(port);
}
