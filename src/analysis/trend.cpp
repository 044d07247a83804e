// R2 (trend, first vs last 14 days) and R3 (before and after sessions began).
#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "sections.hpp"

namespace relief::analysis {
namespace {

// IMMPACT labels (Dworkin 2008) for a percentage change.
std::string immpact_label(double pct) {
    if (less_equal(pct, -50)) {
        return "substantial-improvement";
    }
    if (less_equal(pct, -30)) {
        return "moderate-improvement";
    }
    if (less_equal(pct, -10)) {
        return "minimal-improvement";
    }
    if (less(pct, 10)) {
        return "no-meaningful-change";
    }
    return "worse";
}

std::optional<double> block_mean(const DailySeries& daily, int from, int to, int& logged) {
    double sum = 0;
    logged = 0;
    for (int t = from; t <= to; ++t) {
        if (const auto& y = daily.pain[static_cast<std::size_t>(t)]) {
            sum += *y;
            ++logged;
        }
    }
    return logged > 0 ? std::optional<double>(sum / logged) : std::nullopt;
}

Estimate estimate(const OlsFit& fit, std::size_t i, double scale) {
    return Estimate{fit.beta[i] * scale, fit.interval(i, scale)};
}

} // namespace

Trend compute_trend(const Window& window, const DailySeries& daily,
                    const std::vector<int>& observed) {
    Trend trend;
    if (observed.size() < 14) {
        trend.reason = fmt::format("needs 14 days with pain logged, has {}", observed.size());
        return trend;
    }
    if (observed.back() - observed.front() < 20) {
        trend.reason = "the days with pain logged span fewer than 20 days";
        return trend;
    }
    // §2 R2: OLS y_t = a + b·t over t ∈ O, Newey–West interval for 7b.
    std::vector<std::vector<double>> rows;
    std::vector<double> y;
    for (const int t : observed) {
        rows.push_back({1.0, static_cast<double>(t)});
        y.push_back(*daily.pain[static_cast<std::size_t>(t)]);
    }
    const auto fit = ols_newey_west(rows, y, observed);
    if (!fit) {
        trend.reason = "the trend cannot be fitted";
        return trend;
    }
    trend.available = true;
    trend.a = fit->beta[0];
    trend.b = fit->beta[1];
    trend.slope_per_week = 7 * trend.b;
    trend.ci = fit->interval(1, 7);
    trend.exact_fit = fit->exact_fit;

    // First vs last 14 days: needs T ≥ 28 and 7 logged days in each block.
    const int T = window.days();
    if (T >= 28) {
        int n0 = 0;
        int n1 = 0;
        const auto m0 = block_mean(daily, 0, 13, n0);
        const auto m1 = block_mean(daily, T - 14, T - 1, n1);
        if (n0 >= 7 && n1 >= 7) {
            trend.first14 = m0;
            trend.last14 = m1;
            trend.change = *m1 - *m0;
            trend.two_points = less_equal(*trend.change, -2);  // Farrar 2001
            trend.floor_note = less(*m0, 4);                   // little room to improve
            if (greater_equal(*m0, 1)) {
                trend.pct_change = 100 * *trend.change / *m0;
                trend.label = immpact_label(*trend.pct_change);
            }
        }
    }
    return trend;
}

BeforeAfter compute_before_after(const Window& window, const DailySeries& daily,
                                 const std::vector<int>& observed,
                                 const std::vector<SessionInput>& sessions) {
    BeforeAfter r3;
    std::optional<int> t0;
    for (const SessionInput& s : sessions) {
        if (window.contains(s.day)) {
            const int t = window.index(s.day);
            t0 = t0 ? std::min(*t0, t) : t;
        }
    }
    if (!t0) {
        r3.reason = "no session in the window";
        return r3;
    }
    const DayNumber first_day = window.start() + *t0;
    for (const SessionInput& s : sessions) {
        if (s.day >= first_day - 28 && s.day < first_day) {
            r3.reason = "sessions did not begin in the window: there was a session in the 28 "
                        "days before the first one";
            return r3;
        }
    }
    const auto before = std::count_if(observed.begin(), observed.end(),
                                      [&](int t) { return t < *t0; });
    const auto after = static_cast<std::ptrdiff_t>(observed.size()) - before;
    if (before < 7 || after < 7) {
        r3.reason = fmt::format("needs 7 days with pain logged before the first session and 7 "
                                "from it on, has {} and {}",
                                before, after);
        return r3;
    }
    // y = b0 + b1·t + b2·X + b3·(t − t0)·X, X = [t ≥ t0]
    std::vector<std::vector<double>> rows;
    std::vector<double> y;
    double sum_before = 0;
    double sum_after = 0;
    for (const int t : observed) {
        const double x = t >= *t0 ? 1.0 : 0.0;
        rows.push_back({1.0, static_cast<double>(t), x, (t - *t0) * x});
        const double value = *daily.pain[static_cast<std::size_t>(t)];
        y.push_back(value);
        (t >= *t0 ? sum_after : sum_before) += value;
    }
    const auto fit = ols_newey_west(rows, y, observed);
    if (!fit) {
        r3.reason = "the segmented trend cannot be fitted";
        return r3;
    }
    r3.available = true;
    r3.first_session = first_day;
    r3.level_change = estimate(*fit, 2, 1);
    r3.slope_change_per_week = estimate(*fit, 3, 7);
    r3.trend_before_per_week = estimate(*fit, 1, 7);
    r3.simple_difference = sum_after / static_cast<double>(after) - sum_before / static_cast<double>(before);
    r3.exact_fit = fit->exact_fit;
    r3.trend_warning = greater_equal(std::fabs(7 * fit->beta[1]), 0.25);
    return r3;
}

} // namespace relief::analysis
