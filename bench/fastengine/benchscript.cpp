#include "benchscript.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <utility>

namespace
{
std::string lower(std::string_view text)
{
    std::string result(text);
    std::transform(result.begin(), result.end(), result.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return result;
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    {
        text.remove_prefix(1);
    }
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    {
        text.remove_suffix(1);
    }
    return text;
}

template <class Number>
bool parseNumber(std::string_view text, Number *value)
{
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *value);
    return error == std::errc() && end == text.data() + text.size();
}

// "PLAYER12" → 12.
std::optional<int> playerIndex(const std::string &section)
{
    constexpr std::string_view Prefix = "player";
    int index = 0;
    if (section.size() <= Prefix.size() || section.compare(0, Prefix.size(), Prefix) != 0 ||
        !parseNumber(std::string_view(section).substr(Prefix.size()), &index))
    {
        return std::nullopt;
    }
    return index;
}
} // namespace

std::optional<BenchScript> BenchScript::parse(std::string_view text, std::string *error)
{
    const auto failed = [error](std::string message) -> std::optional<BenchScript>
    {
        *error = std::move(message);
        return std::nullopt;
    };
    BenchScript script;
    std::map<int, std::string> players; // ordered by section index: gaps removed, the engine's numbering
    std::vector<std::string> path;
    std::string pendingSection;
    std::size_t at = 0;
    while (at < text.size())
    {
        const char c = text[at];
        if (std::isspace(static_cast<unsigned char>(c)))
        {
            ++at;
        }
        else if (c == '/' && text.substr(at, 2) == "//")
        {
            at = std::min(text.size(), text.find('\n', at));
        }
        else if (c == '[')
        {
            const std::size_t end = text.find(']', at);
            if (end == std::string_view::npos)
            {
                return failed("unterminated section name");
            }
            pendingSection = lower(text.substr(at + 1, end - at - 1));
            at = end + 1;
        }
        else if (c == '{')
        {
            path.push_back(std::exchange(pendingSection, {}));
            ++at;
        }
        else if (c == '}')
        {
            if (path.empty())
            {
                return failed("'}' without a section");
            }
            path.pop_back();
            ++at;
        }
        else
        {
            const std::size_t equals = text.find('=', at);
            const std::size_t semicolon = text.find(';', at);
            if (equals == std::string_view::npos || semicolon == std::string_view::npos || semicolon < equals)
            {
                return failed("expected \"key = value;\" at offset " + std::to_string(at));
            }
            const std::string key = lower(trim(text.substr(at, equals - at)));
            const std::string_view value = trim(text.substr(equals + 1, semicolon - equals - 1));
            at = semicolon + 1;
            if (path.empty() || path[0] != "game")
            {
                continue;
            }
            if (path.size() == 1 && key == "autohostip")
            {
                script.autohostIp = std::string(value);
            }
            else if (path.size() == 1 && key == "autohostport" && !parseNumber(value, &script.autohostPort))
            {
                return failed("AutohostPort is not a number");
            }
            else if (path.size() == 2 && key == "name")
            {
                if (const auto index = playerIndex(path[1]))
                {
                    players[*index] = std::string(value);
                }
            }
            else if (path.size() == 2 && path[1] == "modoptions")
            {
                if (key == "benchjoin")
                {
                    script.join = value == "1";
                }
                else if (key == "benchchat")
                {
                    const std::size_t comma = value.find(',');
                    if (comma == std::string_view::npos ||
                        !parseNumber(trim(value.substr(0, comma)), &script.chatCount) ||
                        !parseNumber(trim(value.substr(comma + 1)), &script.chatPerSecond))
                    {
                        return failed("benchchat must be <count>,<per second>");
                    }
                }
                else if (key == "benchchatat")
                {
                    std::int64_t time = 0;
                    if (!parseNumber(value, &time))
                    {
                        return failed("benchchatat must be a CLOCK_MONOTONIC time in ns");
                    }
                    script.chatAt = time;
                }
            }
        }
    }
    for (auto &[index, name] : players)
    {
        script.players.push_back(std::move(name));
    }
    if (script.chatCount > 0 && script.players.empty())
    {
        return failed("benchchat needs a player to chat from");
    }
    return script;
}
