#pragma once
// Parsing the WHEN of `--at` (cli.md): YYYY-MM-DD, "YYYY-MM-DD HH:MM",
// YYYY-MM-DDTHH:MM (each with an optional ±HH:MM or Z), HH:MM (today),
// now, today, yesterday, "yesterday HH:MM". A date without a time means 12:00
// that day. Without an offset the time is local (zone.hpp). Future instants
// are refused.
#include <string_view>

#include "relief/instant.hpp"

namespace relief {

// `field` names the flag in messages ("--at"). `now` is the current instant
// with the local offset. Throws InputError with a one-line message.
Instant parse_when(std::string_view field, std::string_view text, const Instant& now);

// The day of a `--since`/`--until`/`--end` value: YYYY-MM-DD, today, yesterday.
DayNumber parse_day(std::string_view field, std::string_view text, const Instant& now);

} // namespace relief
