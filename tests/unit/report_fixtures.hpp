#pragma once
// Records for the report's unit tests: check-ins and sessions on given days
// of a window that ends on 2026-11-22 (a Sunday), times in UTC.
#include "relief/analysis/report.hpp"

#include <cstdint>
#include <optional>

namespace relief::test {

inline const DayNumber k_end = days_from_civil(2026, 11, 22);

inline analysis::Settings settings(int weeks = 8) {
    analysis::Settings s;
    s.window.end = k_end;
    s.window.weeks = weeks;
    return s;
}

inline std::int64_t at(DayNumber day, int hour, int minute = 0) {
    return std::int64_t{day} * 86400 + hour * 3600 + minute * 60;
}

inline analysis::CheckinInput pain(DayNumber day, int value, int hour = 20,
                                   std::int64_t stored = 0) {
    analysis::CheckinInput c;
    c.day = day;
    c.at_utc = at(day, hour);
    c.recorded_utc = c.at_utc;
    c.stored = stored;
    c.pain = value;
    return c;
}

inline analysis::SessionInput session(DayNumber day, int hour = 10, int minutes = 60,
                                      std::optional<int> pain_before = std::nullopt) {
    return analysis::SessionInput{day, at(day, hour), at(day, hour) + minutes * 60, minutes, "",
                                  "",  pain_before};
}

} // namespace relief::test
