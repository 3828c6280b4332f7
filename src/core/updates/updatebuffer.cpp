#include "updates/updatebuffer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>

#include "battles/engineupdate.h"
#include "protocol/tachyonmessage.h"
#include "util/conversions.h"

UpdateBuffer::UpdateBuffer(qint64 retentionMicroseconds, QObject *parent)
    : QObject(parent)
    , m_retention(retentionMicroseconds)
    , m_clock(
          []
          {
              const auto sinceEpoch = std::chrono::system_clock::now().time_since_epoch();
              return qint64(std::chrono::duration_cast<std::chrono::microseconds>(sinceEpoch).count());
          })
{
}

void UpdateBuffer::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

qint64 UpdateBuffer::now() const
{
    return m_clock();
}

Json UpdateBuffer::Entry::update() const
{
    return Json::parse(updateJson, nullptr, false);
}

const UpdateBuffer::Entry &UpdateBuffer::append(const QUuid &battleId, const Json &update)
{
    return appendSerialised(battleId, dumpJson(update));
}

const UpdateBuffer::Entry &UpdateBuffer::appendSerialised(const QUuid &battleId, std::string updateJson)
{
    const qint64 clockTime = now();
    const qint64 time = clockTime > m_lastTime ? clockTime : m_lastTime + 1;
    m_lastTime = time;
    // Pruning walks the old end of the buffer; doing it on every append would be wasted work, a tenth of the
    // retention period late is close enough.
    if (time >= m_nextPrune)
    {
        prune();
        m_nextPrune = time + std::max<qint64>(1, m_retention / 10);
    }
    m_entries.push_back(Entry{battleId, time, std::move(updateJson)});
    const Entry &entry = m_entries.back();
    emit appended(entry);
    return entry;
}

void UpdateBuffer::restore(const std::vector<Entry> &entries)
{
    for (const Entry &entry : entries)
    {
        if (entry.time > m_lastTime)
        {
            m_entries.push_back(entry);
            m_lastTime = entry.time;
        }
    }
    prune();
}

std::deque<UpdateBuffer::Entry>::const_iterator UpdateBuffer::firstAfter(qint64 since) const
{
    return std::upper_bound(m_entries.begin(), m_entries.end(), since,
                            [](qint64 time, const Entry &entry) { return time < entry.time; });
}

std::vector<UpdateBuffer::Entry> UpdateBuffer::since(qint64 since) const
{
    return std::vector<Entry>(firstAfter(since), m_entries.end());
}

void UpdateBuffer::forEachSince(qint64 since, const std::function<void(const Entry &entry)> &visit) const
{
    std::for_each(firstAfter(since), m_entries.end(), visit);
}

bool UpdateBuffer::visitSince(qint64 since, const std::function<bool(const Entry &entry)> &visit) const
{
    return std::all_of(firstAfter(since), m_entries.end(), visit);
}

void UpdateBuffer::visitBackwards(qint64 before, const std::function<bool(const Entry &entry)> &visit) const
{
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), before,
                               [](const Entry &entry, qint64 time) { return entry.time < time; });
    while (it != m_entries.begin())
    {
        --it;
        if (!visit(*it))
        {
            return;
        }
    }
}

bool UpdateBuffer::isTooOld(qint64 since) const
{
    return since < now() - m_retention;
}

bool UpdateBuffer::isBattleEnd(const Json &update)
{
    return EngineUpdate::isBattleEndType(update.value("type", ""));
}

Json UpdateBuffer::eventData(const Entry &entry)
{
    Json data = Json::object();
    data["battleId"] = toStdString(uuidText(entry.battleId));
    data["time"] = entry.time;
    data["update"] = entry.update();
    return data;
}

void UpdateBuffer::appendEventDataJson(std::string &out, const Entry &entry)
{
    // A battle id and a number need no escaping.
    const UuidChars battleId = uuidChars(entry.battleId);
    std::array<char, 24> time;
    const auto timeEnd = std::to_chars(time.begin(), time.end(), entry.time).ptr;
    out += R"({"battleId":")";
    out.append(battleId.data(), battleId.size());
    out += R"(","time":)";
    out.append(time.data(), timeEnd);
    out += R"(,"update":)";
    out += entry.updateJson;
    out += '}';
}

void UpdateBuffer::appendEventJson(std::string &out, const Entry &entry)
{
    const UuidChars messageId = TachyonMessage::newMessageIdChars();
    TachyonMessage::appendEventJson(out, "autohost/update", {messageId.data(), messageId.size()},
                                    [&entry](std::string &data) { appendEventDataJson(data, entry); });
}

void UpdateBuffer::prune()
{
    const qint64 oldest = m_lastTime - m_retention;
    while (!m_entries.empty() && m_entries.front().time < oldest)
    {
        m_entries.pop_front();
    }
}
