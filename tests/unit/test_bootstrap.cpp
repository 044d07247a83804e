#include "relief/analysis/bootstrap.hpp"
#include "relief/core/text/splitmix64.hpp"

#include <doctest/doctest.h>

using namespace relief::analysis;
using relief::SplitMix64;

TEST_CASE("block length: the smallest l with l^3 >= n") {
    CHECK(block_length(1) == 1);
    CHECK(block_length(2) == 2);
    CHECK(block_length(8) == 2);
    CHECK(block_length(9) == 3);
    CHECK(block_length(27) == 3);
    CHECK(block_length(28) == 4);
}

TEST_CASE("a resample takes circular blocks and cuts the last one short") {
    std::vector<std::uint64_t> draws = {3, 10, 0};
    std::size_t k = 0;
    const auto next = [&] { return draws[k++]; };
    // n = 5, l = 2: s = 3 → 3, 4; s = 10 mod 5 = 0 → 0, 1; s = 0 → 0 (cut).
    CHECK(resample_indices(5, next) == std::vector<std::size_t>{3, 4, 0, 1, 0});
}

TEST_CASE("intervals: constant statistics, the 10% rule, determinism") {
    const auto constant = bootstrap_interval(7, 1, [](const auto&) { return std::optional(2.5); });
    REQUIRE(constant);
    CHECK(constant->low == 2.5);
    CHECK(constant->high == 2.5);

    int calls = 0;
    const auto tenth = bootstrap_interval(7, 1, [&](const auto&) -> std::optional<double> {
        return ++calls <= 200 ? std::nullopt : std::optional(1.0);
    });
    CHECK(tenth); // exactly 10% skipped is still fine
    calls = 0;
    const auto more = bootstrap_interval(7, 1, [&](const auto&) -> std::optional<double> {
        return ++calls <= 201 ? std::nullopt : std::optional(1.0);
    });
    CHECK_FALSE(more);

    const std::vector<double> data = {3, -1, 4, 1, -5, 9, 2, 6};
    const auto mean_of = [&](const std::vector<std::size_t>& sample) {
        double sum = 0;
        for (const std::size_t i : sample) {
            sum += data[i];
        }
        return std::optional(sum / static_cast<double>(sample.size()));
    };
    const auto a = bootstrap_interval(data.size(), 20240601, mean_of);
    const auto b = bootstrap_interval(data.size(), 20240601, mean_of);
    const auto c = bootstrap_interval(data.size(), 7, mean_of);
    REQUIRE(a);
    CHECK(a->low == b->low);
    CHECK(a->high == b->high);
    CHECK((a->low != c->low || a->high != c->high));
    CHECK(a->low < 2.375);
    CHECK(a->high > 2.375);
}
