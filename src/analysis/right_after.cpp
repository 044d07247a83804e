// R7: right after a session, from the pain the person typed before it
// (docs/methods.md "Right after a session").
#include "sections.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace relief::analysis {

RightAfter compute_right_after(const Window& window, const std::vector<CheckinInput>& checkins,
                               const std::vector<SessionInput>& sessions) {
    constexpr std::int64_t k_six_hours = 6 * 3600;
    RightAfter r7;
    std::vector<const SessionInput*> by_start;
    for (const SessionInput& s : sessions) {
        by_start.push_back(&s);
    }
    std::stable_sort(by_start.begin(), by_start.end(),
                     [](const auto* a, const auto* b) { return a->start_utc < b->start_utc; });
    std::vector<double> changes;
    for (std::size_t i = 0; i < by_start.size(); ++i) {
        const SessionInput& s = *by_start[i];
        if (!s.pain_before || !window.contains(s.day)) {
            continue;
        }
        // The next session of the whole journal that starts strictly later.
        std::int64_t next_start = INT64_MAX;
        for (std::size_t j = i + 1; j < by_start.size(); ++j) {
            if (by_start[j]->start_utc > s.start_utc) {
                next_start = by_start[j]->start_utc;
                break;
            }
        }
        double sum = 0;
        int n = 0;
        for (const CheckinInput& c : checkins) {
            if (c.pain && window.contains(c.day) && c.at_utc >= s.end_utc &&
                c.at_utc < s.end_utc + k_six_hours && c.at_utc < next_start) {
                sum += *c.pain;
                ++n;
            }
        }
        if (n == 0) {
            continue;
        }
        const double after = sum / n;
        r7.pairs.push_back(RightAfterPair{s.day, *s.pain_before, after});
        changes.push_back(after - *s.pain_before);
    }
    r7.sessions = static_cast<int>(r7.pairs.size());
    if (r7.pairs.size() < 3) {
        r7.reason = "fewer than 3 sessions with pain before and a check-in after";
        return r7;
    }
    r7.available = true;
    double before_sum = 0;
    double after_sum = 0;
    for (const RightAfterPair& p : r7.pairs) {
        before_sum += p.before;
        after_sum += p.after;
    }
    const auto n = static_cast<double>(r7.pairs.size());
    r7.before_mean = before_sum / n;
    r7.after_mean = after_sum / n;
    r7.sessions_lower = static_cast<int>(
        std::count_if(changes.begin(), changes.end(), [](double c) { return less(c, 0); }));
    r7.change.value = hodges_lehmann(changes);
    r7.change.ci = walsh_interval(changes); // none below 6 sessions
    return r7;
}

} // namespace relief::analysis
