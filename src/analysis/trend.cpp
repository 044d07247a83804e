// R2 (trend, first vs last 14 days) and R3 (before and after sessions
// began): docs/methods.md "The trend" and "Before and after sessions began".
#include "sections.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace relief::analysis {
namespace {

// IMMPACT labels (Dworkin 2008) for a percentage change.
TrendLabel immpact_label(double pct) {
    if (less_equal(pct, -50)) {
        return TrendLabel::substantial_improvement;
    }
    if (less_equal(pct, -30)) {
        return TrendLabel::moderate_improvement;
    }
    if (less_equal(pct, -10)) {
        return TrendLabel::minimal_improvement;
    }
    if (less(pct, 10)) {
        return TrendLabel::no_meaningful_change;
    }
    return TrendLabel::worse;
}

// The trend the person sees: OLS of the valid weekly means on the week index,
// with a Student t interval (methods.md "The trend"). A slope needs 3 weeks,
// its interval 4; a residual sum of squares below 1e−12 is an exact fit.
void weekly_trend(Trend& trend, const std::vector<WeekRow>& weeks) {
    std::vector<double> w;
    std::vector<double> y;
    for (std::size_t i = 0; i < weeks.size(); ++i) {
        if (weeks[i].pain) {
            w.push_back(static_cast<double>(i));
            y.push_back(*weeks[i].pain);
        }
    }
    const std::size_t k = w.size();
    trend.valid_weeks = static_cast<int>(k);
    if (k < 3) {
        return;
    }
    const double w_mean = mean(w);
    const double y_mean = mean(y);
    double sxx = 0;
    double sxy = 0;
    for (std::size_t i = 0; i < k; ++i) {
        sxx += (w[i] - w_mean) * (w[i] - w_mean);
        sxy += (w[i] - w_mean) * (y[i] - y_mean);
    }
    const double slope = sxy / sxx;
    const double intercept = y_mean - slope * w_mean;
    double rss = 0;
    for (std::size_t i = 0; i < k; ++i) {
        const double e = y[i] - (intercept + slope * w[i]);
        rss += e * e;
    }
    trend.slope_per_week = slope;
    trend.exact_fit = rss < 1e-12;
    if (k >= 4 && !trend.exact_fit) {
        const double df = static_cast<double>(k - 2);
        const double se = std::sqrt(rss / df / sxx);
        const double t = student_t_975(static_cast<int>(k - 2));
        trend.ci = Interval{slope - t * se, slope + t * se};
    }
}

// R2's label: one that claims a change needs the weekly trend to agree (an
// improvement: the interval's upper bound below 0; worse: the lower above 0),
// since two 14-day means move by 10–30% on stable, noisy data.
TrendLabel backed_label(const Trend& trend, TrendLabel label) {
    if (!claims_change(label) || trend.exact_fit) {
        return label;
    }
    if (!trend.ci) {
        return TrendLabel::no_clear_change;
    }
    const bool improvement = label != TrendLabel::worse;
    const bool agrees = improvement ? less(trend.ci->high, 0) : greater(trend.ci->low, 0);
    return agrees ? label : TrendLabel::no_clear_change;
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

Trend compute_trend(const JournalWindow& jw, const DailySeries& daily,
                    const std::vector<int>& observed, const std::vector<WeekRow>& weeks) {
    Trend trend;
    if (observed.size() < 14) {
        trend.reason = fmt::format("needs 14 days with pain logged, has {}", observed.size());
        return trend;
    }
    if (observed.back() - observed.front() < 20) {
        trend.reason = "the days with pain logged span fewer than 20 days";
        return trend;
    }
    // The daily line y_t = a + b·t over t ∈ O, for R4–R6.
    std::vector<std::vector<double>> rows;
    std::vector<double> y;
    for (const int t : observed) {
        rows.push_back({1.0, static_cast<double>(t)});
        y.push_back(*daily.pain[static_cast<std::size_t>(t)]);
    }
    const auto beta = ols(rows, y);
    if (!beta) {
        trend.reason = "the trend cannot be fitted";
        return trend;
    }
    trend.available = true;
    trend.a = (*beta)[0];
    trend.b = (*beta)[1];
    weekly_trend(trend, weeks);

    // First vs last 14 days: needs T ≥ 28 and 7 logged days in each block.
    const int T = jw.window.days();
    if (T >= 28) {
        int n0 = 0;
        int n1 = 0;
        const auto m0 = block_mean(daily, 0, 13, n0);
        const auto m1 = block_mean(daily, T - 14, T - 1, n1);
        if (n0 >= 7 && n1 >= 7) {
            trend.first14 = m0;
            trend.last14 = m1;
            trend.change = *m1 - *m0;
            trend.two_points = less_equal(*trend.change, -2); // Farrar 2001
            trend.floor_note = less(*m0, 4);                  // little room to improve
            if (greater_equal(*m0, 1)) {
                trend.pct_change = 100 * *trend.change / *m0;
                trend.label = backed_label(trend, immpact_label(*trend.pct_change));
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
    const auto before =
        std::count_if(observed.begin(), observed.end(), [&](int t) { return t < *t0; });
    const auto after = static_cast<std::ptrdiff_t>(observed.size()) - before;
    // Fewer than 14 on either side and a level change is mostly noise.
    if (before < 14 || after < 14) {
        r3.reason = fmt::format("needs 14 days with pain logged before the first session and 14 "
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
    r3.simple_difference =
        sum_after / static_cast<double>(after) - sum_before / static_cast<double>(before);
    r3.exact_fit = fit->exact_fit;
    r3.trend_warning = greater_equal(std::fabs(7 * fit->beta[1]), 0.25);
    return r3;
}

} // namespace relief::analysis
