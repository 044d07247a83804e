#include "relief/analysis/stats.hpp"
#include "relief/core/text/splitmix64.hpp"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>

using namespace relief;
using namespace relief::analysis;

TEST_CASE("tolerant comparisons (§3)") {
    CHECK(less_equal(-1.0 + 5e-10, -1.0));
    CHECK_FALSE(less(-1e-10, 0));
    CHECK(less(-2e-9, 0));
    CHECK(greater_equal(0.25 - 1e-10, 0.25));
    CHECK_FALSE(greater(1e-10, 0));
}

TEST_CASE("mean and median") {
    CHECK(mean({1, 2, 6}) == 3.0);
    CHECK(median({5, 1, 3}) == 3.0);
    CHECK(median({4, 1, 3, 2}) == 2.5);
}

TEST_CASE("Newey-West lags") {
    CHECK(newey_west_lags(5) == 2); // 4·0.05^(2/9) = 2.06
    CHECK(newey_west_lags(10) == 2);
    CHECK(newey_west_lags(14) == 2);
    CHECK(newey_west_lags(56) == 3);
    CHECK(newey_west_lags(100) == 4);
    CHECK(newey_west_lags(1000) == 6);
}

TEST_CASE("OLS with Newey-West over calendar days with gaps") {
    // Checked against a separate implementation of the §3 formulas.
    const std::vector<int> days = {0, 1, 2, 4, 5, 7, 8, 9, 11, 12};
    const std::vector<double> y = {5, 6, 4, 5, 3, 4, 4, 2, 3, 2};
    std::vector<std::vector<double>> rows;
    for (const int d : days) {
        rows.push_back({1.0, static_cast<double>(d)});
    }
    const auto fit = ols_newey_west(rows, y, days);
    REQUIRE(fit);
    CHECK(fit->beta[0] == doctest::Approx(5.311663479923517).epsilon(1e-12));
    CHECK(fit->beta[1] == doctest::Approx(-0.2562141491395793).epsilon(1e-12));
    CHECK(fit->nw_variance[0] == doctest::Approx(0.023780734647430746).epsilon(1e-9));
    CHECK(fit->nw_variance[1] == doctest::Approx(0.00043296387242717474).epsilon(1e-9));
    const auto ci = fit->interval(1, 7);
    REQUIRE(ci);
    CHECK(ci->low == doctest::Approx(-2.0789818396119153).epsilon(1e-9));
    CHECK(ci->high == doctest::Approx(-1.5080162483421946).epsilon(1e-9));
    CHECK_FALSE(fit->exact_fit);
}

TEST_CASE("an exact fit has no interval; a singular design no fit") {
    const std::vector<int> days = {0, 1, 2, 3};
    std::vector<std::vector<double>> rows;
    std::vector<double> y;
    for (const int d : days) {
        rows.push_back({1.0, static_cast<double>(d)});
        y.push_back(8 - 0.1 * d);
    }
    const auto fit = ols_newey_west(rows, y, days);
    REQUIRE(fit);
    CHECK(fit->exact_fit);
    CHECK_FALSE(fit->interval(1));
    CHECK(fit->beta[1] == doctest::Approx(-0.1));
    const std::vector<std::vector<double>> flat = {{1, 2}, {1, 2}, {1, 2}};
    CHECK_FALSE(ols(flat, {1, 2, 3}));
    CHECK_FALSE(ols({}, {}));
}

TEST_CASE("Spearman: average ranks, ties within 1e-9, constant sides") {
    CHECK(average_ranks({10, 20, 20, 30}) == std::vector<double>{1, 2.5, 2.5, 4});
    CHECK(average_ranks({1, 1 + 1e-10, 2}) == std::vector<double>{1.5, 1.5, 3});
    CHECK(*spearman({1, 2, 2, 3, 5}, {2, 1, 4, 3, 3}) == doctest::Approx(0.3684210526315789));
    CHECK(*spearman({1, 2, 3}, {3, 2, 1}) == doctest::Approx(-1.0));
    CHECK_FALSE(spearman({1, 1, 1}, {1, 2, 3}));
    CHECK_FALSE(spearman({1, 2, 3}, {4, 4, 4 + 1e-12}));
    CHECK_FALSE(spearman({1}, {1}));
}

TEST_CASE("Hodges-Lehmann: hand-checked values and degenerate input") {
    CHECK_FALSE(hodges_lehmann({}));
    CHECK(*hodges_lehmann({4}) == 4.0);
    CHECK(*hodges_lehmann({1, 2, 3}) == 2.0);    // 1 1.5 2 2 2.5 3
    CHECK(*hodges_lehmann({-3, 0, 10}) == 1.75); // -3 -1.5 0 3.5 5 10
    CHECK(*hodges_lehmann({2, 2, 2, 2}) == 2.0);
    CHECK(*hodges_lehmann({-1.98, -1.98, -1.98}) == -1.98);
}

TEST_CASE("Hodges-Lehmann: the O(n log n) selection equals listing every average") {
    SplitMix64 rng(99);
    for (const int n : {2, 5, 11, 12, 40, 64, 65, 150, 301}) {
        for (int round = 0; round < 4; ++round) {
            std::vector<double> values;
            for (int i = 0; i < n; ++i) {
                // Few distinct values on odd rounds: many ties.
                values.push_back(round % 2 ? static_cast<double>(rng.between(-3, 3))
                                           : rng.normal() * 2.0);
            }
            CAPTURE(n);
            CAPTURE(round);
            CHECK(*hodges_lehmann(values) ==
                  doctest::Approx(*hodges_lehmann_naive(values)).epsilon(1e-12));
        }
    }
}

TEST_CASE("type-7 quantiles") {
    CHECK(quantile7({4, 1, 3, 2}, 0.025) == doctest::Approx(1.075));
    CHECK(quantile7({4, 1, 3, 2}, 0.975) == doctest::Approx(3.925));
    CHECK(quantile7({5}, 0.5) == 5.0);
    CHECK(quantile7({1, 2}, 1.0) == 2.0);
}

TEST_CASE("type-7 quantiles by selection equal reading them off the sorted list") {
    SplitMix64 rng(3);
    for (const int n : {1, 2, 3, 40, 2000}) {
        std::vector<double> values;
        for (int i = 0; i < n; ++i) {
            values.push_back(i % 3 ? rng.normal() : static_cast<double>(rng.between(-2, 2)));
        }
        std::vector<double> sorted = values;
        std::sort(sorted.begin(), sorted.end());
        // Both bounds from the same list, as the bootstrap takes them: the
        // second selection starts from the order the first one left.
        for (const double p : {0.025, 0.975, 0.5, 0.0, 1.0}) {
            const double h = static_cast<double>(n - 1) * p;
            const auto lo = static_cast<std::size_t>(std::floor(h));
            const double want =
                lo + 1 >= sorted.size()
                    ? sorted.back()
                    : sorted[lo] + (h - static_cast<double>(lo)) * (sorted[lo + 1] - sorted[lo]);
            CAPTURE(n);
            CAPTURE(p);
            CHECK(quantile7_in_place(values, p) == want); // bit for bit
        }
    }
}
