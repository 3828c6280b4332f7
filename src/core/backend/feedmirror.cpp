#include "backend/feedmirror.h"

#include <QDateTime>

#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

FeedMirror::FeedMirror(const QUuid &battleId, qint64 retentionMicroseconds, FeedModel::Resolver resolver,
                       QObject *parent)
    : QObject(parent)
    , m_battleId(battleId)
    , m_buffer(retentionMicroseconds)
{
    // Entries keep the host's times: each is appended at its own time, in increasing order. Otherwise (the
    // time of an operator's note) it is this machine's time.
    m_buffer.setClock(
        [this] { return m_appendTime > 0 ? m_appendTime : QDateTime::currentMSecsSinceEpoch() * 1000; });
    m_model = new FeedModel(&m_buffer, battleId, std::move(resolver), this);
}

void FeedMirror::load(AutohostBackend *backend)
{
    m_backend = backend;
    m_loading = true;
    ++m_load;
    m_pages.clear();
    m_pageEntries = 0;
    readPage(std::nullopt);
}

void FeedMirror::readPage(std::optional<qint64> before)
{
    if (!m_backend)
    {
        return finishLoad();
    }
    Json data = Json::object();
    data["battleId"] = toStdString(uuidText(m_battleId));
    data["limit"] = PageSize;
    if (before)
    {
        data["before"] = *before;
    }
    m_backend->perform(
        u"feed"_s, data,
        [self = QPointer<FeedMirror>(this), load = m_load](const AutohostBackend::Answer &answer)
        {
            if (self && load == self->m_load)
            {
                self->handlePage(answer);
            }
        });
}

void FeedMirror::handlePage(const AutohostBackend::Answer &answer)
{
    // A battle without kept updates is battle_not_found; a lost link fails the read, and the next attach
    // loads again. Either way, what is in is in.
    if (!answer || !answer->contains("updates") || !answer->at("updates").is_array() ||
        answer->at("updates").empty())
    {
        return finishLoad();
    }
    const Json &updates = answer->at("updates");
    const Json &oldest = updates.front();
    const qint64 oldestTime = oldest.is_object() && oldest.value("time", Json()).is_number_integer()
                                  ? oldest.at("time").get<qint64>()
                                  : 0;
    m_pageEntries += qsizetype(updates.size());
    m_pages.push_back(updates);
    const bool more = answer->value("more", Json(false)) == Json(true);
    // Older pages are needed until they reach what is here, as far as the model keeps lines.
    if (more && oldestTime > m_lastTime && m_pageEntries < m_model->maximumEntries())
    {
        return readPage(oldestTime);
    }
    finishLoad();
}

void FeedMirror::finishLoad()
{
    for (auto page = m_pages.rbegin(); page != m_pages.rend(); ++page)
    {
        for (const Json &entry : *page)
        {
            if (entry.is_object() && entry.value("time", Json()).is_number_integer())
            {
                append(entry.at("time").get<qint64>(), entry.value("update", Json::object()));
            }
        }
    }
    m_pages.clear();
    m_pageEntries = 0;
    for (const Pending &pending : std::exchange(m_live, {}))
    {
        append(pending.time, pending.update);
    }
    m_loading = false;
    emit loaded();
}

void FeedMirror::addLive(qint64 time, const Json &update)
{
    if (m_loading)
    {
        m_live.push_back({time, update});
        return;
    }
    append(time, update);
}

void FeedMirror::append(qint64 time, const Json &update)
{
    if (time <= m_lastTime)
    {
        return; // here already (the read and the events overlap)
    }
    m_lastTime = time;
    m_appendTime = time;
    m_buffer.append(m_battleId, update);
    m_appendTime = 0;
}
