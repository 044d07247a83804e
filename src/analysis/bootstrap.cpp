#include "relief/analysis/bootstrap.hpp"

#include "relief/core/text/splitmix64.hpp"

#include <algorithm>
#include <array>

namespace relief::analysis {

std::vector<std::size_t> all_units(std::size_t n) {
    std::vector<std::size_t> units(n);
    for (std::size_t i = 0; i < n; ++i) {
        units[i] = i;
    }
    return units;
}

std::size_t block_length(std::size_t n) noexcept {
    std::size_t l = 1;
    while (l * l * l < n) {
        ++l;
    }
    return l;
}

namespace {

// A template, not a std::function: it runs 18,000 times in a report.
template <class Next>
void resample_into(std::vector<std::size_t>& out, std::size_t n, std::size_t l, Next&& next) {
    out.resize(n);
    std::size_t filled = 0;
    while (filled < n) {
        std::size_t index = static_cast<std::size_t>(next() % n);
        const std::size_t end = std::min(filled + l, n);
        for (; filled < end; ++filled) {
            out[filled] = index; // the block wraps around the end: (start + k) mod n
            index = index + 1 == n ? 0 : index + 1;
        }
    }
}

} // namespace

std::vector<std::size_t> resample_indices(std::size_t n,
                                          const std::function<std::uint64_t()>& next) {
    std::vector<std::size_t> out;
    resample_into(out, n, block_length(n), next);
    return out;
}

std::optional<Interval> bootstrap_interval(
    std::size_t n, std::uint64_t seed,
    const std::function<std::optional<double>(const std::vector<std::size_t>&)>& statistic) {
    if (n == 0) {
        return std::nullopt;
    }
    SplitMix64 rng(seed);
    const auto next = [&rng] { return rng.next(); };
    std::vector<double> kept;
    kept.reserve(k_resamples);
    int skipped = 0;
    std::vector<std::size_t> sample;
    const std::size_t l = block_length(n);
    for (int b = 0; b < k_resamples; ++b) {
        resample_into(sample, n, l, next);
        const auto value = statistic(sample);
        if (value) {
            kept.push_back(*value);
        } else {
            ++skipped;
        }
    }
    if (skipped * 10 > k_resamples || kept.empty()) {
        return std::nullopt;
    }
    return Interval{quantile7_in_place(kept, 0.025), quantile7_in_place(kept, 0.975)};
}

} // namespace relief::analysis
