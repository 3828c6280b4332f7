#include "updatetally.h"

#include <algorithm>
#include <limits>

namespace
{
// An update event as TachyonMessage::makeEvent and UpdateBuffer::eventData write it, members in this order:
// {"type":"event","messageId":…,"commandId":"autohost/update","data":{"battleId":…,"time":…,
//  "update":{"type":…,…,"message":…}}}
constexpr QStringView EventStart = u"{\"type\":\"event\"";
constexpr QStringView UpdateCommand = u"\"commandId\":\"autohost/update\"";
constexpr QStringView BattleKey = u"\"battleId\":\"";
constexpr QStringView TimeKey = u"\"time\":";
constexpr QStringView TypeKey = u"\"update\":{\"type\":\"";
constexpr QStringView MessageKey = u"\"message\":\"";
constexpr qsizetype UuidLength = 36;

// Where the value after `key` starts, searching from `from`; -1 when the key is missing.
qsizetype valueAfter(QStringView frame, QStringView key, qsizetype from)
{
    const qsizetype at = frame.indexOf(key, from);
    return at < 0 ? -1 : at + key.size();
}

// The decimal number at `*at`, moving `*at` past it; false when there is none.
bool readNumber(QStringView text, qsizetype *at, qint64 *value)
{
    qsizetype i = *at;
    qint64 number = 0;
    while (i < text.size() && text[i] >= u'0' && text[i] <= u'9' &&
           number < std::numeric_limits<qint64>::max() / 10)
    {
        number = number * 10 + (text[i].unicode() - u'0');
        ++i;
    }
    if (i == *at)
    {
        return false;
    }
    *at = i;
    *value = number;
    return true;
}
} // namespace

bool UpdateTally::take(QStringView frame, qint64 receivedNs)
{
    if (!frame.startsWith(EventStart) || !frame.contains(UpdateCommand))
    {
        return false;
    }
    ++m_updates;
    m_lastReceiveNs = receivedNs;
    const qsizetype battleAt = valueAfter(frame, BattleKey, 0);
    const QUuid battle = battleAt < 0 ? QUuid() : QUuid::fromString(frame.mid(battleAt, UuidLength));
    qsizetype at = battleAt < 0 ? -1 : valueAfter(frame, TimeKey, battleAt);
    qint64 time = 0;
    if (at >= 0 && readNumber(frame, &at, &time))
    {
        m_lastTime = std::max(m_lastTime, time);
    }
    const qsizetype typeAt = at < 0 ? -1 : valueAfter(frame, TypeKey, at);
    if (typeAt < 0)
    {
        return true;
    }
    const QStringView type = frame.mid(typeAt, frame.indexOf(u'"', typeAt) - typeAt);
    if (type == u"player_chat")
    {
        const qsizetype messageAt = valueAfter(frame, MessageKey, typeAt);
        takeChat(battle, messageAt < 0 ? QStringView() : frame.mid(messageAt), receivedNs);
    }
    else if (type == u"engine_quit" || type == u"engine_crash")
    {
        m_ended.insert(battle);
    }
    return true;
}

void UpdateTally::takeChat(const QUuid &battle, QStringView text, qint64 receivedNs)
{
    qsizetype at = 0;
    qint64 number = 0;
    qint64 sentNs = 0;
    bool wellFormed = readNumber(text, &at, &number) && at < text.size() && text[at] == u' ';
    if (wellFormed)
    {
        ++at;
        wellFormed = readNumber(text, &at, &sentNs) && at < text.size() && text[at] == u'"';
    }
    const auto found = m_battles.find(battle);
    if (!wellFormed || found == m_battles.end() || quint64(number) >= found->seen.size())
    {
        ++m_stray;
        return;
    }
    if (found->seen[size_t(number)])
    {
        ++m_duplicates;
        return;
    }
    found->seen[size_t(number)] = true;
    ++m_unique;
    m_firstSendNs = m_firstSendNs == 0 ? sentNs : std::min(m_firstSendNs, sentNs);
    m_latenciesNs.push_back(receivedNs - sentNs);
}

void UpdateTally::reset()
{
    m_battles.clear();
    m_updates = 0;
    m_expected = 0;
    m_unique = 0;
    m_duplicates = 0;
    m_stray = 0;
    m_firstSendNs = 0;
    m_lastReceiveNs = 0;
    m_latenciesNs.clear();
}

void UpdateTally::expectChats(const QUuid &battle, quint64 count)
{
    m_battles[battle].seen.assign(size_t(count), false);
    m_expected += count;
    m_latenciesNs.reserve(size_t(m_expected));
}
