// fast-spring-dedicated: a stand-in for spring-dedicated that starts in well under a millisecond (plain C++
// and POSIX, no Qt), for the end-to-end benchmark. Invoked as the autohost invokes the engine:
//   fast-spring-dedicated [-isolation] [-isolation-dir <dir>] [-config <file>] <script.txt>
// See FastEngine for what it does and BenchScript for the workload keys.
#include <csignal>
#include <cstdio>
#include <string>
#include <string_view>

#include "benchscript.h"
#include "fastengine.h"

#include <fcntl.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace
{
// The real engine's exit codes (engine notes §17.1).
constexpr int UsageExitCode = 1;
constexpr int ContentErrorExitCode = 21;

bool readFile(const std::string &path, std::string *content)
{
    const int file = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (file < 0)
    {
        return false;
    }
    char buffer[16384];
    ssize_t size = 0;
    while ((size = ::read(file, buffer, sizeof buffer)) > 0)
    {
        content->append(buffer, std::size_t(size));
    }
    ::close(file);
    return size == 0;
}
} // namespace

int main(int argc, char *argv[])
{
    // The autohost sets this for its engines too; the fast engine sets it itself so that it never outlives
    // whoever started it, a benchmark or a test.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    std::string scriptPath;
    for (int i = 1; i < argc; ++i)
    {
        const std::string_view argument = argv[i];
        if (argument == "-isolation-dir" || argument == "--isolation-dir" || argument == "-config" ||
            argument == "--config")
        {
            ++i;
        }
        else if (!argument.starts_with('-'))
        {
            scriptPath = argument;
        }
    }
    if (scriptPath.empty())
    {
        std::fprintf(stderr, "fast-spring-dedicated: Usage: %s [-isolation] path_to_script.txt\n", argv[0]);
        return UsageExitCode;
    }
    std::string text;
    if (!readFile(scriptPath, &text))
    {
        std::printf("[fast] script does not exist in given location: %s\n", scriptPath.c_str());
        return ContentErrorExitCode;
    }
    std::string error;
    auto script = BenchScript::parse(text, &error);
    if (!script)
    {
        std::printf("[fast] cannot read %s: %s\n", scriptPath.c_str(), error.c_str());
        return UsageExitCode;
    }
    FastEngine engine(std::move(*script));
    return engine.run();
}
