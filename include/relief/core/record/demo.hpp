#pragma once
// A realistic synthetic journal for `relief demo`: pure and deterministic for
// (end day, weeks, seed, local zone).
#include "relief/core/record/record.hpp"
#include "relief/core/record/trial_entry.hpp"
#include "relief/core/time/civil.hpp"

#include <cstdint>
#include <vector>

namespace relief {

// Records for the `weeks`·7 diary days ending on `end_day`, stamped in the
// local zone, with recorded_at never after `now_utc`: noisy daily pain around
// a personal baseline, missed days, 1–3 check-ins on some days, sessions every
// 5–10 days followed by 2–3 days of relief of varying size, sleep and mood
// that move a little with pain, a few backfilled entries and notes.
std::vector<Record> make_demo_journal(DayNumber end_day, int weeks, std::uint64_t seed,
                                      std::int64_t now_utc);

// A finished 7-pair trial ending yesterday, with its run-in and pairs logged
// every evening (a missed one now and then), two sessions in each massage
// week and relief of about 1.5 points after them: what a newcomer's trial
// report looks like (relief demo --trial).
struct DemoTrial {
    TrialEntry trial;
    std::vector<Record> records;
};
DemoTrial make_demo_trial(DayNumber end_day, std::uint64_t seed, std::int64_t now_utc);

} // namespace relief
