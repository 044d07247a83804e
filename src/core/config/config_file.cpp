// `relief config set`: editing the TOML file as text, so that the user's
// comments, order and blank lines survive.
#include "relief/core/config/config.hpp"
#include "relief/core/config/paths.hpp"
#include "relief/core/error.hpp"
#include "relief/core/files/files.hpp"
#include "relief/core/text/text.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace relief {
namespace {

std::string toml_value(const ConfigKey& key, const std::string& shown) {
    if (!key.is_text) {
        return shown;
    }
    std::string quoted = "\"";
    for (const char c : shown) {
        if (c == '"' || c == '\\') {
            quoted += '\\';
        }
        quoted += c;
    }
    return quoted + "\"";
}

// "[report]" → "report"; nullopt when the line is not a table header.
std::optional<std::string> table_header(std::string_view line) {
    line = trim(line);
    if (line.size() < 3 || line.front() != '[' || line[1] == '[') {
        return std::nullopt;
    }
    const std::size_t close = line.find(']');
    if (close == std::string_view::npos) {
        return std::nullopt;
    }
    return std::string(trim(line.substr(1, close - 1)));
}

// The key a "key = value" line sets, or "".
std::string line_key(std::string_view line) {
    line = trim(line);
    const std::size_t eq = line.find('=');
    if (line.empty() || line.front() == '#' || eq == std::string_view::npos) {
        return {};
    }
    std::string key(trim(line.substr(0, eq)));
    key.erase(std::remove(key.begin(), key.end(), '"'), key.end());
    return key;
}

// The comment after a value ("  # why"), kept when the value changes.
std::string trailing_comment(std::string_view line) {
    const std::size_t eq = line.find('=');
    std::size_t i = eq + 1;
    while (i < line.size() && line[i] == ' ') {
        ++i;
    }
    if (i < line.size() && line[i] == '"') {
        const std::size_t close = line.find('"', i + 1);
        i = close == std::string_view::npos ? line.size() : close + 1;
    }
    const std::size_t hash = line.find('#', i);
    if (hash == std::string_view::npos) {
        return {};
    }
    std::size_t start = hash;
    while (start > i && line[start - 1] == ' ') {
        --start;
    }
    return std::string(line.substr(start));
}

std::vector<std::string> read_lines(const std::string& path) {
    std::vector<std::string> lines;
    std::ifstream in(path);
    if (!in) {
        if (errno != ENOENT) {
            throw UnusableError(fmt::format("cannot read {}: {}", path, std::strerror(errno)));
        }
        return lines;
    }
    std::string line;
    while (std::getline(in, line)) {
        lines.push_back(line);
    }
    return lines;
}

// The new text goes to the file the path finally names (a dotfiles
// repository's symlink stays a symlink), keeping its mode and owner, and is
// checked as a whole before it replaces the old one.
void write_atomically(const std::string& path, const std::string& text) {
    const std::string target = regular_file_target(path, "the config");
    make_parent_dirs(target);
    struct stat st {};
    const mode_t mode = ::stat(target.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0600;
    parse_config(text, target); // the whole file must still be valid, named as itself
    write_file_atomically(target, text, mode);
}

} // namespace

void set_config_value(const std::string& path, std::string_view name, std::string_view value) {
    const ConfigKey* key = find_config_key(name);
    if (!key) {
        throw InputError(fmt::format("unknown key \"{}\" (relief config lists the keys)", name));
    }
    Config probe;
    key->assign(probe, value); // validates: throws InputError
    const std::string shown = key->show(probe);
    const std::string full(name);
    const std::size_t dot = full.rfind('.');
    const std::string table = dot == std::string::npos ? "" : full.substr(0, dot);
    const std::string leaf = dot == std::string::npos ? full : full.substr(dot + 1);

    // Two `config set` at once each read, change one line and rename: without
    // the lock, the second rename dropped the first one's key (101 of 400).
    const std::string target = regular_file_target(path, "the config");
    make_parent_dirs(target);
    const FileDescriptor lock = lock_folder_of(target);
    std::vector<std::string> lines = read_lines(target);
    std::string before;
    for (const std::string& line : lines) {
        before += line + "\n";
    }
    parse_config(before, target); // a broken file is named with its own line numbers
    std::string current_table;
    std::optional<std::size_t> table_start;   // the header line of `table`
    std::optional<std::size_t> last_in_table; // its last key line
    std::optional<std::size_t> first_header;
    std::optional<std::size_t> last_top_level; // the last key line before any table
    bool done = false;
    for (std::size_t i = 0; i < lines.size() && !done; ++i) {
        if (const auto header = table_header(lines[i])) {
            current_table = *header;
            first_header = first_header.value_or(i);
            if (current_table == table) {
                table_start = i;
            }
            continue;
        }
        const std::string k = line_key(lines[i]);
        if (k.empty()) {
            continue;
        }
        const std::string qualified = current_table.empty() ? k : current_table + "." + k;
        if (current_table == table) {
            last_in_table = i;
        }
        if (current_table.empty()) {
            last_top_level = i;
        }
        if (qualified == full) {
            const std::string comment = trailing_comment(lines[i]);
            std::string head = lines[i].substr(0, lines[i].find('='));
            while (!head.empty() && head.back() == ' ') {
                head.pop_back();
            }
            lines[i] = head + " = " + toml_value(*key, shown) + comment;
            done = true;
        }
    }
    const std::string assignment = leaf + " = " + toml_value(*key, shown);
    if (!done && table.empty()) {
        // Top-level keys must come before the first table: after the last one.
        const std::size_t at =
            last_top_level ? *last_top_level + 1 : first_header.value_or(lines.size());
        lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(at),
                     full + " = " + toml_value(*key, shown));
    } else if (!done && (last_in_table || table_start)) {
        const std::size_t after = last_in_table ? *last_in_table : *table_start;
        lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(after + 1), assignment);
    } else if (!done) {
        if (!lines.empty() && !trim(lines.back()).empty()) {
            lines.emplace_back();
        }
        lines.push_back("[" + table + "]");
        lines.push_back(assignment);
    }
    std::string text;
    for (const std::string& line : lines) {
        text += line + "\n";
    }
    write_atomically(path, text);
}

} // namespace relief
