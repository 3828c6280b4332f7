#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <QString>

#include "protocol/json.h"
#include "util/conversions.h"
#include "util/result.h"

// One Tachyon message: the envelope every frame carries (request, response or event), with its data kept as
// JSON. Parsing checks only the envelope; each command's data is checked by RequestDecoder.
struct TachyonMessage
{
    enum class Type
    {
        Request,
        Response,
        Event,
    };

    Type type = Type::Request;
    QString messageId;
    QString commandId;
    std::optional<Json> data;
    // Responses only.
    bool success = false;
    QString reason;
    QString details;

    // Parses a text frame. Fails (with a reason for the log) on anything that is not a JSON object with a
    // valid envelope: string messageId, type request/response/event, string commandId, data (if present) an
    // object, and for responses a status of success/failed.
    static Result<TachyonMessage> parse(QByteArrayView frame);

    static Json makeRequest(const QString &commandId, const QString &messageId,
                            const std::optional<Json> &data = {});
    static Json makeEvent(const QString &commandId, const QString &messageId, const Json &data);
    // Appends the same event as compact JSON to out, its data written by writeData(out) as JSON text: the
    // update stream writes each event into one reused buffer, with no tree and no intermediate strings.
    template <typename WriteData>
    static void appendEventJson(std::string &out, std::string_view commandId, std::string_view messageId,
                                WriteData &&writeData)
    {
        out += R"({"type":"event","messageId":)";
        appendJsonString(out, messageId);
        out += R"(,"commandId":)";
        appendJsonString(out, commandId);
        out += R"(,"data":)";
        writeData(out);
        out += '}';
    }
    // A success response echoing the request's messageId and commandId; void commands carry no data member.
    static Json makeSuccess(const TachyonMessage &request, const std::optional<Json> &data = {});
    static Json makeFailure(const TachyonMessage &request, const QString &reason,
                            const QString &details = {});

    // A random (version 4) UUID.
    static QString newMessageId();
    // The same in characters, for messages built as JSON text.
    static UuidChars newMessageIdChars();
};

// The failure reasons of the protocol. Every command accepts the generic ones; autohost/start adds two.
namespace FailureReason
{
inline const QString InternalError = QStringLiteral("internal_error");
inline const QString Unauthorized = QStringLiteral("unauthorized");
inline const QString InvalidRequest = QStringLiteral("invalid_request");
inline const QString CommandUnimplemented = QStringLiteral("command_unimplemented");
inline const QString BattleAlreadyExists = QStringLiteral("battle_already_exists");
inline const QString EngineVersionNotAvailable = QStringLiteral("engine_version_not_available");
} // namespace FailureReason
