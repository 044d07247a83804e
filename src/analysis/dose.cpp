// R5: regularity and dose (docs/methods.md "Regularity and dose").
#include "relief/analysis/bootstrap.hpp"
#include "sections.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>

namespace relief::analysis {
namespace {

struct WeekPoint {
    int w = 0;       // week index
    int x = 0;       // sessions in week w
    int z = 0;       // sessions in weeks w−1 and w
    double pain = 0; // the week's mean pain
};

// True when the design [1, w, v] is singular: w constant, or v exactly on a
// straight line in w. Decided in integers, with no pivot tolerance (§2 R5).
bool singular(const std::vector<WeekPoint>& points, int WeekPoint::*v) {
    const WeekPoint& p0 = points.front();
    const auto other =
        std::find_if(points.begin(), points.end(), [&](const WeekPoint& p) { return p.w != p0.w; });
    if (other == points.end()) {
        return true;
    }
    const long long dw = other->w - p0.w;
    const long long dv = (*other).*v - p0.*v;
    return std::all_of(points.begin(), points.end(), [&](const WeekPoint& p) {
        return (static_cast<long long>(p.*v) - p0.*v) * dw == dv * (p.w - p0.w);
    });
}

// pain_w = a + b·w + c·v_w → c (nullopt when singular).
std::optional<double> adjusted_slope(const std::vector<WeekPoint>& points, int WeekPoint::*v) {
    if (singular(points, v)) {
        return std::nullopt;
    }
    std::vector<std::vector<double>> rows;
    std::vector<double> y;
    for (const WeekPoint& p : points) {
        rows.push_back({1.0, static_cast<double>(p.w), static_cast<double>(p.*v)});
        y.push_back(p.pain);
    }
    const auto beta = ols(rows, y);
    return beta ? std::optional<double>((*beta)[2]) : std::nullopt;
}

// The verdict, in this order; no direction is claimed without an interval.
DoseVerdict dose_verdict(const Dose& r5) {
    const std::optional<double>& rho = r5.spearman_week;
    const std::optional<double>& c = r5.per_session_adjusted;
    const std::optional<double>& c_raw = r5.per_session_unadjusted;
    const std::optional<Interval>& ci = r5.per_session_adjusted_ci;
    if (rho && c && c_raw && less(*rho, 0) && less(std::fabs(*c), 0.5 * std::fabs(*c_raw))) {
        return DoseVerdict::explained_by_trend;
    }
    if (!ci) {
        return DoseVerdict::too_few_weeks;
    }
    if (rho && c && less(*rho, 0) && less(*c, 0) && less(ci->high, 0)) {
        return DoseVerdict::lower_with_more_sessions;
    }
    if (rho && c && greater(*rho, 0) && greater(*c, 0) && greater(ci->low, 0)) {
        return DoseVerdict::higher_with_more_sessions;
    }
    return DoseVerdict::no_clear_pattern;
}

// Sessions per week of the window, and in the 7 days before it.
struct SessionsPerWeek {
    std::vector<int> in_week;
    int week_before = 0;
};

SessionsPerWeek sessions_per_week(const Window& window, const std::vector<SessionInput>& sessions) {
    SessionsPerWeek s{std::vector<int>(static_cast<std::size_t>(window.weeks), 0), 0};
    const int T = window.days();
    for (const SessionInput& session : sessions) {
        const int t = window.index(session.day);
        if (t >= 0 && t < T) {
            ++s.in_week[static_cast<std::size_t>(t / 7)];
        } else if (t >= -7 && t < 0) {
            ++s.week_before;
        }
    }
    return s;
}

// The longest run of journal days (A … T−1) without a session: days before
// the journal began are not days without massage.
int longest_gap(const JournalWindow& jw, const SessionDays& session_days) {
    int gap = 0;
    int longest = 0;
    std::size_t next = 0;
    for (int t = jw.first_journal_index; t < jw.window.days(); ++t) {
        while (next < session_days.days.size() && session_days.days[next] < t) {
            ++next;
        }
        const bool session = next < session_days.days.size() && session_days.days[next] == t;
        gap = session ? 0 : gap + 1;
        longest = std::max(longest, gap);
    }
    return longest;
}

// The weeks with a mean pain: x_w, z_w (this week's and last week's
// sessions) and the mean.
std::vector<WeekPoint> week_points(const std::vector<WeekRow>& weeks, const SessionsPerWeek& s) {
    std::vector<WeekPoint> points;
    for (std::size_t w = 0; w < s.in_week.size(); ++w) {
        const WeekRow& row = weeks[w];
        if (row.pain) {
            const int x = s.in_week[w];
            const int previous = w == 0 ? s.week_before : s.in_week[w - 1];
            points.push_back(WeekPoint{static_cast<int>(w), x, x + previous, *row.pain});
        }
    }
    return points;
}

// Why the dose-response cannot be estimated, or "" when it can.
std::string unavailable_reason(const std::vector<WeekPoint>& points) {
    if (points.size() < 6) {
        return fmt::format("needs 6 weeks with a mean pain (4 days logged), has {}", points.size());
    }
    std::map<int, int> weeks_with;
    for (const WeekPoint& p : points) {
        ++weeks_with[p.x];
    }
    const auto repeated = std::count_if(weeks_with.begin(), weeks_with.end(),
                                        [](const auto& kv) { return kv.second >= 2; });
    if (repeated < 2) {
        return "the number of sessions per week needs two values, each in at least 2 weeks";
    }
    return {};
}

// Spearman's ρ and the slopes per extra session (with and without the trend).
void fill_estimates(Dose& r5, const std::vector<WeekPoint>& points) {
    std::vector<double> x, z, pain;
    std::vector<std::vector<double>> rows;
    for (const WeekPoint& p : points) {
        x.push_back(p.x);
        z.push_back(p.z);
        pain.push_back(p.pain);
        rows.push_back({1.0, static_cast<double>(p.x)});
    }
    r5.spearman_week = spearman(x, pain);
    r5.spearman_14d = spearman(z, pain);
    r5.per_session_adjusted = adjusted_slope(points, &WeekPoint::x);
    r5.per_session_14d_adjusted = adjusted_slope(points, &WeekPoint::z);
    if (const auto beta = ols(rows, pain)) {
        r5.per_session_unadjusted = (*beta)[1];
    }
}

} // namespace

Dose compute_dose(const Settings& settings, const JournalWindow& jw,
                  const std::vector<WeekRow>& weeks, const std::vector<SessionInput>& sessions,
                  const SessionDays& session_days) {
    Dose r5;
    const SessionsPerWeek per_week = sessions_per_week(jw.window, sessions);
    const auto with_session = std::count_if(per_week.in_week.begin(), per_week.in_week.end(),
                                            [](int x) { return x >= 1; });
    r5.share_weeks_with_session = static_cast<double>(with_session) / jw.window.weeks;
    r5.longest_gap_days = longest_gap(jw, session_days);

    const std::vector<WeekPoint> points = week_points(weeks, per_week);
    r5.valid_weeks = static_cast<int>(points.size());
    r5.reason = unavailable_reason(points);
    if (!r5.reason.empty()) {
        return r5;
    }
    r5.available = true;
    fill_estimates(r5, points);
    if (points.size() >= 12) {
        r5.per_session_adjusted_ci =
            bootstrap_interval(points.size(), settings.seed, [&](const auto& sample) {
                std::vector<WeekPoint> drawn;
                for (const std::size_t i : sample) {
                    drawn.push_back(points[i]);
                }
                return adjusted_slope(drawn, &WeekPoint::x);
            });
    }
    r5.verdict = dose_verdict(r5);
    return r5;
}

} // namespace relief::analysis
