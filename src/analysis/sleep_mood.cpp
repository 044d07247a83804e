// R6: sleep and mood around sessions (docs/methods.md "Sleep and mood").
#include "relief/analysis/bootstrap.hpp"
#include "sections.hpp"

#include <fmt/format.h>
#include <future>

namespace relief::analysis {
namespace {

struct SeriesSpec {
    const std::vector<std::optional<double>>* values;
    const char* name; // for the reason: "mood", "sleep"
    int before_from;  // before-days relative to f: [f + from, f + to]
    int before_to;
    int after_days; // after-days l+1 … l+after_days
};

struct Unit {
    double effect = 0; // mean after-residual − mean before-residual
    NapPairs raw;
};

SeriesEffect series_effect(const Settings& settings, const Window& window, const SeriesSpec& spec,
                           const std::vector<Episode>& episodes) {
    SeriesEffect out;
    const int T = window.days();
    const auto& values = *spec.values;
    // The series' own OLS trend over the days that have it.
    std::vector<std::vector<double>> rows;
    std::vector<double> y;
    for (int t = 0; t < T; ++t) {
        if (const auto& v = values[static_cast<std::size_t>(t)]) {
            rows.push_back({1.0, static_cast<double>(t)});
            y.push_back(*v);
        }
    }
    out.days_logged = static_cast<int>(y.size());
    const auto beta = y.size() >= 2 ? ols(rows, y) : std::nullopt;
    if (y.empty()) {
        out.reason = fmt::format("{} was not logged in the window", spec.name);
        return out;
    }
    if (!beta) {
        out.reason = fmt::format("fewer than 2 days with {} logged", spec.name);
        return out;
    }
    const auto residual = [&](int t) -> std::optional<double> {
        if (t < 0 || t >= T || !values[static_cast<std::size_t>(t)]) {
            return std::nullopt;
        }
        return *values[static_cast<std::size_t>(t)] - ((*beta)[0] + (*beta)[1] * t);
    };
    std::vector<Unit> units;
    for (std::size_t k = 0; k < episodes.size(); ++k) {
        const Episode& ep = episodes[k];
        const int next_first = k + 1 < episodes.size() ? episodes[k + 1].first : T;
        Unit unit;
        double before_sum = 0;
        double after_sum = 0;
        for (int t = ep.first + spec.before_from; t <= ep.first + spec.before_to; ++t) {
            if (const auto r = residual(t)) {
                before_sum += *r;
                unit.raw.before.push_back(*values[static_cast<std::size_t>(t)]);
            }
        }
        for (int t = ep.last + 1; t <= ep.last + spec.after_days && t < next_first; ++t) {
            if (const auto r = residual(t)) {
                after_sum += *r;
                unit.raw.after.push_back(*values[static_cast<std::size_t>(t)]);
            }
        }
        if (unit.raw.before.size() < 2 || unit.raw.after.empty()) {
            continue;
        }
        unit.effect = after_sum / static_cast<double>(unit.raw.after.size()) -
                      before_sum / static_cast<double>(unit.raw.before.size());
        units.push_back(std::move(unit));
    }
    out.episodes = static_cast<int>(units.size());
    if (units.size() < 3) {
        out.reason = fmt::format("fewer than 3 episodes with {} logged", spec.name);
        return out;
    }
    out.available = true;
    std::vector<double> effects;
    std::vector<NapTally> tallies;
    for (const Unit& unit : units) {
        effects.push_back(unit.effect);
        tallies.push_back(nap_tally(unit.raw, /*better_when_lower=*/false)); // higher is better
    }
    const auto nap_of = [&](const std::vector<std::size_t>& sample) {
        return nap(tallies, sample);
    };
    out.effect.value = hodges_lehmann(effects);
    out.nap.value = nap_of(all_units(units.size()));
    if (units.size() >= 6) {
        out.effect.ci = walsh_interval(effects);
        out.nap.ci = bootstrap_interval(units.size(), settings.seed, nap_of);
    }
    out.verdict = !out.effect.ci                   ? SeriesVerdict::too_few_sessions
                  : greater(out.effect.ci->low, 0) ? SeriesVerdict::higher_after
                  : less(out.effect.ci->high, 0)   ? SeriesVerdict::lower_after
                                                   : SeriesVerdict::no_clear_difference;
    return out;
}

} // namespace

SleepMood compute_sleep_mood(const Settings& settings, const Window& window,
                             const DailySeries& daily, const std::vector<Episode>& episodes) {
    SleepMood r6;
    r6.available = true;
    // Mood: before f−3 … f−1, after l+1 … l+3. Sleep (a night is recorded on
    // its wake day): before f−2 … f, after l+1, l+2.
    // The three series are independent, each with its own seeded bootstrap:
    // computed side by side, the result is the same as one after another.
    const std::launch launch = launch_for(episodes.size());
    auto mood = std::async(launch, [&] {
        return series_effect(settings, window, {&daily.mood, "mood", -3, -1, 3}, episodes);
    });
    auto sleep = std::async(launch, [&] {
        return series_effect(settings, window, {&daily.sleep, "sleep hours", -2, 0, 2}, episodes);
    });
    r6.sleep_quality =
        series_effect(settings, window, {&daily.quality, "sleep quality", -2, 0, 2}, episodes);
    r6.mood = mood.get();
    r6.sleep_hours = sleep.get();
    return r6;
}

} // namespace relief::analysis
