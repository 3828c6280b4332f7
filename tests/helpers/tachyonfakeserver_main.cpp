#include <cstdio>

#include <QCommandLineParser>
#include <QCoreApplication>

#include "faketachyonserver.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
void printLine(const Json &line)
{
    const QByteArray text = dumpJsonBytes(line) + '\n';
    std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
    std::fflush(stdout);
}
} // namespace

// A stand-alone fake Tachyon server to try an autohost by hand: OAuth2 and the WebSocket on one port, every
// received message logged as a JSON line on stdout, and POST /request/<connection>/<command> (JSON body) to
// send a request to a connected autohost, e.g.
//   curl -X POST localhost:8084/request/0/kill -d '{"battleId":"…"}'
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"tachyon-fake-server"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Fake Tachyon server for trying the autohost"_s);
    parser.addHelpOption();
    const QCommandLineOption portOption(u"port"_s, u"Port to listen on (default 8084)."_s, u"port"_s,
                                        u"8084"_s);
    const QCommandLineOption addressOption(u"address"_s, u"Address to listen on (default 127.0.0.1)."_s,
                                           u"address"_s, u"127.0.0.1"_s);
    const QCommandLineOption idOption(u"client-id"_s, u"OAuth2 client id (default autohost1)."_s, u"id"_s,
                                      u"autohost1"_s);
    const QCommandLineOption secretOption(u"client-secret"_s, u"OAuth2 client secret (default pass1)."_s,
                                          u"secret"_s, u"pass1"_s);
    const QCommandLineOption userCountOption(
        u"user-count"_s,
        u"Answer system/serverStats with this user count (default: command_unimplemented)."_s, u"count"_s);
    parser.addOptions({portOption, addressOption, idOption, secretOption, userCountOption});
    parser.process(app);

    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    const QHostAddress address(parser.value(addressOption));
    if (!portOk || port > 65535 || address.isNull())
    {
        std::fprintf(stderr, "invalid --port or --address\n");
        return 2;
    }

    FakeTachyonServer server;
    server.setCredentials(parser.value(idOption), parser.value(secretOption));
    server.setRequestEndpointEnabled(true);
    if (parser.isSet(userCountOption))
    {
        server.setServerStatsUserCount(parser.value(userCountOption).toInt());
    }
    QObject::connect(&server, &FakeTachyonServer::connected, &server,
                     [&server](int connection) {
                         printLine(Json{{"msg", "new connection"}, {"connId", server.slotOf(connection)}});
                     });
    QObject::connect(&server, &FakeTachyonServer::disconnected, &server,
                     [&server](int connection)
                     {
                         Json line{{"msg", "connection closed"}, {"connId", server.slotOf(connection)}};
                         if (const auto close = server.receivedClose(connection))
                         {
                             line["code"] = close->code;
                             line["reason"] = toStdString(close->reason);
                         }
                         printLine(line);
                     });
    QObject::connect(&server, &FakeTachyonServer::messageReceived, &server,
                     [&server](int connection, const QString &text)
                     {
                         const QByteArray frame = text.toUtf8();
                         const Json packet = Json::parse(frame.begin(), frame.end(), nullptr, false);
                         Json line{{"msg", "new message"}, {"connId", server.slotOf(connection)}};
                         if (packet.is_discarded())
                         {
                             line["text"] = toStdString(text);
                         }
                         else
                         {
                             line["packet"] = packet;
                         }
                         printLine(line);
                     });

    if (!server.listen(address, quint16(port)))
    {
        std::fprintf(stderr, "cannot listen on %s:%u\n", qPrintable(address.toString()), port);
        return 1;
    }
    std::fprintf(stderr, "Fake Tachyon server listening on %s\n", qPrintable(server.baseUrl().toString()));
    return app.exec();
}
