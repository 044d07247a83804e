// The trial's analysis (docs/methods.md "The trial"): week outcomes over days
// 2–6, pair differences, the exact sign-flip test and its inverted interval,
// adherence, the per-protocol check and the secondary series.
#include "relief/analysis/trial.hpp"

#include "relief/core/record/trial_entry.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>

namespace relief::analysis {

std::vector<bool> TrialPlan::massage_first() const {
    return trial_massage_first(seed, pairs);
}

DayNumber TrialPlan::massage_week(int p) const {
    return massage_first()[static_cast<std::size_t>(p)] ? pair_start(p) : pair_start(p) + 7;
}

DayNumber TrialPlan::rest_week(int p) const {
    return massage_first()[static_cast<std::size_t>(p)] ? pair_start(p) + 7 : pair_start(p);
}

std::string seed_text(std::uint64_t seed) {
    return fmt::format("0x{:016x}", seed);
}

std::string_view json_name(TrialStatus value) noexcept {
    switch (value) {
    case TrialStatus::running:
        return "running";
    case TrialStatus::complete:
        return "complete";
    case TrialStatus::stopped:
        return "stopped";
    }
    return "";
}

std::string_view json_name(PairState value) noexcept {
    switch (value) {
    case PairState::complete:
        return "complete";
    case PairState::incomplete:
        return "incomplete";
    case PairState::pending:
        return "pending";
    }
    return "";
}

std::string_view json_name(TrialVerdict value) noexcept {
    switch (value) {
    case TrialVerdict::in_progress:
        return "in-progress";
    case TrialVerdict::too_few_pairs:
        return "too-few-pairs";
    case TrialVerdict::massage_better:
        return "massage-better";
    case TrialVerdict::rest_better:
        return "rest-better";
    case TrialVerdict::no_clear_difference:
        return "no-clear-difference";
    }
    return "";
}

std::string_view json_name(TrialDecision value) noexcept {
    switch (value) {
    case TrialDecision::worth_it:
        return "worth-it";
    case TrialDecision::better_but_small:
        return "better-but-small";
    case TrialDecision::not_worth_it:
        return "not-worth-it";
    case TrialDecision::cant_tell:
        return "cant-tell";
    }
    return "";
}

namespace {

double mean_of(const std::vector<double>& values) {
    double sum = 0;
    for (const double v : values) {
        sum += v;
    }
    return sum / static_cast<double>(values.size());
}

// Counts of D_s at least as extreme as D over all 2^k sign vectors: D_s is
// the mean of s·d, so comparing sums (k·D_s) is the same comparison.
struct Tally {
    std::uint64_t two_sided = 0, lower = 0, total = 0;
};

Tally tally(const std::vector<double>& d) {
    const std::size_t k = d.size();
    const double observed = mean_of(d);
    Tally t;
    t.total = std::uint64_t{1} << k;
    for (std::uint64_t signs = 0; signs < t.total; ++signs) {
        double sum = 0;
        for (std::size_t p = 0; p < k; ++p) {
            sum += (signs >> p) & 1 ? -d[p] : d[p];
        }
        const double ds = sum / static_cast<double>(k);
        t.two_sided += std::fabs(ds) >= std::fabs(observed) - k_tolerance ? 1 : 0;
        t.lower += ds >= observed - k_tolerance ? 1 : 0;
    }
    return t;
}

// A week's outcome: the mean of its days 2–6 that have a value, needing 3.
struct WeekOutcome {
    std::optional<double> mean;
    int logged = 0;
};

template <class Field>
WeekOutcome week_outcome(const std::vector<TrialDay>& days, DayNumber plan_start,
                         DayNumber week_start, Field field) {
    WeekOutcome out;
    double sum = 0;
    for (int i = 2; i <= 6; ++i) {
        const auto index = static_cast<std::size_t>(week_start + i - plan_start);
        if (index < days.size()) {
            if (const std::optional<double>& v = days[index].*field) {
                sum += *v;
                ++out.logged;
            }
        }
    }
    if (out.logged >= 3) {
        out.mean = sum / out.logged;
    }
    return out;
}

int sessions_in(const std::vector<TrialDay>& days, DayNumber plan_start, DayNumber week_start,
                std::vector<DayNumber>* dates) {
    int n = 0;
    for (int i = 0; i < 7; ++i) {
        const auto index = static_cast<std::size_t>(week_start + i - plan_start);
        if (index < days.size() && days[index].sessions > 0) {
            n += days[index].sessions;
            if (dates != nullptr) {
                for (int s = 0; s < days[index].sessions; ++s) {
                    dates->push_back(week_start + i);
                }
            }
        }
    }
    return n;
}

// A secondary series (mood, sleep quality): d = Y_massage − Y_rest over the
// pairs that are over and have the value on 3 of days 2–6 in both weeks.
std::optional<SignFlip> secondary(const TrialReport& r, const std::vector<TrialDay>& days,
                                  std::optional<double> TrialDay::*field) {
    std::vector<double> d;
    for (const TrialPair& pair : r.pairs) {
        if (pair.state == PairState::pending) {
            continue;
        }
        const WeekOutcome m = week_outcome(days, r.plan.start, pair.massage_week, field);
        const WeekOutcome rest = week_outcome(days, r.plan.start, pair.rest_week, field);
        if (m.mean && rest.mean) {
            d.push_back(*m.mean - *rest.mean);
        }
    }
    if (d.empty()) {
        return std::nullopt;
    }
    SignFlip out = sign_flip_test(d, false);
    if (!r.finished()) {
        out.estimate.reset();
        out.p_two_sided.reset();
        out.p_lower.reset();
    }
    return out;
}

} // namespace

double two_sided_p(const std::vector<double>& d, double delta) {
    std::vector<double> shifted = d;
    for (double& v : shifted) {
        v -= delta;
    }
    const Tally t = tally(shifted);
    return static_cast<double>(t.two_sided) / static_cast<double>(t.total);
}

SignFlip sign_flip_test(const std::vector<double>& d, bool with_interval) {
    SignFlip out;
    out.pairs = static_cast<int>(d.size());
    if (d.empty()) {
        return out;
    }
    const double D = mean_of(d);
    const Tally t = tally(d);
    out.estimate = D;
    out.p_two_sided = static_cast<double>(t.two_sided) / static_cast<double>(t.total);
    out.p_lower = static_cast<double>(t.lower) / static_cast<double>(t.total);
    if (!with_interval || d.size() < 6) {
        return out; // no order of 5 pairs or fewer reaches p < 0.05
    }
    // Invert the test: bisect, exactly as written in the method (p(δ) need
    // not be monotone, so the steps are fixed, not a search for a root).
    double spread = 0;
    for (const double v : d) {
        spread = std::max(spread, std::fabs(v - D));
    }
    const double W = 2 * spread + 1;
    double lo = D - W;
    double hi = D;
    for (int i = 0; i < 60; ++i) {
        const double mid = (lo + hi) / 2;
        (two_sided_p(d, mid) > 0.05 ? hi : lo) = mid;
    }
    const double low = hi;
    lo = D;
    hi = D + W;
    for (int i = 0; i < 60; ++i) {
        const double mid = (lo + hi) / 2;
        (two_sided_p(d, mid) > 0.05 ? lo : hi) = mid;
    }
    out.ci = Interval{low, lo};
    return out;
}

namespace {

// The run-in: days 0–13 up to C, their logged days and mean pain.
void fill_run_in(TrialReport& r, const std::vector<TrialDay>& days) {
    double run_in_sum = 0;
    for (int i = 0; i < k_run_in_days && r.plan.start + i <= r.today; ++i) {
        ++r.run_in_days;
        const auto index = static_cast<std::size_t>(i);
        if (index < days.size() && days[index].pain) {
            ++r.run_in_logged;
            run_in_sum += *days[index].pain;
        }
    }
    if (r.run_in_logged > 0) {
        r.run_in_mean = run_in_sum / r.run_in_logged;
    }
}

// Adherence, judged on weeks that are over; before that a rest-week session
// or a third massage-week session already counts.
void check_adherence(TrialReport& r, TrialPair& pair, const std::vector<TrialDay>& days) {
    for (const bool massage : {true, false}) {
        const DayNumber week = massage ? pair.massage_week : pair.rest_week;
        std::vector<DayNumber> dates;
        const int n = sessions_in(days, r.plan.start, week, &dates);
        (massage ? pair.massage_sessions : pair.rest_sessions) = n;
        const bool week_over = week + 6 < r.today;
        const bool deviates = massage ? (week_over ? n != 2 : n > 2) : n > 0;
        if (deviates) {
            pair.deviation = true;
            r.deviations.push_back(TrialDeviation{pair.pair, massage, week, n, dates});
        }
    }
}

// Pair p: its weeks, their means and sessions, and its state.
TrialPair pair_of(TrialReport& r, int p, const std::vector<TrialDay>& days) {
    const TrialPlan& plan = r.plan;
    TrialPair pair;
    pair.pair = p;
    pair.massage_week = plan.massage_week(p);
    pair.rest_week = plan.rest_week(p);
    const WeekOutcome m = week_outcome(days, plan.start, pair.massage_week, &TrialDay::pain);
    const WeekOutcome rest = week_outcome(days, plan.start, pair.rest_week, &TrialDay::pain);
    pair.massage_days = m.logged;
    pair.rest_days = rest.logged;
    check_adherence(r, pair, days);
    pair.massage_mean = m.mean; // an incomplete pair shows the week that has one
    pair.rest_mean = rest.mean;
    if (plan.pair_start(p) + 13 >= r.today) {
        pair.state = PairState::pending;
        pair.massage_mean.reset();
        pair.rest_mean.reset();
    } else if (m.mean && rest.mean) {
        pair.state = PairState::complete;
        pair.difference = *rest.mean - *m.mean;
    } else {
        pair.state = PairState::incomplete;
    }
    return pair;
}

// The verdict of §3, only once the trial is over.
TrialVerdict verdict_of(TrialReport& r) {
    if (!r.finished()) {
        // Looking early and stopping when it looks good would make the
        // p-value wrong: while the trial runs there is none.
        r.per_protocol.estimate.reset();
        r.per_protocol.p_two_sided.reset();
        r.per_protocol.p_lower.reset();
        return TrialVerdict::in_progress;
    }
    if (r.complete_pairs < 6) {
        return TrialVerdict::too_few_pairs;
    }
    if (less(*r.primary.p_two_sided, 0.05) && greater(*r.primary.estimate, 0)) {
        return TrialVerdict::massage_better;
    }
    if (less(*r.primary.p_two_sided, 0.05) && less(*r.primary.estimate, 0)) {
        return TrialVerdict::rest_better;
    }
    return TrialVerdict::no_clear_difference;
}

// §3 "Decision": the verdict weighed against the difference X the person
// said, before the coin fell, would make massage worth it.
std::optional<TrialDecision> decision_of(const TrialReport& r) {
    if (!r.finished() || r.verdict == TrialVerdict::too_few_pairs ||
        r.verdict == TrialVerdict::in_progress || !r.primary.estimate || !r.primary.ci) {
        return std::nullopt;
    }
    const double X = r.plan.worthwhile;
    if (r.verdict == TrialVerdict::massage_better) {
        return greater_equal(*r.primary.estimate, X) ? TrialDecision::worth_it
                                                     : TrialDecision::better_but_small;
    }
    // A benefit as large as X is unlikely (rest-better included).
    return less(r.primary.ci->high, X) ? TrialDecision::not_worth_it : TrialDecision::cant_tell;
}

} // namespace

TrialReport analyse_trial(const TrialPlan& plan, DayNumber today,
                          const std::vector<TrialDay>& days) {
    TrialReport r;
    r.plan = plan;
    r.today = plan.stopped_on ? *plan.stopped_on : today;
    r.status = plan.stopped_on        ? TrialStatus::stopped
               : r.today > plan.end() ? TrialStatus::complete
                                      : TrialStatus::running;
    fill_run_in(r, days);

    std::vector<double> d_all;
    std::vector<double> d_protocol;
    std::vector<double> massage_means;
    std::vector<double> rest_means;
    for (int p = 0; p < plan.pairs; ++p) {
        const TrialPair pair = pair_of(r, p, days);
        if (pair.state == PairState::complete) {
            d_all.push_back(*pair.difference);
            massage_means.push_back(*pair.massage_mean);
            rest_means.push_back(*pair.rest_mean);
            if (!pair.deviation) {
                d_protocol.push_back(*pair.difference);
            }
        }
        r.pairs.push_back(pair);
    }
    std::sort(r.deviations.begin(), r.deviations.end(),
              [](const auto& a, const auto& b) { return a.start < b.start; });
    r.complete_pairs = static_cast<int>(d_all.size());
    if (!d_all.empty()) {
        r.massage_weeks_mean = mean_of(massage_means);
        r.rest_weeks_mean = mean_of(rest_means);
    }
    for (const double d : d_all) {
        r.better_in += greater(d, 0) ? 1 : 0;
        r.worse_in += less(d, 0) ? 1 : 0;
    }
    r.primary = sign_flip_test(d_all, true);
    r.per_protocol = sign_flip_test(d_protocol, false);
    r.verdict = verdict_of(r);
    r.decision = decision_of(r);
    r.mood = secondary(r, days, &TrialDay::mood);
    r.sleep_quality = secondary(r, days, &TrialDay::sleep_quality);
    return r;
}

std::string_view json_name(TrialPhase value) noexcept {
    switch (value) {
    case TrialPhase::not_started:
        return "not-started";
    case TrialPhase::run_in:
        return "run-in";
    case TrialPhase::pair:
        return "pair";
    case TrialPhase::finished:
        return "finished";
    case TrialPhase::stopped:
        return "stopped";
    }
    return "";
}

TrialStep trial_step(const TrialReport& r) {
    const TrialPlan& plan = r.plan;
    const DayNumber today = r.today;
    TrialStep step;
    // The next massage week that starts after today's week (or in it, for
    // a rest week that comes before its pair's massage week).
    const auto next_massage = [&](DayNumber after) -> std::optional<DayNumber> {
        for (int p = 0; p < plan.pairs; ++p) {
            if (plan.massage_week(p) > after) {
                return plan.massage_week(p);
            }
        }
        return std::nullopt;
    };
    if (r.status == TrialStatus::stopped) {
        step.phase = TrialPhase::stopped;
        return step;
    }
    if (r.status == TrialStatus::complete) {
        step.phase = TrialPhase::finished;
        return step;
    }
    if (today < plan.start + k_run_in_days) {
        step.phase = today < plan.start ? TrialPhase::not_started : TrialPhase::run_in;
        step.next_massage_week = next_massage(today);
        return step;
    }
    step.phase = TrialPhase::pair;
    const int p = (today - plan.start - k_run_in_days) / 14;
    step.pair = p;
    const DayNumber massage = plan.massage_week(p);
    const bool in_massage = today >= massage && today < massage + 7;
    step.massage_week = in_massage;
    const TrialPair& pair = r.pairs[static_cast<std::size_t>(p)];
    step.sessions_this_week = in_massage ? pair.massage_sessions : pair.rest_sessions;
    step.next_massage_week = next_massage(in_massage ? massage + 6 : today);
    if (!in_massage) {
        return step;
    }
    // Windows: days 0–1 and 3–4 of the week, taken in order by the sessions.
    const std::array<BookingWindow, 2> windows = {BookingWindow{massage, massage + 1},
                                                  BookingWindow{massage + 3, massage + 4}};
    for (std::size_t k = 0; k < windows.size(); ++k) {
        if (step.sessions_this_week > static_cast<int>(k)) {
            continue; // booked
        }
        if (today > windows[k].last) {
            ++step.windows_passed;
        } else {
            step.bookings.push_back(windows[k]);
            step.booking_due = step.booking_due || today >= windows[k].first;
        }
    }
    return step;
}

} // namespace relief::analysis
