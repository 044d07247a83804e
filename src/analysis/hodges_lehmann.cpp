// Hodges–Lehmann estimates and their exact intervals (docs/methods.md,
// "Hodges–Lehmann" and "The exact Walsh interval"): medians and order
// statistics of the Walsh averages (x_i + x_j)/2, i ≤ j, without listing them.
#include "relief/analysis/stats.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <vector>

namespace relief::analysis {
namespace {

// Work space for the selection, reused across the thousands of calls a
// bootstrap makes (one per thread), so the hot loop allocates nothing.
struct PairSelection {
    std::vector<std::int64_t> lo, hi, lt, le;
    std::vector<double> rest;
};

// The k-th smallest (1-based) pair sum x_i + x_j, i ≤ j, of sorted x, and the
// number of pair sums ≤ it: Monahan (1984). Row i holds the candidates
// lo[i] … hi[i] (j ≥ i), ascending in j. Each round counts, per row, the sums
// below a pivot with a pointer that only moves one way: O(n) per round.
// Kept whole on purpose (it is over 80 lines): the rounds share lo/hi/lt/le
// and their invariants across the pivot choice, the count and the narrowing,
// and split into functions they would have to be passed and re-checked at
// every step of the bootstrap's hot loop; read it beside Monahan's paper.
std::pair<double, std::int64_t> kth_pair_sum(const std::vector<double>& x, std::int64_t k,
                                             PairSelection& w) {
    const auto n = static_cast<std::int64_t>(x.size());
    const auto un = static_cast<std::size_t>(n);
    w.lo.resize(un);
    w.hi.assign(un, n - 1);
    w.lt.resize(un);
    w.le.resize(un);
    std::iota(w.lo.begin(), w.lo.end(), std::int64_t{0});
    const auto at = [&](std::int64_t i, std::int64_t j) {
        return x[static_cast<std::size_t>(i)] + x[static_cast<std::size_t>(j)];
    };
    // Counts of sums ≤ v over all pairs, for the answer's tie count.
    const auto count_le = [&](double v) {
        std::int64_t total = 0;
        std::int64_t j = n - 1;
        for (std::int64_t i = 0; i < n; ++i) {
            while (j >= i && at(i, j) > v) {
                --j;
            }
            if (j < i) {
                break;
            }
            total += j - i + 1;
        }
        return total;
    };
    std::int64_t below = 0; // sums left of every row's candidates
    std::int64_t remaining = n * (n + 1) / 2;
    std::uint64_t state = 0x9E3779B97F4A7C15ULL;
    // The first pivot: twice the middle value, near the answer for any data.
    double pivot = 2 * x[un / 2];
    bool first = true;
    while (true) {
        if (remaining <= std::max<std::int64_t>(n, 64)) {
            w.rest.clear();
            for (std::int64_t i = 0; i < n; ++i) {
                for (std::int64_t j = w.lo[static_cast<std::size_t>(i)];
                     j <= w.hi[static_cast<std::size_t>(i)]; ++j) {
                    w.rest.push_back(at(i, j));
                }
            }
            const auto nth = static_cast<std::ptrdiff_t>(k - below - 1);
            std::nth_element(w.rest.begin(), w.rest.begin() + nth, w.rest.end());
            const double v = w.rest[static_cast<std::size_t>(nth)];
            return {v, count_le(v)};
        }
        if (!first) {
            // A pivot drawn uniformly from the remaining candidates.
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            auto pick =
                static_cast<std::int64_t>((state >> 11) % static_cast<std::uint64_t>(remaining));
            for (std::int64_t i = 0; i < n; ++i) {
                const std::int64_t width = std::max<std::int64_t>(
                    0, w.hi[static_cast<std::size_t>(i)] - w.lo[static_cast<std::size_t>(i)] + 1);
                if (pick < width) {
                    pivot = at(i, w.lo[static_cast<std::size_t>(i)] + pick);
                    break;
                }
                pick -= width;
            }
        }
        first = false;
        std::int64_t total_lt = 0;
        std::int64_t total_le = 0;
        std::int64_t jl = n - 1;
        std::int64_t je = n - 1;
        for (std::int64_t i = 0; i < n; ++i) {
            while (jl >= i && at(i, jl) >= pivot) {
                --jl;
            }
            while (je >= i && at(i, je) > pivot) {
                --je;
            }
            const auto ui = static_cast<std::size_t>(i);
            w.lt[ui] = std::max<std::int64_t>(jl, i - 1); // last column < pivot
            w.le[ui] = std::max<std::int64_t>(je, i - 1); // last column ≤ pivot
            total_lt += w.lt[ui] - i + 1;
            total_le += w.le[ui] - i + 1;
            jl = std::max(jl, i);
            je = std::max(je, i);
        }
        if (k > total_lt && k <= total_le) {
            return {pivot, total_le};
        }
        remaining = 0;
        below = 0;
        for (std::int64_t i = 0; i < n; ++i) {
            const auto ui = static_cast<std::size_t>(i);
            if (k <= total_lt) {
                w.hi[ui] = std::min(w.hi[ui], w.lt[ui]);
            } else {
                w.lo[ui] = std::max(w.lo[ui], w.le[ui] + 1);
            }
            below += w.lo[ui] - i;
            remaining += std::max<std::int64_t>(0, w.hi[ui] - w.lo[ui] + 1);
        }
    }
}

// The smallest pair sum greater than v (there is one when fewer than all
// sums are ≤ v): per row, the first column past v.
double next_pair_sum(const std::vector<double>& x, double v) {
    const auto n = static_cast<std::int64_t>(x.size());
    double best = std::numeric_limits<double>::infinity();
    std::int64_t j = n - 1;
    for (std::int64_t i = 0; i < n; ++i) {
        // Row i: first j ≥ i with sum > v. As i grows that column moves left.
        while (j > i && x[static_cast<std::size_t>(i)] + x[static_cast<std::size_t>(j - 1)] > v) {
            --j;
        }
        j = std::max(j, i);
        const double s = x[static_cast<std::size_t>(i)] + x[static_cast<std::size_t>(j)];
        if (s > v) {
            best = std::min(best, s);
        }
    }
    return best;
}

} // namespace

std::optional<double> hodges_lehmann(std::vector<double> values) {
    return hodges_lehmann_in_place(values);
}

std::optional<double> hodges_lehmann_in_place(std::vector<double>& values) {
    if (values.empty()) {
        return std::nullopt;
    }
    const auto n = static_cast<std::int64_t>(values.size());
    const std::int64_t count = n * (n + 1) / 2;
    constexpr std::size_t k_small = 24;
    if (values.size() <= k_small) {
        // Few values (the common case inside a bootstrap): listing the pair
        // sums on the stack is cheaper than sorting and selecting.
        std::array<double, k_small*(k_small + 1) / 2> walsh; // not zeroed: only m are used
        std::size_t m = 0;
        for (std::size_t i = 0; i < values.size(); ++i) {
            for (std::size_t j = i; j < values.size(); ++j) {
                walsh[m++] = values[i] + values[j];
            }
        }
        const auto mid = static_cast<std::ptrdiff_t>((count - 1) / 2);
        const auto end = walsh.begin() + static_cast<std::ptrdiff_t>(m);
        std::nth_element(walsh.begin(), walsh.begin() + mid, end);
        const double a = walsh[static_cast<std::size_t>(mid)];
        if (count % 2 == 1) {
            return a / 2.0;
        }
        const double b = *std::min_element(walsh.begin() + mid + 1, end);
        return (a / 2.0 + b / 2.0) / 2.0;
    }
    std::sort(values.begin(), values.end());
    thread_local PairSelection work;
    const std::int64_t k = (count + 1) / 2;
    const auto [a, at_or_below] = kth_pair_sum(values, k, work);
    if (count % 2 == 1) {
        return a / 2.0;
    }
    // The (k+1)-th: the same value when it repeats, else the next sum up.
    const double b = at_or_below >= k + 1 ? a : next_pair_sum(values, a);
    return (a / 2.0 + b / 2.0) / 2.0;
}

std::optional<double> hodges_lehmann_naive(const std::vector<double>& values) {
    if (values.empty()) {
        return std::nullopt;
    }
    std::vector<double> walsh;
    for (std::size_t i = 0; i < values.size(); ++i) {
        for (std::size_t j = i; j < values.size(); ++j) {
            walsh.push_back((values[i] + values[j]) / 2.0);
        }
    }
    return median(std::move(walsh));
}

std::optional<Interval> walsh_interval(std::vector<double> values) {
    const std::size_t n = values.size();
    const std::optional<std::int64_t> k = signed_rank_critical(n);
    if (!k) {
        return std::nullopt;
    }
    // W(k) and W(M + 1 − k) of the ascending Walsh averages (§3): the k-th
    // smallest and the k-th largest pair sum, halved.
    std::sort(values.begin(), values.end());
    thread_local PairSelection work;
    const auto m = static_cast<std::int64_t>(n * (n + 1) / 2);
    const double low = kth_pair_sum(values, *k, work).first;
    const double high = kth_pair_sum(values, m + 1 - *k, work).first;
    return Interval{low / 2.0, high / 2.0};
}

std::optional<Interval> walsh_interval_naive(const std::vector<double>& values) {
    const std::optional<std::int64_t> k = signed_rank_critical(values.size());
    if (!k) {
        return std::nullopt;
    }
    std::vector<double> walsh;
    for (std::size_t i = 0; i < values.size(); ++i) {
        for (std::size_t j = i; j < values.size(); ++j) {
            walsh.push_back((values[i] + values[j]) / 2.0);
        }
    }
    std::sort(walsh.begin(), walsh.end());
    const auto at = [&](std::int64_t rank) { return walsh[static_cast<std::size_t>(rank - 1)]; };
    return Interval{at(*k), at(static_cast<std::int64_t>(walsh.size()) + 1 - *k)};
}

} // namespace relief::analysis
