// The config loader: any text gives a config within the documented ranges or
// one UnusableError naming FILE:LINE.
#include "fuzz_target.hpp"
#include "relief/core/config/config.hpp"
#include "relief/core/error.hpp"

#include <string>

using namespace relief;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const Config c = parse_config(fuzz::as_text(data, size), "config.toml").config;
        fuzz::require(c.report_weeks >= 1 && c.report_weeks <= 520, "report.weeks out of range");
        fuzz::require(c.relief_threshold > 0 && c.relief_threshold <= 10,
                      "report.relief_threshold out of range");
        fuzz::require(c.day_start_minutes >= 0 && c.day_start_minutes < 24 * 60,
                      "day_starts_at out of range");
        fuzz::require(!c.every_days || (*c.every_days >= 1 && *c.every_days <= 365),
                      "massage.every_days out of range");
        fuzz::require(!c.default_minutes || (*c.default_minutes >= 1 && *c.default_minutes <= 600),
                      "massage.default_minutes out of range");
    } catch (const UnusableError& e) {
        fuzz::require(std::string_view(e.what()).starts_with("config.toml:"),
                      "a config error does not name the file");
    }
    return 0;
}
