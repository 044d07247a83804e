#pragma once
// The circular block bootstrap of docs/methods.md §3.
#include "relief/analysis/stats.hpp"

#include <cstdint>
#include <functional>
#include <future>
#include <optional>
#include <vector>

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
std::vector<std::size_t> resample_indices(std::size_t n,
                                          const std::function<std::uint64_t()>& next);

// The 95% interval of `statistic` over B = 2000 resamples of n units, with a
// fresh SplitMix64 seeded with `seed`. The statistic gets the resampled unit
// indices and returns nullopt when undefined; more than 10% undefined means
// no interval. Bounds are type-7 quantiles at 0.025 and 0.975.
std::optional<Interval> bootstrap_interval(
    std::size_t n, std::uint64_t seed,
    const std::function<std::optional<double>(const std::vector<std::size_t>&)>& statistic);

} // namespace relief::analysis
