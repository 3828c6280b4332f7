#include "backend/streamframe.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
QString text(const Json &object, const char *member)
{
    const auto found = object.find(member);
    return found != object.end() && found->is_string() ? toQString(found->get<std::string>()) : QString();
}
} // namespace

Result<StreamFrame> StreamFrame::read(const QByteArray &text)
{
    Json frame = Json::parse(text.begin(), text.end(), nullptr, false);
    if (frame.is_discarded() || !frame.is_object())
    {
        return fail(u"not a JSON object"_s);
    }
    const QString type = ::text(frame, "type");
    StreamFrame read;
    if (type == u"snapshot" || type == u"event")
    {
        const auto data = frame.find("data");
        if (data == frame.end() || !data->is_object())
        {
            return fail(u"%1 without a data object"_s.arg(type));
        }
        if (type == u"event")
        {
            read.event = ::text(frame, "event");
            if (read.event.isEmpty())
            {
                return fail(u"event without a name"_s);
            }
        }
        read.type = type == u"snapshot" ? Type::Snapshot : Type::Event;
        read.data = std::move(*data);
        return read;
    }
    if (type != u"result")
    {
        return fail(u"unknown frame type \"%1\""_s.arg(type));
    }
    read.type = Type::Result;
    read.id = frame.value("id", Json());
    const QString status = ::text(frame, "status");
    if (status == u"success")
    {
        read.data = frame.value("data", Json::object());
    }
    else if (status == u"failed")
    {
        read.failure = RequestFailure{::text(frame, "reason"), ::text(frame, "details")};
    }
    else
    {
        return fail(u"result with the status \"%1\""_s.arg(status));
    }
    return read;
}

QByteArray StreamFrame::control(const Json &id, const QString &action, const Json &data)
{
    Json frame = Json::object();
    frame["type"] = "control";
    frame["id"] = id;
    frame["action"] = toStdString(action);
    if (!data.is_null())
    {
        frame["data"] = data;
    }
    return dumpJsonBytes(frame);
}

AutohostBackend::Answer StreamFrame::answer() const
{
    if (failure)
    {
        return fail(*failure);
    }
    return data;
}
