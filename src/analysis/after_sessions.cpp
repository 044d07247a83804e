// R4: pain in the days after a session (docs/methods.md "Pain in the days
// after a session").
#include "after_sessions.hpp"

#include "relief/analysis/bootstrap.hpp"
#include "sections.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <functional>

namespace relief::analysis {
namespace {

using r4::carryover;
using r4::EpisodeValues;
using r4::k_lags;
using r4::uneven_logging;
using r4::valid_episodes;

struct Profile {
    std::array<int, k_lags> n{};
    std::array<double, k_lags> vs_before{};
    std::array<double, k_lags> vs_usual{};
};

// One episode's terms of the lag means, worked out once: the profile of a
// resample only adds them up. A lag without a value adds 0 (and 0 to n),
// which leaves the sums exactly as skipping it would.
struct ProfileTerms {
    std::array<int, k_lags> has{};
    std::array<double, k_lags> vs_before{}; // value − b_k
    std::array<double, k_lags> vs_usual{};  // value − the usual level (or − 0)
};

std::vector<ProfileTerms> profile_terms(const std::vector<EpisodeValues>& episodes,
                                        std::optional<double> usual) {
    std::vector<ProfileTerms> terms(episodes.size());
    for (std::size_t k = 0; k < episodes.size(); ++k) {
        const EpisodeValues& e = episodes[k];
        for (std::size_t lag = 0; lag < k_lags; ++lag) {
            if (e.value[lag]) {
                terms[k].has[lag] = 1;
                terms[k].vs_before[lag] = *e.value[lag] - e.before;
                terms[k].vs_usual[lag] = *e.value[lag] - usual.value_or(0);
            }
        }
    }
    return terms;
}

Profile profile_of(const std::vector<ProfileTerms>& terms, const std::vector<std::size_t>& units) {
    Profile p;
    for (const std::size_t k : units) {
        const ProfileTerms& t = terms[k];
        for (std::size_t lag = 0; lag < k_lags; ++lag) {
            p.n[lag] += t.has[lag];
            p.vs_before[lag] += t.vs_before[lag];
            p.vs_usual[lag] += t.vs_usual[lag];
        }
    }
    for (std::size_t lag = 0; lag < k_lags; ++lag) {
        if (p.n[lag] > 0) {
            p.vs_before[lag] /= p.n[lag];
            p.vs_usual[lag] /= p.n[lag];
        }
    }
    return p;
}

// Step 9: relief may start a day or two late (soreness first): `from` is the
// first of lags 1–3 that is relieved (n ≥ 3 up to it), and R the last lag
// with every lag from `from` on relieved. No such start: R = 0.
struct Relief {
    int days = 0;
    std::optional<int> from;
};

Relief relief_of(const Profile& p, double theta, bool has_usual) {
    const auto relieved = [&](std::size_t j) {
        return p.n[j] >= 3 && less_equal(p.vs_before[j], -theta) &&
               (!has_usual || less_equal(p.vs_usual[j], -theta));
    };
    Relief out;
    for (std::size_t j = 1; j <= 3; ++j) {
        if (p.n[j] < 3) {
            return out; // every lag 1 … j needs n ≥ 3
        }
        if (relieved(j)) {
            out.from = static_cast<int>(j);
            break;
        }
    }
    if (!out.from) {
        return out;
    }
    for (auto j = static_cast<std::size_t>(*out.from); j < k_lags && relieved(j); ++j) {
        out.days = static_cast<int>(j);
    }
    return out;
}

// Step 6: e_k (vs before or vs usual) of the episodes that have lags 1–3.
std::vector<double> effects(const std::vector<EpisodeValues>& episodes,
                            const std::vector<std::size_t>& units, std::optional<double> usual) {
    std::vector<double> e;
    for (const std::size_t k : units) {
        if (const auto after = episodes[k].mean_after()) {
            e.push_back(*after - (usual ? *usual : episodes[k].before));
        }
    }
    return e;
}

AfterVerdict verdict_of(const AfterSessions& r4) {
    if (!r4.effect.value || !r4.effect.ci) {
        return AfterVerdict::too_few_sessions;
    }
    const Interval ci = *r4.effect.ci;
    if (less(ci.high, 0)) {
        const bool beyond_usual =
            !r4.usual_level || (less_equal(*r4.effect_vs_usual, 0.5 * *r4.effect.value) &&
                                less(*r4.pre_session_excess, 0.5));
        return beyond_usual ? AfterVerdict::consistently_lower : AfterVerdict::not_confirmed;
    }
    if (greater(ci.low, 0)) {
        return AfterVerdict::higher;
    }
    return AfterVerdict::no_consistent_difference;
}

} // namespace

std::vector<Episode> find_episodes(std::vector<int> days) {
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    std::vector<Episode> episodes;
    for (const int d : days) {
        if (!episodes.empty() && d - episodes.back().last <= 3) {
            episodes.back().last = d;
        } else {
            episodes.push_back(Episode{d, d});
        }
    }
    return episodes;
}

NapTally nap_tally(const NapPairs& unit, bool better_when_lower) {
    NapTally tally;
    for (const double p : unit.before) {
        for (const double q : unit.after) {
            if (std::fabs(q - p) <= k_tolerance) {
                tally.score += 0.5;
            } else if (better_when_lower ? q < p : q > p) {
                tally.score += 1.0;
            }
            tally.pairs += 1.0;
        }
    }
    return tally;
}

std::optional<double> nap(const std::vector<NapTally>& tallies,
                          const std::vector<std::size_t>& units) {
    double score = 0;
    double pairs = 0;
    for (const std::size_t k : units) {
        score += tallies[k].score;
        pairs += tallies[k].pairs;
    }
    return pairs > 0 ? std::optional<double>(score / pairs) : std::nullopt;
}

namespace {

// Step 4: the usual level, from days away from every episode (at least 7).
std::optional<double> usual_level_of(const std::vector<int>& observed, const DailySeries& daily,
                                     const std::vector<Episode>& episodes,
                                     const std::function<double(int)>& line) {
    std::vector<double> away;
    for (const int t : observed) {
        const bool near = std::any_of(episodes.begin(), episodes.end(), [&](const Episode& ep) {
            return t >= ep.first && t <= ep.last + 3;
        });
        if (!near) {
            away.push_back(*daily.pain[static_cast<std::size_t>(t)] - line(t));
        }
    }
    return away.size() >= 7 ? std::optional<double>(median(away)) : std::nullopt;
}

// Step 5: the rows of the profile, against before, usual and in percent of
// the mean raw before-level.
void fill_profile(AfterSessions& r4, const Profile& profile, double braw_mean) {
    for (std::size_t lag = 0; lag < k_lags; ++lag) {
        LagRow& row = r4.profile[lag];
        row.lag = static_cast<int>(lag);
        row.n = profile.n[lag];
        if (row.n > 0) {
            row.vs_before = profile.vs_before[lag];
            if (r4.usual_level) {
                row.vs_usual = profile.vs_usual[lag];
            }
            if (braw_mean != 0) {
                row.pct_of_before = 100 * profile.vs_before[lag] / braw_mean;
            }
        }
    }
}

// Step 6: the effect, Hodges–Lehmann of the e_k; the e_k themselves returned.
std::vector<double> fill_effect(AfterSessions& r4, const std::vector<EpisodeValues>& valid,
                                const std::vector<std::size_t>& units, double braw_mean) {
    const std::vector<double> e_values = effects(valid, units, std::nullopt);
    r4.effects_counted = static_cast<int>(e_values.size());
    r4.effects_lower = static_cast<int>(
        std::count_if(e_values.begin(), e_values.end(), [](double e) { return less(e, 0); }));
    r4.effect.value = hodges_lehmann(e_values);
    if (r4.effect.value && braw_mean != 0) {
        r4.effect_pct = 100 * *r4.effect.value / braw_mean;
    }
    if (r4.usual_level) {
        double before_sum = 0;
        for (const EpisodeValues& e : valid) {
            before_sum += e.before;
        }
        r4.effect_vs_usual = hodges_lehmann(effects(valid, units, r4.usual_level));
        r4.pre_session_excess = before_sum / static_cast<double>(valid.size()) - *r4.usual_level;
    }
    return e_values;
}

// §4: the day-after note names deep massage only when most of the sessions
// behind D(1) (the valid episodes with a lag-1 value) were of a deep kind.
bool mostly_deep(const std::vector<EpisodeValues>& valid, const std::vector<Episode>& episodes,
                 const SessionDays& session_days) {
    int sessions = 0;
    int deep = 0;
    for (const EpisodeValues& e : valid) {
        if (!e.value[1]) {
            continue;
        }
        for (int t = episodes[e.index].first; t <= episodes[e.index].last; ++t) {
            sessions += session_days.sessions_on[static_cast<std::size_t>(t)];
            deep += session_days.deep_on[static_cast<std::size_t>(t)];
        }
    }
    return 2 * deep > sessions;
}

// Step 9: relief duration, censored when the diary could not see further.
void fill_relief(AfterSessions& r4, const Profile& profile, double theta) {
    const Relief relief = relief_of(profile, theta, r4.usual_level.has_value());
    r4.relief_days = relief.days;
    r4.relief_from = relief.from;
    r4.censored =
        r4.relief_days >= 1 &&
        (r4.relief_days == 7 || profile.n[static_cast<std::size_t>(r4.relief_days + 1)] < 3);
}

} // namespace

AfterSessions compute_after_sessions(const Settings& settings, const JournalWindow& jw,
                                     const DailySeries& daily, const std::vector<int>& observed,
                                     const Trend& trend, const SessionDays& session_days,
                                     const PainAfter& pain_after) {
    AfterSessions r4;
    const std::function<double(int)> line = [&](int t) { return trend.a + trend.b * t; };
    const std::vector<Episode> episodes = find_episodes(session_days.days);
    const std::vector<EpisodeValues> valid =
        valid_episodes(jw.window, daily, episodes, line, &session_days, &pain_after);
    r4.valid_episodes = static_cast<int>(valid.size());
    if (!trend.available) {
        // The days after are measured against the trend (R2): say what it lacks.
        r4.reason = "compared once your pain has a trend: " + trend.reason;
        return r4;
    }
    if (valid.size() < 3) {
        r4.reason = fmt::format("needs 3 sessions with pain logged on 2 of the 3 days before, "
                                "has {}",
                                valid.size());
        return r4;
    }
    r4.available = true;
    r4.usual_level = usual_level_of(observed, daily, episodes, line);

    const std::vector<std::size_t> units = all_units(valid.size());
    double braw_sum = 0;
    for (const EpisodeValues& e : valid) {
        braw_sum += e.before_raw;
    }
    const double braw_mean = braw_sum / static_cast<double>(valid.size());
    const std::vector<ProfileTerms> terms = profile_terms(valid, r4.usual_level);
    const Profile profile = profile_of(terms, units);
    fill_profile(r4, profile, braw_mean);
    const std::vector<double> e_values = fill_effect(r4, valid, units, braw_mean);

    // Step 7: NAP on raw pain, pooled over the episodes' pairs.
    std::vector<NapTally> tallies;
    for (const EpisodeValues& e : valid) {
        tallies.push_back(nap_tally(e.raw, /*better_when_lower=*/true));
    }
    r4.nap.value = nap(tallies, units);
    if (r4.nap.value) {
        r4.cliffs_delta = 2 * *r4.nap.value - 1;
    }
    r4.nap_trend_note = greater_equal(std::fabs(7 * trend.b), 0.5);

    const double theta = settings.relief_threshold;
    fill_relief(r4, profile, theta);

    // Step 10: intervals from 6 valid episodes with e_k (b, a, c fixed): the
    // exact Walsh interval for E, the block bootstrap over the valid
    // episodes in time order for R and NAP.
    if (e_values.size() >= 6) {
        const std::size_t n = valid.size();
        const bool has_usual = r4.usual_level.has_value();
        r4.effect.ci = walsh_interval(e_values);
        r4.relief_days_ci = bootstrap_interval(n, settings.seed, [&](const auto& sample) {
            return std::optional<double>(
                relief_of(profile_of(terms, sample), theta, has_usual).days);
        });
        r4.nap.ci = bootstrap_interval(n, settings.seed,
                                       [&](const auto& sample) { return nap(tallies, sample); });
    }
    r4.verdict = verdict_of(r4);

    // Step 12: what the comparison cannot see.
    carryover(r4, episodes, valid);
    r4.day_after_higher = profile.n[1] >= 3 && greater_equal(profile.vs_before[1], theta);
    r4.day_after_deep = r4.day_after_higher && mostly_deep(valid, episodes, session_days);
    uneven_logging(r4, jw, daily, episodes);
    return r4;
}

} // namespace relief::analysis
