#include "adminstreamclient.h"

#include <QNetworkRequest>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

AdminStreamClient::AdminStreamClient(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &text)
            {
                Json frame = Json::parse(text.toStdString(), nullptr, false);
                if (frame.is_object() && frame.value("event", "") == "updates")
                {
                    m_updatesReceived += qsizetype(frame.at("data").at("updates").size());
                }
                m_frames.append(std::move(frame));
            });
}

bool AdminStreamClient::open(const QUrl &url, int timeoutMilliseconds, const QByteArray &token)
{
    QNetworkRequest request(url);
    if (!token.isEmpty())
    {
        request.setRawHeader("Authorization", "Bearer " + token);
    }
    m_socket.open(request);
    return QTest::qWaitFor([this] { return !m_frames.isEmpty(); }, timeoutMilliseconds) &&
           m_frames.constFirst().value("type", "") == "snapshot";
}

Json AdminStreamClient::snapshot() const
{
    if (m_frames.isEmpty() || m_frames.constFirst().value("type", "") != "snapshot")
    {
        return nullptr;
    }
    return m_frames.constFirst().at("data");
}

QList<Json> AdminStreamClient::events(const std::string &name) const
{
    QList<Json> found;
    for (const Json &frame : m_frames)
    {
        if (frame.value("type", "") == "event" && frame.value("event", "") == name)
        {
            found.append(frame.at("data"));
        }
    }
    return found;
}

Json AdminStreamClient::waitForFrame(const std::function<bool(const Json &frame)> &matches,
                                     int timeoutMilliseconds)
{
    qsizetype checked = 0;
    Json found;
    // On timeout, found stays null.
    (void)QTest::qWaitFor(
        [&]
        {
            for (; checked < m_frames.size(); ++checked)
            {
                if (matches(m_frames.at(checked)))
                {
                    found = m_frames.at(checked);
                    return true;
                }
            }
            return false;
        },
        timeoutMilliseconds);
    return found;
}

Json AdminStreamClient::waitForEvent(const std::string &name,
                                     const std::function<bool(const Json &data)> &matches,
                                     int timeoutMilliseconds)
{
    const Json frame = waitForFrame(
        [&](const Json &frame)
        {
            return frame.value("type", "") == "event" && frame.value("event", "") == name &&
                   matches(frame.at("data"));
        },
        timeoutMilliseconds);
    return frame.is_null() ? Json() : frame.at("data");
}

void AdminStreamClient::sendText(const QString &text)
{
    m_socket.sendTextMessage(text);
}

std::string AdminStreamClient::sendControl(const QString &action, const std::optional<Json> &data)
{
    const std::string id = "c" + std::to_string(m_nextId++);
    Json frame = {{"type", "control"}, {"id", id}, {"action", toStdString(action)}};
    if (data)
    {
        frame["data"] = *data;
    }
    m_socket.sendTextMessage(toQString(dumpJson(frame)));
    return id;
}

Json AdminStreamClient::waitForResult(const Json &id, int timeoutMilliseconds)
{
    return waitForFrame([&id](const Json &frame)
                        { return frame.value("type", "") == "result" && frame.value("id", Json()) == id; },
                        timeoutMilliseconds);
}

Json AdminStreamClient::control(const QString &action, const std::optional<Json> &data,
                                int timeoutMilliseconds)
{
    return waitForResult(sendControl(action, data), timeoutMilliseconds);
}

bool AdminStreamClient::waitForDisconnected(int timeoutMilliseconds)
{
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; },
                           timeoutMilliseconds);
}
