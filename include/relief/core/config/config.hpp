#pragma once
// Settings: one table of keys (config_keys()), read from a TOML file.
// Missing file = defaults. Errors are "FILE:LINE: message" (exit 3).
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace relief {

enum class ColorMode { auto_detect, always, never };

struct Config {
    int day_start_minutes = 4 * 60; // day_starts_at
    int report_weeks = 8;
    double relief_threshold = 1.0;
    std::string default_kind;           // massage.default_kind ("" = none)
    std::optional<int> default_minutes; // massage.default_minutes
    std::optional<int> every_days;      // massage.every_days
    ColorMode color = ColorMode::auto_detect;
};

struct ConfigKey {
    std::string_view name;         // dotted: "report.weeks"
    std::string_view default_text; // as shown by `relief config`
    std::string_view description;
    // Validates `text` and stores it; throws InputError without a location.
    void (*assign)(Config& config, std::string_view text);
    // The current value as text ("" when unset).
    std::string (*show)(const Config& config);
    bool is_text; // written as a TOML string ("04:00"), else as a number
};

std::span<const ConfigKey> config_keys();

// A loaded config and, per key set in the file, where: "PATH:LINE".
// Unknown keys are not errors (a typo must not block a check-in): each is
// a warning, "PATH:LINE: unknown key ... (did you mean ...?)".
struct UnknownKey {
    std::string where; // "PATH:LINE"
    std::size_t line = 0;
    std::string name;
    std::string warning;
};
struct ExplainedConfig {
    Config config;
    std::map<std::string, std::string> origin;
    std::vector<UnknownKey> unknown; // in the file's order
};
ExplainedConfig load_config_explained(const std::string& path);

// The same from the file's text; `path` names it in messages.
ExplainedConfig parse_config(std::string_view text, const std::string& path);

// Sets KEY = VALUE in the TOML file at `path` (created 0600 if missing),
// keeping every other line and comment. The value is validated first and the
// whole file again before it replaces the old one. Throws InputError for a
// bad key or value, UnusableError when the file cannot be read or written.
void set_config_value(const std::string& path, std::string_view key, std::string_view value);
const ConfigKey* find_config_key(std::string_view name);

// Reads `path`; a missing file gives the defaults. Throws UnusableError
// "PATH:LINE: message" for syntax errors and bad values; unknown
// keys are in load_config_explained()'s `unknown`.
Config load_config(const std::string& path);

} // namespace relief
