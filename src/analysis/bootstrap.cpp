#include "relief/analysis/bootstrap.hpp"

#include "relief/splitmix64.hpp"

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
void resample_into(std::vector<std::size_t>& out, std::size_t n, Next&& next) {
    const std::size_t l = block_length(n);
    out.clear();
    while (out.size() < n) {
        std::size_t index = static_cast<std::size_t>(next() % n);
        for (std::size_t k = 0; k < l && out.size() < n; ++k) {
            out.push_back(index); // the block wraps around the end: (start + k) mod n
            index = index + 1 == n ? 0 : index + 1;
        }
    }
}

} // namespace

std::vector<std::size_t> resample_indices(std::size_t n,
                                          const std::function<std::uint64_t()>& next) {
    std::vector<std::size_t> out;
    resample_into(out, n, next);
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
    for (int b = 0; b < k_resamples; ++b) {
        resample_into(sample, n, next);
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
    return Interval{quantile7(kept, 0.025), quantile7(kept, 0.975)};
}

} // namespace relief::analysis
