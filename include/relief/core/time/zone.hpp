#pragma once
// The machine's local time zone (TZ, /etc/localtime), used only to stamp new
// entries and to read times typed without an offset. Stored records carry
// their own offset and never consult the zone again.
#include "relief/core/time/civil.hpp"
#include "relief/core/time/instant.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace relief {

// The local offset in force at a UTC instant.
int local_offset_at(std::int64_t utc);

// The instant for a local wall time (date + seconds since midnight).
// nullopt when the wall time does not exist (skipped by a DST change); for a
// wall time that happens twice (clocks turned back) the earlier instant.
std::optional<Instant> resolve_local(DayNumber day, int second_of_day);

// The offsets (minutes) in force a day before and a day after a wall time:
// for a time skipped by a change of the clocks, the two it could have meant.
std::pair<int, int> offsets_around(DayNumber day, int second_of_day);
// "+01:00", "-04:00"
std::string offset_text(int minutes);

} // namespace relief
