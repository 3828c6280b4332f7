#include "protocol/tachyonmessage.h"

#include <array>
#include <cstring>
#include <random>

#include <QRandomGenerator>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

Result<TachyonMessage> TachyonMessage::parse(QByteArrayView frame)
{
    Json json = Json::parse(frame.begin(), frame.end(), nullptr, false);
    if (json.is_discarded())
    {
        return fail(u"not valid JSON"_s);
    }
    if (!json.is_object())
    {
        return fail(u"not a JSON object"_s);
    }
    TachyonMessage message;
    const auto type = json.find("type");
    if (type == json.end() || !type->is_string())
    {
        return fail(u"type is missing or not a string"_s);
    }
    if (*type == "request")
    {
        message.type = Type::Request;
    }
    else if (*type == "response")
    {
        message.type = Type::Response;
    }
    else if (*type == "event")
    {
        message.type = Type::Event;
    }
    else
    {
        return fail(u"unknown type"_s);
    }
    const auto messageId = json.find("messageId");
    if (messageId == json.end() || !messageId->is_string())
    {
        return fail(u"messageId is missing or not a string"_s);
    }
    message.messageId = toQString(messageId->get<std::string>());
    const auto commandId = json.find("commandId");
    if (commandId == json.end() || !commandId->is_string())
    {
        return fail(u"commandId is missing or not a string"_s);
    }
    message.commandId = toQString(commandId->get<std::string>());
    const auto data = json.find("data");
    if (data != json.end() && !data->is_null())
    {
        if (!data->is_object())
        {
            return fail(u"data is not an object"_s);
        }
        message.data = std::move(*data);
    }
    if (message.type == Type::Response)
    {
        const auto status = json.find("status");
        if (status == json.end() || !status->is_string() || (*status != "success" && *status != "failed"))
        {
            return fail(u"response status is missing or not success/failed"_s);
        }
        message.success = *status == "success";
        if (const auto reason = json.find("reason"); reason != json.end() && reason->is_string())
        {
            message.reason = toQString(reason->get<std::string>());
        }
        if (const auto details = json.find("details"); details != json.end() && details->is_string())
        {
            message.details = toQString(details->get<std::string>());
        }
    }
    return message;
}

Json TachyonMessage::makeRequest(const QString &commandId, const QString &messageId,
                                 const std::optional<Json> &data)
{
    Json json = {
        {"type", "request"}, {"messageId", toStdString(messageId)}, {"commandId", toStdString(commandId)}};
    if (data)
    {
        json["data"] = *data;
    }
    return json;
}

Json TachyonMessage::makeEvent(const QString &commandId, const QString &messageId, const Json &data)
{
    return {{"type", "event"},
            {"messageId", toStdString(messageId)},
            {"commandId", toStdString(commandId)},
            {"data", data}};
}

Json TachyonMessage::makeSuccess(const TachyonMessage &request, const std::optional<Json> &data)
{
    Json json = {{"type", "response"},
                 {"messageId", toStdString(request.messageId)},
                 {"commandId", toStdString(request.commandId)},
                 {"status", "success"}};
    if (data)
    {
        json["data"] = *data;
    }
    return json;
}

Json TachyonMessage::makeFailure(const TachyonMessage &request, const QString &reason, const QString &details)
{
    Json json = {{"type", "response"},
                 {"messageId", toStdString(request.messageId)},
                 {"commandId", toStdString(request.commandId)},
                 {"status", "failed"},
                 {"reason", toStdString(reason)}};
    if (!details.isEmpty())
    {
        json["details"] = toStdString(details);
    }
    return json;
}

QString TachyonMessage::newMessageId()
{
    const UuidChars id = newMessageIdChars();
    return QString::fromLatin1(id.data(), qsizetype(id.size()));
}

UuidChars TachyonMessage::newMessageIdChars()
{
    // Message ids must be unique, not secret: a generator seeded once by the system, because the system's own
    // costs a slow hardware instruction per call and every relayed update takes an id.
    thread_local std::mt19937_64 generator = []
    {
        std::array<quint32, 8> seed;
        QRandomGenerator::system()->fillRange(seed.data(), seed.size());
        std::seed_seq sequence(seed.begin(), seed.end());
        return std::mt19937_64(sequence);
    }();
    std::array<uchar, 16> bytes;
    for (size_t i = 0; i < bytes.size(); i += 8)
    {
        const quint64 word = generator();
        std::memcpy(bytes.data() + i, &word, 8);
    }
    bytes[6] = uchar((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = uchar((bytes[8] & 0x3f) | 0x80); // variant 10
    return uuidChars(bytes);
}
