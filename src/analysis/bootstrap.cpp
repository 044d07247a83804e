#include "relief/analysis/bootstrap.hpp"

#include <algorithm>
#include <array>

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

ResampledHodgesLehmann::ResampledHodgesLehmann(std::vector<std::optional<double>> units)
    : units_(std::move(units)) {
    if (units_.size() > k_max_units) {
        return;
    }
    for (std::uint32_t i = 0; i < units_.size(); ++i) {
        for (std::uint32_t j = i; j < units_.size(); ++j) {
            if (units_[i] && units_[j]) {
                sums_.push_back(PairSum{*units_[i] + *units_[j], i, j});
            }
        }
    }
    std::sort(sums_.begin(), sums_.end(),
              [](const PairSum& a, const PairSum& b) { return a.sum < b.sum; });
}

std::optional<double> ResampledHodgesLehmann::operator()(
    const std::vector<std::size_t>& sample) const {
    if (units_.size() > k_max_units) {
        thread_local std::vector<double> drawn;
        drawn.clear();
        for (const std::size_t k : sample) {
            if (units_[k]) {
                drawn.push_back(*units_[k]);
            }
        }
        return hodges_lehmann_in_place(drawn);
    }
    std::array<std::int64_t, k_max_units> drawn; // times each unit was drawn
    std::fill_n(drawn.begin(), units_.size(), 0);
    std::int64_t m = 0;
    for (const std::size_t k : sample) {
        if (units_[k]) {
            ++drawn[k];
            ++m;
        }
    }
    if (m == 0) {
        return std::nullopt;
    }
    // The Walsh sums of the drawn list, ascending, are the pair sums, each
    // repeated by its weight: the median is at 0-based rank mid (and mid + 1).
    const std::int64_t count = m * (m + 1) / 2;
    const std::int64_t mid = (count - 1) / 2;
    std::int64_t below = 0; // sums before the current pair's
    std::optional<double> a;
    for (const PairSum& p : sums_) {
        const std::int64_t ci = drawn[p.i];
        const std::int64_t weight = p.i == p.j ? ci * (ci + 1) / 2 : ci * drawn[p.j];
        below += weight;
        if (!a && below > mid) {
            a = p.sum;
            if (count % 2 == 1) {
                return *a / 2.0;
            }
        }
        if (a && below > mid + 1) {
            return (*a / 2.0 + p.sum / 2.0) / 2.0;
        }
    }
    return std::nullopt; // not reached: the weights add up to count
}

} // namespace relief::analysis
