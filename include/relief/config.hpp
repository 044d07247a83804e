#pragma once
// Settings: one table of keys (config_keys()), read from a TOML file.
// Missing file = defaults. Errors are "FILE:LINE: message" (exit 3).
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace relief {

enum class ColorMode { auto_detect, always, never };

struct Config {
    int day_start_minutes = 4 * 60; // day_starts_at
    int report_weeks = 8;
    double relief_threshold = 1.0;
    std::string default_kind;             // massage.default_kind ("" = none)
    std::optional<int> default_minutes;   // massage.default_minutes
    std::optional<int> every_days;        // massage.every_days
    ColorMode color = ColorMode::auto_detect;
};

struct ConfigKey {
    std::string_view name;          // dotted: "report.weeks"
    std::string_view default_text;  // as shown by `relief config`
    std::string_view description;
    // Validates `text` and stores it; throws InputError without a location.
    void (*assign)(Config& config, std::string_view text);
    // The current value as text ("" when unset).
    std::string (*show)(const Config& config);
};

std::span<const ConfigKey> config_keys();
const ConfigKey* find_config_key(std::string_view name);

// Reads `path`; a missing file gives the defaults. Throws UnusableError
// "PATH:LINE: message" for syntax errors, unknown keys and bad values.
Config load_config(const std::string& path);

} // namespace relief
