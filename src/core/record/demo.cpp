#include "relief/core/record/demo.hpp"

#include "relief/core/text/splitmix64.hpp"
#include "relief/core/time/zone.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>

namespace relief {
namespace {

constexpr std::array<const char*, 8> k_notes = {
    "stiff after gardening",     "long drive",
    "slept badly, woke at 4",    "walked 5 km, felt good",
    "desk day, tight shoulders", "flare-up after lifting",
    "yoga in the morning",       "cold weather, achy"};
constexpr double k_fade = 0.72; // share of a session's relief left the next day
constexpr std::array<const char*, 3> k_kinds = {"deep-tissue", "swedish", "myofascial"};
constexpr std::array<const char*, 2> k_therapists = {"Ana", "Sam"};

int clamp_scale(double value) {
    return std::clamp(static_cast<int>(std::lround(value)), 0, 10);
}

std::string demo_uuid(SplitMix64& rng) {
    const std::uint64_t a = rng.next();
    const std::uint64_t b = rng.next();
    return fmt::format("{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}", a >> 32, (a >> 16) & 0xFFFF,
                       a & 0xFFF, 0x8000 | ((b >> 48) & 0x3FFF), b & 0xFFFFFFFFFFFFULL);
}

Instant local_at(DayNumber day, int minute_of_day) {
    // A wall time the clocks skipped moves one hour on.
    auto instant = resolve_local(day, minute_of_day * 60);
    if (!instant) {
        instant = resolve_local(day, (minute_of_day + 60) * 60);
    }
    return instant.value_or(Instant{std::int64_t{day} * 86400 + minute_of_day * 60, 0});
}

} // namespace

std::vector<Record> make_demo_journal(DayNumber end_day, int weeks, std::uint64_t seed,
                                      std::int64_t now_utc) {
    SplitMix64 rng(seed);
    const int days = weeks * 7;
    const DayNumber first = end_day - days + 1;
    const double baseline = 5.0 + rng.uniform() * 1.5;
    const double drift = -(0.5 + rng.uniform()) / days; // slowly improving overall
    const std::string kind = k_kinds[rng.next() % k_kinds.size()];

    std::vector<Record> records;
    double noise = 0;
    double relief = 0; // points below the baseline, fading after a session
    int next_session = first + rng.between(2, 6);
    for (DayNumber day = first; day <= end_day; ++day) {
        noise = 0.6 * noise + 0.7 * rng.normal();
        const double usual = baseline + drift * (day - first) + noise;
        const bool session_today = day == next_session;
        if (session_today && local_at(day, 17 * 60).utc <= now_utc) {
            Record s;
            s.type = RecordType::session;
            s.uuid = demo_uuid(rng);
            s.at = local_at(day, 17 * 60);
            s.recorded_at = Instant{std::min(s.at.utc + 3 * 3600, now_utc), s.at.offset_minutes};
            s.minutes = rng.uniform() < 0.7 ? 60 : 90;
            s.kind = rng.uniform() < 0.8 ? kind : std::string("swedish");
            s.therapist = k_therapists[rng.next() % k_therapists.size()];
            s.pain_before = clamp_scale(usual - relief + 0.5);
            s.areas = {"lower-back"};
            records.push_back(std::move(s));
            relief = 2.0 + rng.uniform() * 1.5;
            next_session = day + rng.between(5, 10);
        }
        const double pain = usual - relief;
        if (!session_today && rng.uniform() < 0.1) {
            relief *= k_fade;
            continue; // a missed day
        }
        const int checkins = rng.uniform() < 0.8 ? 1 : (rng.uniform() < 0.75 ? 2 : 3);
        for (int k = 0; k < checkins; ++k) {
            Record c;
            c.type = RecordType::checkin;
            c.uuid = demo_uuid(rng);
            const int minute = k == checkins - 1 ? 20 * 60 + rng.between(0, 150)
                                                 : 8 * 60 + k * 300 + rng.between(0, 60);
            c.at = local_at(day, minute);
            // Now and then written down two days late ("backfilled", docs/methods.md §1).
            const std::int64_t late = 2 * 86400 + 3600;
            const bool backfilled = rng.uniform() < 0.05 && c.at.utc + late <= now_utc;
            c.recorded_at = Instant{c.at.utc + (backfilled ? late : 0), c.at.offset_minutes};
            c.pain = clamp_scale(pain + 0.4 * rng.normal());
            if (k == 0) {
                c.sleep_hours = std::clamp(
                    std::round((7.2 - 0.25 * (pain - 5) + 0.6 * rng.normal()) * 4) / 4, 3.0, 10.0);
                c.sleep_quality = clamp_scale(6.5 - 0.5 * (pain - 5) + rng.normal());
            }
            c.mood = clamp_scale(6.5 - 0.45 * (pain - 5) + 0.8 * rng.normal());
            if (rng.uniform() < 0.3) {
                c.areas = rng.uniform() < 0.7 ? std::vector<std::string>{"lower-back"}
                                              : std::vector<std::string>{"lower-back", "neck"};
            }
            if (rng.uniform() < 0.12) {
                c.note = k_notes[rng.next() % k_notes.size()];
            }
            if (c.at.utc <= now_utc) {
                records.push_back(std::move(c));
            }
        }
        relief *= k_fade; // relief fades over two to three days
    }
    return records;
}

DemoTrial make_demo_trial(DayNumber end_day, std::uint64_t seed, std::int64_t now_utc) {
    constexpr int k_pairs = 7;
    SplitMix64 rng(seed ^ 0x7472696131ULL); // its own stream: the demo journal's is not reused
    DemoTrial out;
    TrialEntry& t = out.trial;
    t.id = demo_uuid(rng);
    t.pairs = k_pairs;
    t.seed = seed;
    t.seed_chosen = true;
    t.start = end_day - (14 + 14 * k_pairs) + 1 - 1; // finished yesterday
    t.started_utc = local_at(t.start - 1, 20 * 60).utc;
    const std::vector<bool> first = trial_massage_first(seed, k_pairs);
    const DayNumber last = t.start + 14 + 14 * k_pairs - 1;
    const double baseline = 5.2 + rng.uniform();
    double noise = 0;
    double relief = 0;
    for (DayNumber day = t.start; day <= std::min(last + 1, end_day); ++day) {
        const int index = day - t.start;
        const int p = (index - 14) / 14;
        const bool in_pairs = index >= 14 && p < k_pairs;
        const bool massage_week =
            in_pairs && ((index - 14) % 14 < 7) == first[static_cast<std::size_t>(p)];
        const int in_week = (index - 14) % 7;
        if (massage_week && (in_week == 0 || in_week == 3)) {
            const int shift = static_cast<int>(rng.next() % 2); // day 0 or 1, 3 or 4
            Record s;
            s.uuid = demo_uuid(rng);
            s.type = RecordType::session;
            s.at = local_at(day + shift, 17 * 60);
            s.recorded_at = local_at(day + shift, 18 * 60);
            s.minutes = 60;
            s.kind = "deep-tissue";
            s.therapist = "Ana";
            out.records.push_back(s);
        }
        // This person's relief: about 1.5 points from the day after the first
        // session to the end of the massage week, fading over the next days.
        relief = massage_week && in_week >= 1 ? 1.5 : relief * 0.5;
        noise = 0.5 * noise + 0.6 * rng.normal();
        if (rng.uniform() < 0.1) {
            continue; // a missed evening
        }
        Record c;
        c.uuid = demo_uuid(rng);
        c.type = RecordType::checkin;
        c.at = local_at(day, 21 * 60);
        c.recorded_at = c.at;
        if (c.at.utc > now_utc) {
            continue;
        }
        c.pain = clamp_scale(baseline + noise - relief);
        c.mood = clamp_scale(6 + 0.3 * relief - 0.3 * noise);
        c.sleep_quality = clamp_scale(6.5 + 0.2 * relief + 0.5 * rng.normal());
        out.records.push_back(c);
    }
    return out;
}

} // namespace relief
