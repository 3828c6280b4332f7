// The path from an engine packet to the text frame the autohost sends to the server: Battle::handlePacket
// (UpdateTranslator, which writes the update's JSON text), BattleManager (UpdateBuffer::appendSerialised),
// AutohostService::sendUpdate (UpdateBuffer::appendEventJson into a reused buffer)
// and TachyonClient::sendJson (WebSocketClient::sendText). First each step on its own, then the whole path,
// then with what surrounds it: the UDP receive, the journal and the WebSocket.
#include <chrono>
#include <thread>

#include <QDir>
#include <QTemporaryDir>
#include <QUdpSocket>

#include "battles/updatetranslator.h"
#include "microcheck.h"
#include "microinputs.h"
#include "net/datagramsocket.h"
#include "net/websocketclient.h"
#include "protocol/tachyonmessage.h"
#include "updates/updatebuffer.h"
#include "updates/updatejournal.h"
#include "util/conversions.h"
#include "websocketsink.h"

#include <benchmark/benchmark.h>

using namespace Qt::Literals::StringLiterals;
using MicroCheck::require;
using MicroInputs::Datagram;

namespace
{
constexpr std::string_view UpdateCommand = "autohost/update"; // AutohostService's
constexpr qint64 OneSecond = 1'000'000;                       // µs
constexpr qint64 SomeTime = 1'750'000'000'000'000;            // µs since the Unix epoch
// Datagrams sent per timed batch: the autohost reads what a readyRead brought and writes the frames out when
// its event loop runs again.
constexpr int Batch = 64;

// A battle's translator over the participants of the typical 16-player start.
struct Battle
{
    PlayerTable players = MicroInputs::playerTable();
    UpdateTranslator translator{&players, MicroInputs::luamsgFilter()};
};

// The journal as the service keeps it, in a directory under the current one (a tmpfs would hide the cost of
// writing).
struct Journal
{
    static UpdateJournal::Settings settings(const QString &directory)
    {
        UpdateJournal::Settings settings;
        settings.directory = directory;
        settings.maxBytes = qint64(64) << 20;
        settings.segmentBytes = UpdateJournal::segmentBytesFor(settings.maxBytes);
        settings.retention = qint64(24) * 3600 * OneSecond;
        return settings;
    }

    QTemporaryDir dir{QDir::currentPath() + u"/microbench-journal-XXXXXX"_s};
    UpdateJournal journal{settings(dir.path())};
    bool open = dir.isValid() && journal.open().ok();
};

// The engine's side of the autohost socket: datagrams from a loopback UDP socket to the autohost's kind.
struct EngineLink
{
    EngineLink()
    {
        // The receive buffer AutohostSocket asks for, so that a batch waits in the kernel.
        ok = autohost.bind(0, 8 * 1024 * 1024).ok() && engine.bind(QHostAddress::LocalHost, 0);
    }

    void sendBatch(const QByteArray &datagram)
    {
        for (int i = 0; i < Batch; ++i)
        {
            engine.writeDatagram(datagram, QHostAddress::LocalHost, autohost.localPort());
        }
    }

    // A batch's datagrams, read as AutohostSocket::readPending reads them (loopback delivers within the send,
    // so they are all waiting); how many were handed over.
    qsizetype receiveBatch(const DatagramSocket::Handler &handle) { return autohost.receive(Batch, handle); }

