// The date and time parsers: --at WHEN, --since/--until/--end days, and the
// ISO 8601 instants of import files.
#include "fuzz_target.hpp"
#include "relief/core/error.hpp"
#include "relief/core/time/when.hpp"

using namespace relief;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    const Instant now = fuzz::fixed_now();
    try {
        const Instant when = parse_when("--at", text, Today{now});
        fuzz::require(when.utc <= now.utc, "parse_when accepted a future instant");
        fuzz::require(when.offset_minutes >= -k_max_offset_minutes &&
                          when.offset_minutes <= k_max_offset_minutes,
                      "parse_when gave an impossible offset");
    } catch (const InputError&) {
    }
    try {
        parse_day("--since", text, Today{now});
    } catch (const InputError&) {
    }
    if (const auto iso = parse_iso(text); iso && iso->offset_minutes) {
        // An accepted instant is written back and read again unchanged.
        const Instant instant{std::int64_t{iso->day} * 86400 + iso->second_of_day -
                                  std::int64_t{*iso->offset_minutes} * 60,
                              *iso->offset_minutes};
        const auto again = parse_iso(format_iso(instant));
        fuzz::require(again && again->day == iso->day &&
                          again->second_of_day == iso->second_of_day &&
                          again->offset_minutes == iso->offset_minutes,
                      "format_iso(parse_iso(x)) does not read back");
    }
    parse_offset(text);
    parse_time_of_day(text);
    return 0;
}
