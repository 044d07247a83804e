#pragma once
// The circular block bootstrap of analysis.md §3.
#include <cstdint>
#include <functional>
#include <future>
#include <optional>
#include <vector>

#include "relief/analysis/stats.hpp"

namespace relief::analysis {

inline constexpr int k_resamples = 2000;

// Independent bootstraps run side by side only when they are big enough to
// pay for a thread: each has its own seeded generator, so the numbers are the
// same either way.
inline std::launch launch_for(std::size_t units) noexcept {
    return units >= 30 ? std::launch::async : std::launch::deferred;
}

// 0, 1, …, n−1: every unit once, in order (the statistic on the data itself).
std::vector<std::size_t> all_units(std::size_t n);

// Smallest ℓ with ℓ³ ≥ n.
std::size_t block_length(std::size_t n) noexcept;

// One resample: indices into the n ordered units, drawn in blocks of ℓ from
// `next` (s = next() mod n; s, s+1, … mod n) until n are taken.
std::vector<std::size_t> resample_indices(std::size_t n, const std::function<std::uint64_t()>& next);

// The 95% interval of `statistic` over B = 2000 resamples of n units, with a
// fresh SplitMix64 seeded with `seed`. The statistic gets the resampled unit
// indices and returns nullopt when undefined; more than 10% undefined means
// no interval. Bounds are type-7 quantiles at 0.025 and 0.975.
std::optional<Interval> bootstrap_interval(
    std::size_t n, std::uint64_t seed,
    const std::function<std::optional<double>(const std::vector<std::size_t>&)>& statistic);

// Hodges–Lehmann of the values of resampled units, for a bootstrap over a
// fixed list of unit values (nullopt: the unit has no value and is left out).
// The pair sums x_i + x_j of the units are listed and sorted once; a resample
// is then just how often it drew each unit, and its median Walsh sum is found
// by walking the sorted sums weighted by those counts (c_i·c_j for i < j,
// c_i(c_i+1)/2 for i = j). Same sums, same order statistics: exactly the value
// hodges_lehmann gives on the drawn list, without building or selecting
// among its m(m+1)/2 sums every time. Beyond k_max_units units the table
// would cost more than it saves, and it falls back to hodges_lehmann.
class ResampledHodgesLehmann {
public:
    static constexpr std::size_t k_max_units = 48;

    explicit ResampledHodgesLehmann(std::vector<std::optional<double>> units);
    std::optional<double> operator()(const std::vector<std::size_t>& sample) const;

private:
    struct PairSum {
        double sum;
        std::uint32_t i;
        std::uint32_t j;
    };
    std::vector<std::optional<double>> units_;
    std::vector<PairSum> sums_; // ascending; empty when units_ is over k_max_units
};

} // namespace relief::analysis
