#pragma once
// A trial as the journal keeps it: its plan and, when stopped early, the day
// it was stopped (docs/methods.md "The trial").
#include "relief/core/time/civil.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace relief {

struct TrialEntry {
    std::string id;      // a uuid
    DayNumber start = 0; // day 0 (a diary day)
    int pairs = 7;       // 6–12
    std::uint64_t seed = 0;
    bool seed_chosen = false;            // given with --seed, not drawn
    std::optional<DayNumber> stopped_on; // the diary day of `relief trial stop`
    std::int64_t started_utc = 0;        // when `relief trial start` ran
    bool operator==(const TrialEntry&) const = default;
};

// The plan's coin (docs/methods.md "The trial"): SplitMix64 seeded with the
// trial's seed gives, for pair p = 0 … K−1 in order, bit = next() >> 63;
// true (1) means the pair's first week is the massage week.
std::vector<bool> trial_massage_first(std::uint64_t seed, int pairs);

} // namespace relief