    DatagramSocket autohost;
    QUdpSocket engine;
    bool ok = false;
};

// AutohostService::sendUpdate up to the text given to WebSocketClient::sendText, written into out as the
// service writes into the buffer it reuses.
void writeUpdateFrame(std::string &out, const UpdateBuffer::Entry &entry)
{
    out.clear();
    UpdateBuffer::appendEventJson(out, entry);
}

std::string updateFrame(const UpdateBuffer::Entry &entry)
{
    std::string frame;
    writeUpdateFrame(frame, entry);
    return frame;
}

bool isUpdateFrame(std::string_view frame)
{
    const auto message = TachyonMessage::parse(QByteArray(frame.data(), qsizetype(frame.size())));
    return message && message->type == TachyonMessage::Type::Event &&
           message->commandId == QLatin1StringView(UpdateCommand) && message->data &&
           message->data->contains("update");
}

// Battle::handlePacket and the BattleManager slot: decoded, translated, and the update appended.
const UpdateBuffer::Entry *translateAndAppend(const Battle &battle, UpdateBuffer &buffer,
                                              QByteArrayView datagram)
{
    const auto packet = EnginePacket::decode(datagram);
    if (!packet)
    {
        return nullptr;
    }
    QString why;
    std::optional<EngineUpdate> update = battle.translator.translate(*packet, &why);
    if (!update)
    {
        return nullptr;
    }
    return &buffer.appendSerialised(MicroInputs::battleId(), std::move(update->json));
}

UpdateBuffer::Entry chatEntry()
{
    const Battle battle;
    const auto packet = EnginePacket::decode(MicroInputs::datagram(Datagram::PlayerChat));
    const auto update = packet ? battle.translator.translate(*packet) : std::nullopt;
    return {MicroInputs::battleId(), SomeTime, update ? update->json : std::string("{}")};
}

void Translate(benchmark::State &state, Datagram kind, const char *type)
{
    const Battle battle;
    const auto packet = EnginePacket::decode(MicroInputs::datagram(kind));
    QString why;
    const auto sample = packet ? battle.translator.translate(*packet, &why) : std::nullopt;
    if (!require(state, sample && sample->type == type, "the packet translates to its update"))
    {
        return;
    }
    for (auto _ : state)
    {
        auto update = battle.translator.translate(*packet, &why);
        benchmark::DoNotOptimize(update);
    }
    state.SetItemsProcessed(state.iterations());
}

void UuidText(benchmark::State &state)
{
    const QUuid battleId = MicroInputs::battleId();
    if (!require(state, uuidText(battleId).size() == 36, "a battle id"))
    {
        return;
    }
    for (auto _ : state)
    {
        QString text = uuidText(battleId);
        benchmark::DoNotOptimize(text);
    }
    state.SetItemsProcessed(state.iterations());
}

std::string eventDataJson(const UpdateBuffer::Entry &entry)
{
    std::string data;
    UpdateBuffer::appendEventDataJson(data, entry);
    return data;
}

void EventDataJson(benchmark::State &state)
{
    const UpdateBuffer::Entry entry = chatEntry();
    if (!require(state, Json::parse(eventDataJson(entry))["update"] == entry.update(), "the event's data"))
    {
        return;
    }
    std::string data;
    for (auto _ : state)
    {
        data.clear();
        UpdateBuffer::appendEventDataJson(data, entry);
        benchmark::DoNotOptimize(data);
    }
    state.SetItemsProcessed(state.iterations());
}

void NewMessageId(benchmark::State &state)
{
    if (!require(state, TachyonMessage::newMessageId() != TachyonMessage::newMessageId(),
                 "unique message ids"))
    {
        return;
    }
    for (auto _ : state)
    {
        UuidChars id = TachyonMessage::newMessageIdChars();
        benchmark::DoNotOptimize(id);
    }
    state.SetItemsProcessed(state.iterations());
}

void UpdateEventJson(benchmark::State &state)
{
    const UpdateBuffer::Entry entry = chatEntry();
    const std::string sample = updateFrame(entry);
    if (!require(state, isUpdateFrame(sample), "the event"))
    {
        return;
    }
    std::string event;
    for (auto _ : state)
    {
        writeUpdateFrame(event, entry);
        benchmark::DoNotOptimize(event);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * qint64(sample.size()));
}

// The whole path from a datagram's bytes to the frame text, with the buffer keeping 1 s of updates on the
// real clock.
void UpdatePipeline(benchmark::State &state, Datagram kind)
{
    const Battle battle;
    UpdateBuffer buffer(OneSecond);
    const QByteArray datagram = MicroInputs::datagram(kind);
    const UpdateBuffer::Entry *sample = translateAndAppend(battle, buffer, datagram);
    if (!require(state, sample && isUpdateFrame(updateFrame(*sample)),
                 "the datagram becomes an update frame"))
    {
        return;
    }
    std::string frame;
    for (auto _ : state)
    {
        writeUpdateFrame(frame, *translateAndAppend(battle, buffer, datagram));
        benchmark::DoNotOptimize(frame);
    }
    state.SetItemsProcessed(state.iterations());
}

// UpdateJournal::appendUpdate for each update of a burst (encoding, CRC-32), then one flush, one write(2), as
// AutohostService does before sending them.
void JournalAppend(benchmark::State &state)
{
    Journal journal;
    UpdateBuffer::Entry entry = chatEntry();
    if (!require(state,
                 journal.open && journal.journal.appendUpdate(entry, false).ok() &&
                     journal.journal.flush().ok(),
                 "the journal writes"))
    {
        return;
    }
    const qint64 recordBytes = journal.journal.totalBytes();
    for (auto _ : state)
    {
        for (int i = 0; i < Batch; ++i)
        {
            ++entry.time;
            journal.journal.appendUpdate(entry, false);
        }
        auto status = journal.journal.flush();
        benchmark::DoNotOptimize(status);
    }
    state.SetItemsProcessed(state.iterations() * Batch);
    state.SetBytesProcessed(state.iterations() * Batch * recordBytes);
}

// Datagrams from the engine read as AutohostSocket reads them (DatagramSocket::receive, recvmmsg) and
// decoded.
void DatagramReceive(benchmark::State &state, Datagram kind)
{
    EngineLink link;
    const QByteArray datagram = MicroInputs::datagram(kind);
    if (!require(state, link.ok, "loopback UDP sockets"))
    {
        return;
    }
    bool received = true;
    for (auto _ : state)
    {
        state.PauseTiming();
        link.sendBatch(datagram);
        state.ResumeTiming();
        const qsizetype handed = link.receiveBatch(
            [&](const DatagramSocket::Datagram &datagram)
            {
                auto packet = EnginePacket::decode(datagram.data);
                received = received && packet.ok();
                benchmark::DoNotOptimize(packet);
            });
        received = received && handed == Batch;
    }
    require(state, received, "every datagram sent arrives and decodes");
    state.SetItemsProcessed(state.iterations() * Batch);
    state.SetBytesProcessed(state.iterations() * Batch * datagram.size());
}

// Waits until the client has handed everything to the kernel and the sink has read it.
bool delivered(WebSocketClient &client, const WebSocketSink &sink, qint64 bytes)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (client.bytesToWrite() > 0 && std::chrono::steady_clock::now() < deadline)
    {
        client.flush();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return sink.waitForBytes(bytes);
}

// WebSocketClient::sendText of an update frame (framing and masking: the autohost is the client), to a server
// on loopback without TLS; the frames are written out once per batch.
void WebSocketSend(benchmark::State &state)
{
    WebSocketSink sink;
    WebSocketClient client;
    const std::string frame = updateFrame(chatEntry());
    if (!require(state, sink.open(&client), "a WebSocket connection on loopback"))
    {
        return;
    }
    int pending = 0;
    for (auto _ : state)
    {
        client.sendText(frame);
        if (++pending == Batch)
        {
            client.flush();
            pending = 0;
        }
    }
    const auto payload = qint64(frame.size());
    require(state, delivered(client, sink, state.iterations() * payload), "the server receives every frame");
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * payload);
}

