// ptyrun INPUT -- COMMAND [ARGS…]: runs COMMAND on a new pseudo-terminal,
// types INPUT into it (C escapes: \n Enter, \x04 Ctrl-D), copies everything
// the terminal shows to stdout and exits with COMMAND's exit status. It lets
// the end-to-end tests drive relief's interactive prompts as a person would.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <pty.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

std::string unescape(const char* text) {
    std::string out;
    for (const char* p = text; *p != '\0'; ++p) {
        if (*p != '\\' || p[1] == '\0') {
            out += *p;
            continue;
        }
        ++p;
        switch (*p) {
        case 'n':
            out += '\n';
            break;
        case 't':
            out += '\t';
            break;
        case '\\':
            out += '\\';
            break;
        case 'x': {
            const std::string hex(p + 1, 2);
            out += static_cast<char>(std::strtol(hex.c_str(), nullptr, 16));
            p += 2;
            break;
        }
        default:
            out += '\\';
            out += *p;
        }
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 4 || std::strcmp(argv[2], "--") != 0) {
        std::fprintf(stderr, "usage: ptyrun INPUT -- COMMAND [ARGS...]\n");
        return 2;
    }
    const std::string input = unescape(argv[1]);
    int master = -1;
    const pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
    if (pid < 0) {
        std::perror("forkpty");
        return 2;
    }
    if (pid == 0) {
        ::execvp(argv[3], argv + 3);
        std::perror("execvp");
        _exit(127);
    }
    // Type one line at a time, as a person would: the terminal's line
    // discipline hands each to the program's next read.
    std::size_t start = 0;
    while (start < input.size()) {
        std::size_t end = input.find_first_of("\n\x04", start);
        end = end == std::string::npos ? input.size() : end + 1;
        usleep(50000);
        if (::write(master, input.data() + start, end - start) < 0) {
            break;
        }
        start = end;
    }
    char buffer[4096];
    while (true) {
        const ssize_t n = ::read(master, buffer, sizeof buffer);
        if (n <= 0) {
            if (n < 0 && errno == EINTR) {
                continue;
            }
            break; // EIO: the program closed the terminal
        }
        std::fwrite(buffer, 1, static_cast<std::size_t>(n), stdout);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
