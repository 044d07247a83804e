#include "relief/analysis/trial.hpp"
#include "relief/core/text/splitmix64.hpp"

#include <cmath>
#include <cstdint>
#include <doctest/doctest.h>
#include <vector>

using namespace relief;
using namespace relief::analysis;

namespace {

// The two-sided and one-sided p by listing every sign vector's mean.
std::pair<double, double> brute_force(const std::vector<double>& d) {
    const std::size_t k = d.size();
    double D = 0;
    for (const double v : d) {
        D += v;
    }
    D /= static_cast<double>(k);
    long two = 0;
    long lower = 0;
    const long total = 1L << k;
    for (long signs = 0; signs < total; ++signs) {
        double s = 0;
        for (std::size_t p = 0; p < k; ++p) {
            s += (signs >> p & 1) ? -d[p] : d[p];
        }
        s /= static_cast<double>(k);
        two += std::fabs(s) >= std::fabs(D) - 1e-9 ? 1 : 0;
        lower += s >= D - 1e-9 ? 1 : 0;
    }
    return {static_cast<double>(two) / static_cast<double>(total),
            static_cast<double>(lower) / static_cast<double>(total)};
}

} // namespace

TEST_CASE("the trial's worked example (spec §5)") {
    const std::vector<double> d = {1.2, 0.8, 1.6, -0.2, 1.0, 1.4, 0.6};
    const SignFlip t = sign_flip_test(d, true);
    CHECK(*t.estimate == doctest::Approx(0.9143).epsilon(1e-4));
    CHECK(*t.p_two_sided == 4.0 / 128);
    CHECK(*t.p_lower == 2.0 / 128);
    REQUIRE(t.ci);
    CHECK(t.ci->low == doctest::Approx(0.30).epsilon(0.01));
    CHECK(t.ci->high == doctest::Approx(1.40).epsilon(0.01));
}

TEST_CASE("the exact sign-flip test equals brute force for k = 1 … 12") {
    SplitMix64 rng(11);
    for (std::size_t k = 1; k <= 12; ++k) {
        for (int round = 0; round < 5; ++round) {
            std::vector<double> d;
            for (std::size_t i = 0; i < k; ++i) {
                d.push_back(static_cast<double>(rng.next() % 41) / 10.0 - 1.5);
            }
            const SignFlip t = sign_flip_test(d, false);
            const auto [two, lower] = brute_force(d);
            CAPTURE(k);
            CHECK(*t.p_two_sided == two);
            CHECK(*t.p_lower == lower);
        }
    }
    CHECK_FALSE(sign_flip_test({}, true).estimate);
    CHECK_FALSE(sign_flip_test({1, 2, 3, 4, 5}, true).ci); // fewer than 6 pairs
}

TEST_CASE("the interval's bounds flip the test at 0.05") {
    SplitMix64 rng(5);
    for (int round = 0; round < 20; ++round) {
        const std::size_t k = 6 + rng.next() % 5;
        std::vector<double> d;
        for (std::size_t i = 0; i < k; ++i) {
            d.push_back(static_cast<double>(rng.next() % 31) / 10.0 - 0.5);
        }
        const SignFlip t = sign_flip_test(d, true);
        REQUIRE(t.ci);
        CAPTURE(round);
        // Just inside each bound the shifted data are accepted; just past it, rejected.
        CHECK(two_sided_p(d, t.ci->low + 1e-6) > 0.05);
        CHECK(two_sided_p(d, t.ci->low - 1e-6) <= 0.05);
        CHECK(two_sided_p(d, t.ci->high - 1e-6) > 0.05);
        CHECK(two_sided_p(d, t.ci->high + 1e-6) <= 0.05);
    }
}

TEST_CASE("the plan: a seeded coin per pair, weeks and booking days") {
    TrialPlan plan;
    plan.start = days_from_civil(2026, 12, 1);
    plan.pairs = 7;
    plan.seed = 20240601;
    SplitMix64 rng(20240601);
    const std::vector<bool> first = plan.massage_first();
    for (int p = 0; p < 7; ++p) {
        CHECK(first[static_cast<std::size_t>(p)] == ((rng.next() >> 63) == 1));
    }
    CHECK(plan.end() == plan.start + 14 + 14 * 7 - 1);
    CHECK(seed_text(255) == "0x00000000000000ff");
}