// Everything the autohost's thread does for an update, but the event loop's dispatch and the signal hops
// between the objects: receiving the datagram, decoding, translating, appending, journalling, building the
// frame and sending it over the WebSocket.
void EndToEnd(benchmark::State &state, Datagram kind)
{
    const Battle battle;
    UpdateBuffer buffer(OneSecond);
    Journal journal;
    EngineLink link;
    WebSocketSink sink;
    WebSocketClient client;
    const QByteArray datagram = MicroInputs::datagram(kind);
    if (!require(state, journal.open && link.ok && sink.open(&client), "journal, UDP and WebSocket set up"))
    {
        return;
    }
    // As the service: each datagram of a burst appended and journalled, then one journal write, then the
    // frames.
    std::vector<const UpdateBuffer::Entry *> burst;
    std::string frame;
    const auto receive = [&](QByteArrayView data)
    {
        const UpdateBuffer::Entry *entry = translateAndAppend(battle, buffer, data);
        if (entry)
        {
            journal.journal.appendUpdate(*entry, false);
            burst.push_back(entry);
        }
        return entry != nullptr;
    };
    const auto passOn = [&]
    {
        journal.journal.flush();
        qint64 bytes = 0;
        for (const UpdateBuffer::Entry *entry : std::exchange(burst, {}))
        {
            writeUpdateFrame(frame, *entry);
            bytes = client.sendText(frame) ? qint64(frame.size()) : -1;
        }
        return bytes;
    };
    const qint64 frameBytes = receive(datagram) ? passOn() : -1;
    if (!require(state, frameBytes > 0, "the datagram becomes an update frame"))
    {
        return;
    }
    bool relayed = true;
    for (auto _ : state)
    {
        state.PauseTiming();
        link.sendBatch(datagram);
        state.ResumeTiming();
        const qsizetype handed = link.receiveBatch([&](const DatagramSocket::Datagram &received)
                                                   { relayed = receive(received.data) && relayed; });
        relayed = relayed && handed == Batch;
        passOn();
        client.flush();
    }
    require(state, relayed && delivered(client, sink, state.iterations() * Batch * frameBytes),
            "every datagram is relayed to the server");
    state.SetItemsProcessed(state.iterations() * Batch);
}
} // namespace

BENCHMARK_CAPTURE(Translate, player_chat, Datagram::PlayerChat, "player_chat");
BENCHMARK_CAPTURE(Translate, player_chat_allies, Datagram::PlayerChatAllies, "player_chat");
BENCHMARK_CAPTURE(Translate, server_message, Datagram::ServerMessage, "engine_message");
BENCHMARK_CAPTURE(Translate, player_joined, Datagram::PlayerJoined, "player_joined");
BENCHMARK_CAPTURE(Translate, player_left, Datagram::PlayerLeft, "player_left");
BENCHMARK_CAPTURE(Translate, luamsg_300B, Datagram::LuaMsg, "luamsg");
BENCHMARK(UuidText);
BENCHMARK(EventDataJson);
BENCHMARK(NewMessageId);
BENCHMARK(UpdateEventJson);
BENCHMARK_CAPTURE(UpdatePipeline, player_chat, Datagram::PlayerChat);
BENCHMARK_CAPTURE(UpdatePipeline, server_message, Datagram::ServerMessage);
BENCHMARK_CAPTURE(UpdatePipeline, player_joined, Datagram::PlayerJoined);
BENCHMARK_CAPTURE(UpdatePipeline, luamsg_300B, Datagram::LuaMsg);
BENCHMARK(JournalAppend);
BENCHMARK_CAPTURE(DatagramReceive, player_chat, Datagram::PlayerChat);
BENCHMARK(WebSocketSend);
BENCHMARK_CAPTURE(EndToEnd, player_chat, Datagram::PlayerChat);
BENCHMARK_CAPTURE(EndToEnd, luamsg_300B, Datagram::LuaMsg);
