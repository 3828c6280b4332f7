// The engine packet parser: any datagram that reaches the autohost port of a battle (engine notes §2, §3),
// decoded, described for the log and translated into the update the Tachyon server would receive.
#include <cstddef>
#include <cstdint>

#include <QRegularExpression>

#include "battles/playertable.h"
#include "battles/updatetranslator.h"
#include "fuzzcheck.h"
#include "protocol/enginepacket.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
// Players 0–2 exist; any other number is one nobody was given.
const PlayerTable &players()
{
    static const PlayerTable table({{u"1001"_s, u"Alice"_s, 0, false},
                                    {u"1002"_s, u"Bob"_s, 1, false},
                                    {u"1003"_s, u"Carol"_s, 2, true}});
    return table;
}

void checkUpdate(const std::optional<EngineUpdate> &update, const QString &why, const QString &description)
{
    if (!update)
    {
        FUZZ_CHECK(!why.isEmpty(), u"a dropped packet needs a reason for the log: "_s + description);
        return;
    }
    // Engine text is not promised to be UTF-8: the event must still go out as valid JSON, and the members
    // kept beside the text must say what the text says.
    const Json reread = Json::parse(update->json, nullptr, false);
    FUZZ_CHECK(!reread.is_discarded(), u"the update is not JSON: "_s + description);
    FUZZ_CHECK(reread.is_object() && reread.contains("type") && reread.at("type").is_string(), description);
    FUZZ_CHECK(reread.at("type").get<std::string>() == update->type,
               u"the update's type differs from its text: "_s + description);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray datagram(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto packet = EnginePacket::decode(datagram);
    if (!packet)
    {
        FUZZ_CHECK(!packet.error().isEmpty(), u"a refused datagram needs a reason for the log"_s);
        return 0;
    }

    // Whatever decodes is exactly what the engine sends: encoding gives the datagram back, except the
    // trailing bytes SERVER_STARTED tolerates.
    const QByteArray encoded = EnginePacket::encode(*packet);
    if (std::holds_alternative<EnginePacket::ServerStarted>(*packet))
    {
        FUZZ_CHECK(encoded == datagram.left(1), u"SERVER_STARTED"_s);
    }
    else
    {
        FUZZ_CHECK(encoded == datagram,
                   u"encode(decode(d)) != d: "_s + QString::fromLatin1(datagram.toHex()));
    }
    const auto again = EnginePacket::decode(encoded);
    // Compared as bytes: team statistics may hold NaNs.
    FUZZ_CHECK(again && EnginePacket::encode(*again) == encoded, u"decode(encode(p)) != p"_s);

    // One log line, of bounded length, whatever the engine sent.
    const QString description = EnginePacket::describe(*packet);
    FUZZ_CHECK(!description.contains(u'\n') && !description.contains(u'\r'), description);
    FUZZ_CHECK(description.size() < 1200,
               u"describe() is "_s + QString::number(description.size()) + u" long"_s);

    // One translator forwards every Lua message, one none.
    static const UpdateTranslator everything(&players(), QRegularExpression(u".*"_s));
    static const UpdateTranslator noLua(&players(), std::nullopt);
    for (const UpdateTranslator *translator : {&everything, &noLua})
    {
        QString why;
        checkUpdate(translator->translate(*packet, &why), why, description);
    }
    return 0;
}
