#pragma once
// A trial as the journal keeps it: its plan and, when stopped early, the day
// it was stopped (docs/methods.md "The trial").
#include <cstdint>
#include <optional>
#include <string>

#include "relief/civil.hpp"

namespace relief {

struct TrialEntry {
    std::string id;                       // a uuid
    DayNumber start = 0;                  // day 0 (a diary day)
    int pairs = 7;                        // 6–12
    std::uint64_t seed = 0;
    bool seed_chosen = false;             // given with --seed, not drawn
    std::optional<DayNumber> stopped_on;  // the diary day of `relief trial stop`
    std::int64_t started_utc = 0;         // when `relief trial start` ran
    bool operator==(const TrialEntry&) const = default;
};

} // namespace relief
