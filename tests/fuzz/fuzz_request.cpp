// Request handling: one text frame of the Tachyon server in, the response the autohost sends out. The frame
// goes the way TachyonClient routes it (an unparsable envelope drops the connection, events and responses
// never reach the service) and the requests are served by a real AutohostService. Every request must get
// exactly one response, for its own messageId and commandId, with a status the spec allows.
#include <cstddef>
#include <cstdint>

#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include "autohostservice.h"
#include "fuzzcheck.h"
#include "protocol/tachyonmessage.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
const QStringList ImplementedCommands = {
    u"autohost/start"_s,        u"autohost/kill"_s,        u"autohost/addPlayer"_s,
    u"autohost/kickPlayer"_s,   u"autohost/mutePlayer"_s,  u"autohost/specPlayers"_s,
    u"autohost/sendMessage"_s,  u"autohost/sendCommand"_s, u"autohost/subscribeUpdates"_s,
    u"autohost/installEngine"_s};
// The failure reasons of every autohost request's response schema; autohost/start adds two.
const QStringList GenericReasons = {u"internal_error"_s, u"unauthorized"_s, u"invalid_request"_s,
                                    u"command_unimplemented"_s};
const QStringList StartReasons = {u"battle_already_exists"_s, u"engine_version_not_available"_s};

// A service as the headless program runs it, connected to nothing: no engines (every valid start is answered
// engine_version_not_available at once) and an engines directory that is a file, so an accepted engine
// install fails before it touches the disk or the network. No journal: each input starts from nothing.
Config serviceConfig(const QTemporaryDir &dir)
{
    Config config;
    config.tachyonServer = u"127.0.0.1"_s;
    config.tachyonServerPort = 9;
    config.authClientId = u"fuzz"_s;
    config.authClientSecret = u"fuzz"_s;
    config.hostingIP = u"127.0.0.1"_s;
    config.enginesDir = dir.filePath(u"engines"_s);
    config.instancesDir = dir.filePath(u"instances"_s);
    config.journalDir.clear();
    config.systemEngines = false;
    config.engineCdnBaseUrl = u"http://127.0.0.1:9"_s;
    return config;
}

const Config &config()
{
    static const QTemporaryDir dir;
    static const Config config = []
    {
        QFile file(dir.filePath(u"engines"_s));
        if (!file.open(QIODevice::WriteOnly))
        {
            std::abort();
        }
        return serviceConfig(dir);
    }();
    return config;
}

void checkResponse(const TachyonMessage &request, const Json &response)
{
    const QString text = toQString(dumpJson(response));
    const auto parsed = TachyonMessage::parse(QByteArray::fromStdString(dumpJson(response)));
    FUZZ_CHECK(parsed, u"unparsable response: "_s + text);
    FUZZ_CHECK(parsed->type == TachyonMessage::Type::Response, text);
    FUZZ_CHECK(parsed->messageId == request.messageId, u"another messageId: "_s + text);
    FUZZ_CHECK(parsed->commandId == request.commandId, u"another commandId: "_s + text);
    const bool implemented = ImplementedCommands.contains(request.commandId);
    if (parsed->success)
    {
        FUZZ_CHECK(implemented, u"an unknown command succeeded: "_s + text);
        // Only a start answers with data, and this service cannot start battles.
        FUZZ_CHECK(!response.contains("data"), u"a success with data: "_s + text);
        return;
    }
    const bool start = request.commandId == u"autohost/start"_s;
    FUZZ_CHECK(GenericReasons.contains(parsed->reason) || (start && StartReasons.contains(parsed->reason)),
               u"a reason the spec does not list: "_s + text);
    FUZZ_CHECK((parsed->reason == u"command_unimplemented"_s) == !implemented, text);
    FUZZ_CHECK(!parsed->details.isEmpty(), u"a failure without details: "_s + text);
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    // Logging every request would cost more than serving it.
    QLoggingCategory::setFilterRules(u"*=false"_s);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto message = TachyonMessage::parse(QByteArrayView(data, qsizetype(size)));
    if (!message || message->type != TachyonMessage::Type::Request)
    {
        return 0;
    }
    QList<Json> responses;
    {
        AutohostService service(config());
        service.serve(*message, [&responses](const Json &response) { responses.append(response); });
        FUZZ_CHECK(responses.size() == 1, u"%1 responses before the event loop"_s.arg(responses.size()));
        // Whatever the request left queued runs, and must not answer again.
        QCoreApplication::processEvents();
    }
    QCoreApplication::processEvents();
    FUZZ_CHECK(responses.size() == 1, u"%1 responses"_s.arg(responses.size()));
    checkResponse(*message, responses.first());
    return 0;
}
