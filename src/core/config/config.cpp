#include "relief/core/config/config.hpp"

#include "relief/core/error.hpp"
#include "relief/core/files/files.hpp"
#include "relief/core/record/validate.hpp"
#include "relief/core/text/text.hpp"
#include "relief/core/text/toml_ascii.hpp"
#include "relief/core/time/instant.hpp"
#include "relief/core/time/when.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <iterator>
#include <sstream>
#include <sys/stat.h>
#include <toml++/toml.h>

namespace relief {
namespace {

int whole_number(std::string_view name, std::string_view text, int low, int high) {
    const auto value = parse_integer(trim(text));
    if (!value || *value < low || *value > high) {
        throw InputError(fmt::format("{} must be a whole number from {} to {}, got {}", name, low,
                                     high, shown_value(text)));
    }
    return static_cast<int>(*value);
}

std::string show_optional(const std::optional<int>& value) {
    return value ? std::to_string(*value) : std::string();
}

const std::array<ConfigKey, 7> k_keys = {{
    {"day_starts_at", "04:00",
     "when a diary day begins; entries before it count for the day before",
     [](Config& c, std::string_view text) {
         // The forms --at takes for a time: "04:00", "4:00", "4am".
         const auto time = parse_wall_time(trim(text));
         if (!time || *time % 60 != 0) {
             throw InputError(fmt::format("day_starts_at must be a time like 04:00 or 4am, from "
                                          "00:00 to 23:59, got {}",
                                          shown_value(text)));
         }
         c.day_start_minutes = *time / 60;
     },
     [](const Config& c) {
         return fmt::format("{:02}:{:02}", c.day_start_minutes / 60, c.day_start_minutes % 60);
     },
     true},
    {"report.weeks", "8", "weeks that `relief report` covers without --weeks",
     [](Config& c, std::string_view text) {
         c.report_weeks = whole_number("report.weeks", text, 1, 520);
     },
     [](const Config& c) { return std::to_string(c.report_weeks); }, false},
    {"report.relief_threshold", "1.0",
     "points below the pre-session level that count as relief (--relief-threshold)",
     [](Config& c, std::string_view text) {
         const auto value = parse_decimal(trim(text));
         if (!value || *value <= 0 || *value > 10) {
             throw InputError(fmt::format("report.relief_threshold must be a number above 0 and "
                                          "at most 10, got {}",
                                          shown_value(text)));
         }
         c.relief_threshold = *value;
     },
     [](const Config& c) { return format_number(c.relief_threshold); }, false},
    {"massage.default_kind", "", "kind of a session logged without --kind",
     [](Config& c, std::string_view text) {
         c.default_kind = trim(text).empty() ? "" : parse_word("massage.default_kind", text);
     },
     [](const Config& c) { return c.default_kind; }, true},
    {"massage.default_minutes", "", "length of a session logged without --massage MINUTES",
     [](Config& c, std::string_view text) {
         c.default_minutes = whole_number("massage.default_minutes", text, 1, 600);
     },
     [](const Config& c) { return show_optional(c.default_minutes); }, false},
    {"massage.every_days", "", "a session is due this many days after the last (relief remind)",
     [](Config& c, std::string_view text) {
         c.every_days = whole_number("massage.every_days", text, 1, 365);
     },
     [](const Config& c) { return show_optional(c.every_days); }, false},
    {"color", "auto", "auto (only on a terminal), always or never",
     [](Config& c, std::string_view text) {
         const std::string value = to_lower(trim(text));
         if (value == "auto") {
             c.color = ColorMode::auto_detect;
         } else if (value == "always" || value == "true") {
             c.color = ColorMode::always;
         } else if (value == "never" || value == "false") {
             c.color = ColorMode::never;
         } else {
             throw InputError(
                 fmt::format("color must be auto, always or never, got {}", shown_value(text)));
         }
     },
     [](const Config& c) {
         return std::string(c.color == ColorMode::always  ? "always"
                            : c.color == ColorMode::never ? "never"
                                                          : "auto");
     },
     true},
}};

// A TOML value as the text the key's parser reads; strings are quoted in
// messages so that `report.weeks = "8"` and `report.weeks = 8` read apart.
std::string value_text(const toml::node& node) {
    if (const auto* s = node.as_string()) {
        return s->get();
    }
    if (const auto* i = node.as_integer()) {
        return std::to_string(i->get());
    }
    if (const auto* f = node.as_floating_point()) {
        return format_number(f->get());
    }
    if (const auto* b = node.as_boolean()) {
        return b->get() ? "true" : "false";
    }
    // TOML's own dates and times (written without quotes): say what was read.
    std::ostringstream shown;
    if (const auto* d = node.as_date()) {
        shown << d->get() << " (a TOML date)";
    } else if (const auto* t = node.as_time()) {
        shown << t->get() << " (a TOML time)";
    } else if (const auto* dt = node.as_date_time()) {
        shown << dt->get() << " (a TOML date-time)";
    } else {
        shown << (node.is_table() ? "a table" : "an array");
    }
    return shown.str();
}

void read_table(const toml::table& table, const std::string& prefix, const std::string& path,
                ExplainedConfig& loaded) {
    Config& config = loaded.config;
    for (const auto& [key, node] : table) {
        const std::string name = prefix + std::string(key.str());
        const auto line = node.source().begin.line;
        if (node.is_table() && !find_config_key(name)) {
            read_table(*node.as_table(), name + ".", path, loaded);
            continue;
        }
        const ConfigKey* entry = find_config_key(name);
        if (!entry) {
            // A typo in one key must not stop tonight's check-in: warn, name
            // the line and the likely key, and go on with the defaults.
            std::vector<std::string> names;
            for (const ConfigKey& k : k_keys) {
                names.emplace_back(k.name);
            }
            auto guess = closest_match(name, names);
            if (!guess) {
                // "relief_treshold" at the top level for report.relief_threshold
                for (const std::string& n : names) {
                    const std::string leaf = n.substr(n.rfind('.') + 1);
                    if (edit_distance(name.substr(name.rfind('.') + 1), leaf) <= 2 &&
                        leaf.size() > 4) {
                        guess = n;
                    }
                }
            }
            loaded.unknown.push_back(
                {fmt::format("{}:{}", path, line), line, name,
                 fmt::format("{}:{}: unknown key \"{}\"{}; it is ignored (relief config lists "
                             "the keys)",
                             path, line, shown_value(name),
                             guess ? fmt::format(" (did you mean {}?)", *guess) : "")});
            continue;
        }
        if (node.is_table() || node.is_array()) {
            throw UnusableError(fmt::format("{}:{}: {} must be a single value, not a table or "
                                            "array",
                                            path, line, name));
        }
        // Strict types: `default_minutes = "60"` and `color = true` are
        // mistakes to show, not values to guess at.
        if (entry->is_text && !node.is_string()) {
            throw UnusableError(fmt::format("{}:{}: {} must be text in quotes, like {} = \"{}\", "
                                            "got {}",
                                            path, line, name, name,
                                            entry->default_text.empty() ? std::string_view("…")
                                                                        : entry->default_text,
                                            value_text(node)));
        }
        if (!entry->is_text && !node.is_integer() && !node.is_floating_point()) {
            throw UnusableError(fmt::format(
                "{}:{}: {} must be a number without quotes, like {} = "
                "{}, got {}",
                path, line, name, name,
                entry->default_text.empty() ? std::string_view("60") : entry->default_text,
                node.is_string() ? "\"" + value_text(node) + "\"" : value_text(node)));
        }
        loaded.origin[name] = fmt::format("{}:{}", path, line);
        try {
            entry->assign(config, value_text(node));
        } catch (const InputError& e) {
            throw UnusableError(fmt::format("{}:{}: {}", path, line, e.what()));
        }
    }
}

} // namespace

std::span<const ConfigKey> config_keys() {
    return k_keys;
}

const ConfigKey* find_config_key(std::string_view name) {
    for (const ConfigKey& key : k_keys) {
        if (key.name == name) {
            return &key;
        }
    }
    return nullptr;
}

Config load_config(const std::string& path) {
    return load_config_explained(path).config;
}

ExplainedConfig load_config_explained(const std::string& path) {
    struct stat st {};
    if (path.empty()) {
        return {};
    }
    if (::stat(path.c_str(), &st) != 0) {
        if (errno == ENOENT) {
            struct stat link {};
            if (::lstat(path.c_str(), &link) == 0) {
                throw UnusableError(fmt::format("the config {} is a symbolic link to a file that "
                                                "does not exist",
                                                path));
            }
            return {}; // a missing file means the defaults
        }
        if (errno == ELOOP) {
            throw UnusableError(fmt::format("the config {} is a loop of symbolic links", path));
        }
        return {}; // a folder on the way that cannot be searched: as if missing
    }
    if (S_ISDIR(st.st_mode)) {
        throw UnusableError(fmt::format("{}: is a folder, not a config file", path));
    }
    // A FIFO or a device would hang or never end (/dev/null reads as empty:
    // the defaults, the usual way to say "no config").
    if (!S_ISREG(st.st_mode) && !S_ISCHR(st.st_mode)) {
        throw UnusableError(fmt::format("the config {} is {}, not a regular file", path,
                                        non_regular_kind(st.st_mode)));
    }
    if (S_ISCHR(st.st_mode)) {
        return {};
    }
    std::ifstream in(path, std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(in), {}};
    if (!in.is_open() || in.bad()) {
        throw UnusableError(
            fmt::format("cannot read the config {}: {}", path, std::strerror(errno)));
    }
    return parse_config(text, path);
}

ExplainedConfig parse_config(std::string_view text, const std::string& path) {
    ExplainedConfig loaded;
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.remove_prefix(3); // a UTF-8 byte order mark, as some editors write it
    }
    toml::table table;
    try {
        table = toml::parse(to_ascii_toml(text), path);
    } catch (const InputError& e) {
        throw UnusableError(fmt::format("{}:{}", path, e.what()));
    } catch (const toml::parse_error& e) {
        // `day_starts_at = 04:00` is a TOML time without its seconds: the
        // parser's words alone do not tell a person to add quotes.
        const std::string_view what = e.description();
        const bool time = what.find("time") != std::string_view::npos;
        throw UnusableError(fmt::format("{}:{}: not valid TOML: {}{}", path, e.source().begin.line,
                                        what,
                                        time ? " (write a time in quotes: day_starts_at = "
                                               "\"04:00\")"
                                             : ""));
    }
    read_table(table, "", path, loaded);
    std::stable_sort(loaded.unknown.begin(), loaded.unknown.end(),
                     [](const UnknownKey& a, const UnknownKey& b) { return a.line < b.line; });
    return loaded;
}

} // namespace relief
