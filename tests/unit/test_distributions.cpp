#include "relief/analysis/stats.hpp"
#include "relief/core/text/splitmix64.hpp"

#include <cmath>
#include <cstdint>
#include <doctest/doctest.h>
#include <vector>

using namespace relief::analysis;

namespace {

// k of the exact Walsh interval by brute force: every one of the 2^n sign
// patterns, its signed-rank statistic T⁺, then 1 + max{t : 40·#(T⁺ ≤ t) ≤ 2^n}.
std::optional<std::int64_t> critical_by_brute_force(int n) {
    const std::int64_t patterns = std::int64_t{1} << n;
    std::vector<std::int64_t> count(static_cast<std::size_t>(n * (n + 1) / 2 + 1), 0);
    for (std::int64_t mask = 0; mask < patterns; ++mask) {
        int t = 0;
        for (int rank = 1; rank <= n; ++rank) {
            t += (mask >> (rank - 1)) & 1 ? rank : 0;
        }
        ++count[static_cast<std::size_t>(t)];
    }
    std::int64_t cumulative = 0;
    std::optional<std::int64_t> best;
    for (std::size_t t = 0; t < count.size(); ++t) {
        cumulative += count[t];
        if (40 * cumulative > patterns) {
            break;
        }
        best = static_cast<std::int64_t>(t);
    }
    return best ? std::optional<std::int64_t>(*best + 1) : std::nullopt;
}

} // namespace

TEST_CASE("the signed-rank critical value: exact, and no interval below 6 values") {
    for (std::size_t n = 1; n <= 5; ++n) {
        CHECK_FALSE(signed_rank_critical(n));
    }
    // Tables of the Wilcoxon signed-rank test (two-sided 0.05): T ≤ 0, 2, 3, 5, 8, 10 …
    CHECK(*signed_rank_critical(6) == 1);
    CHECK(*signed_rank_critical(7) == 3);
    CHECK(*signed_rank_critical(8) == 4);
    CHECK(*signed_rank_critical(9) == 6);
    CHECK(*signed_rank_critical(10) == 9);
    CHECK(*signed_rank_critical(20) == 53);
    for (int n = 1; n <= 20; ++n) {
        CAPTURE(n);
        CHECK(signed_rank_critical(static_cast<std::size_t>(n)) == critical_by_brute_force(n));
    }
}

TEST_CASE("the signed-rank critical value past 120 values (wide integers) stays near the normal") {
    // Above 120 the counts pass 2^128; the wide path must agree with the
    // normal approximation to within a couple of ranks.
    for (const std::size_t n : {119u, 120u, 121u, 200u}) {
        const double nn = static_cast<double>(n);
        const double mean = nn * (nn + 1) / 4;
        const double sd = std::sqrt(nn * (nn + 1) * (2 * nn + 1) / 24);
        const double normal = mean - 1.959964 * sd + 0.5; // with continuity correction
        CAPTURE(n);
        CHECK(std::fabs(static_cast<double>(*signed_rank_critical(n)) - normal) < 3);
    }
    // 120 and 121 meet where the two integer paths meet: k rises with n.
    CHECK(*signed_rank_critical(121) > *signed_rank_critical(120));
    // Past 120, doubles decide unless it is a near tie: the same k as the
    // multi-word integers everywhere.
    for (std::size_t n = 100; n <= 260; n += 8) {
        CAPTURE(n);
        CHECK(signed_rank_critical(n) == signed_rank_critical_exact(n));
    }
}

TEST_CASE("the exact Walsh interval: order statistics of the Walsh averages") {
    const std::vector<double> same = {-1.98, -1.98, -1.98, -1.98, -1.98, -1.98, -1.98};
    const auto ci = walsh_interval(same);
    REQUIRE(ci);
    CHECK(ci->low == doctest::Approx(-1.98));
    CHECK(ci->high == doctest::Approx(-1.98));
    CHECK_FALSE(walsh_interval({1, 2, 3, 4, 5}));
    // n = 6, k = 1: the smallest and largest Walsh averages are min and max.
    const auto six = walsh_interval({3, -1, 4, 1, -5, 9});
    REQUIRE(six);
    CHECK(six->low == -5);
    CHECK(six->high == 9);
    // Against listing every average, on random lists with ties.
    relief::SplitMix64 rng(7);
    for (int round = 0; round < 200; ++round) {
        const std::size_t n = 6 + rng.next() % 40;
        std::vector<double> values;
        for (std::size_t i = 0; i < n; ++i) {
            values.push_back(static_cast<double>(rng.next() % 21) / 4.0 - 2.5);
        }
        const auto fast = walsh_interval(values);
        const auto naive = walsh_interval_naive(values);
        REQUIRE(fast);
        REQUIRE(naive);
        CHECK(fast->low == naive->low);
        CHECK(fast->high == naive->high);
    }
}

TEST_CASE("the Student t quantile (§3 values)") {
    CHECK(student_t_975(2) == doctest::Approx(4.3027).epsilon(1e-4));
    CHECK(student_t_975(6) == doctest::Approx(2.4469).epsilon(1e-4));
    CHECK(student_t_975(30) == doctest::Approx(2.0423).epsilon(1e-4));
    CHECK(student_t_975(1) == doctest::Approx(12.7062).epsilon(1e-4));
    CHECK(incomplete_beta(0.5, 2, 2) == doctest::Approx(0.5));
}
