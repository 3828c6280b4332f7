#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// What the fast engine reads from a start script: the autohost interface's address, the players in the order
// of their [PLAYERn] sections (their engine player numbers), and the workload in [MODOPTIONS]:
//   benchjoin=1                      PLAYER_JOINED for every player right after SERVER_STARTED
//   benchchat=<count>,<per second>   that many PLAYER_CHATs from player 0 to everyone; 0 per second: as fast
//                                    as the socket takes them
//   benchchatat=<ns>                 CLOCK_MONOTONIC time of the first chat (default: right after the joins)
// Keys are case-insensitive, as in the engine. Only as much TDF as the autohost writes is understood:
// sections
// "[name] { … }" and "key = value;" entries.
struct BenchScript
{
    std::string autohostIp = "127.0.0.1";
    int autohostPort = 0;
    std::vector<std::string> players;
    bool join = false;
    std::uint64_t chatCount = 0;
    std::uint64_t chatPerSecond = 0;
    std::optional<std::int64_t> chatAt;

    // The script, or an error message.
    static std::optional<BenchScript> parse(std::string_view text, std::string *error);
};