TEST_CASE("a trial analysed: pairs, adherence, verdict only at the end") {
    TrialPlan plan;
    plan.start = days_from_civil(2026, 12, 1);
    plan.pairs = 6;
    plan.seed = 1;
    std::vector<TrialDay> days(static_cast<std::size_t>(plan.end() - plan.start + 1));
    for (int p = 0; p < plan.pairs; ++p) {
        const auto m = static_cast<std::size_t>(plan.massage_week(p) - plan.start);
        const auto r = static_cast<std::size_t>(plan.rest_week(p) - plan.start);
        for (std::size_t i = 0; i < 7; ++i) {
            days[m + i].pain = 3;
            days[r + i].pain = 5;
        }
        days[m].sessions = 1;
        days[m + 3].sessions = 1;
    }
    days[static_cast<std::size_t>(plan.rest_week(2) - plan.start) + 4].sessions = 1; // a deviation
    const TrialReport running = analyse_trial(plan, plan.pair_start(3), days);
    CHECK(running.status == TrialStatus::running);
    CHECK(running.verdict == TrialVerdict::in_progress);
    CHECK(running.complete_pairs == 3);
    CHECK(running.pairs[3].state == PairState::pending);
    CHECK(running.better_in == 3);
    const TrialReport done = analyse_trial(plan, plan.end() + 1, days);
    CHECK(done.status == TrialStatus::complete);
    CHECK(done.complete_pairs == 6);
    CHECK(*done.primary.estimate == 2);
    CHECK(*done.primary.p_two_sided == 2.0 / 64);
    CHECK(done.verdict == TrialVerdict::massage_better);
    REQUIRE(done.deviations.size() == 1);
    CHECK(done.deviations[0].pair == 2);
    CHECK_FALSE(done.deviations[0].massage_week);
    CHECK(done.per_protocol.pairs == 5);
    CHECK(done.run_in_days == 14);
    CHECK(done.run_in_logged == 0);
    TrialPlan stopped = plan;
    stopped.stopped_on = plan.pair_start(4) + 2;
    const TrialReport early = analyse_trial(stopped, plan.end() + 30, days);
    CHECK(early.status == TrialStatus::stopped);
    CHECK(early.complete_pairs == 4);
    CHECK(early.verdict == TrialVerdict::too_few_pairs);
    CHECK(early.primary.p_two_sided); // p-values for 1 ≤ k < 6, no interval
    CHECK_FALSE(early.primary.ci);
}

namespace {

// A complete 7-pair trial whose pair differences (rest − massage, days 2–6)
// are `d`, with the decision rule `worth`.
TrialReport trial_with(const std::vector<double>& d, double worth) {
    TrialPlan plan;
    plan.start = days_from_civil(2026, 12, 1);
    plan.pairs = static_cast<int>(d.size());
    plan.seed = 7;
    plan.worthwhile = worth;
    std::vector<TrialDay> days(static_cast<std::size_t>(plan.end() - plan.start + 1));
    for (int p = 0; p < plan.pairs; ++p) {
        const auto m = static_cast<std::size_t>(plan.massage_week(p) - plan.start);
        const auto r = static_cast<std::size_t>(plan.rest_week(p) - plan.start);
        for (std::size_t i = 0; i < 7; ++i) {
            days[m + i].pain = 5;
            days[r + i].pain = 5 + d[static_cast<std::size_t>(p)];
        }
        days[m].sessions = 1;
        days[m + 3].sessions = 1;
    }
    return analyse_trial(plan, plan.end() + 1, days);
}

} // namespace

TEST_CASE("the decision (trial v2 §3), by the rule fixed at the start") {
    const std::vector<double> example = {1.2, 0.8, 1.6, -0.2, 1.0, 1.4, 0.6}; // D 0.9143, 0.30–1.40
    SUBCASE("massage better, by at least X: worth it") {
        const TrialReport r = trial_with(example, 0.5);
        CHECK(r.verdict == TrialVerdict::massage_better);
        CHECK(r.decision == TrialDecision::worth_it);
        CHECK(json_name(*r.decision) == "worth-it");
    }
    SUBCASE("massage better, by less than X: better but small") {
        const TrialReport r = trial_with(example, 1.0);
        CHECK(r.decision == TrialDecision::better_but_small);
        CHECK(json_name(*r.decision) == "better-but-small");
    }
    SUBCASE("D equal to X (within the tolerance) is worth it") {
        const std::vector<double> d = {1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0};
        CHECK(trial_with(d, 1.0).decision == TrialDecision::worth_it);
    }
    SUBCASE("no clear difference, and X beyond the interval: not worth it") {
        const std::vector<double> d = {0.2, -0.1, 0.3, -0.2, 0.1, 0.0, -0.1};
        const TrialReport r = trial_with(d, 1.5);
        CHECK(r.verdict == TrialVerdict::no_clear_difference);
        REQUIRE(r.primary.ci);
        CHECK(r.primary.ci->high < 1.5);
        CHECK(r.decision == TrialDecision::not_worth_it);
        CHECK(json_name(*r.decision) == "not-worth-it");
    }
    SUBCASE("rest better: not worth it whenever X is beyond the interval") {
        const std::vector<double> d = {-1.2, -0.8, -1.6, -1.0, -1.1, -1.4, -0.6};
        const TrialReport r = trial_with(d, 0.5);
        CHECK(r.verdict == TrialVerdict::rest_better);
        CHECK(r.decision == TrialDecision::not_worth_it);
    }
    SUBCASE("an interval holding both 0 and X: can't tell") {
        const std::vector<double> d = {2.5, -1.0, 2.0, -0.5, 1.8, -0.8, 1.5};
        const TrialReport r = trial_with(d, 1.5);
        CHECK(r.verdict == TrialVerdict::no_clear_difference);
        CHECK(r.decision == TrialDecision::cant_tell);
        CHECK(json_name(*r.decision) == "cant-tell");
    }
    SUBCASE("no decision while it runs, nor with too few pairs") {
        TrialPlan plan;
        plan.start = days_from_civil(2026, 12, 1);
        plan.seed = 1;
        CHECK_FALSE(analyse_trial(plan, plan.pair_start(2), {}).decision);
        plan.stopped_on = plan.pair_start(1);
        const TrialReport stopped = analyse_trial(plan, plan.end() + 1, {});
        CHECK(stopped.verdict == TrialVerdict::too_few_pairs);
        CHECK_FALSE(stopped.decision);
    }
}
