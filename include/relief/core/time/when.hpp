#pragma once
// Parsing the WHEN of `--at` and the DAY of `--since`/`--until`/`--end`
// (cli.md, and the forms people type; docs/methods.md "Days and times").
//
// A DAY is YYYY-MM-DD, today, yesterday, a weekday name (mon … sunday: the
// most recent one, today included), "N days ago" or -Nd. Every word names a
// diary day: at 02:00, with the day starting at 04:00, "today" is still the
// day that began yesterday morning.
//
// A WHEN is now; a DAY; a DAY and a TIME ("yesterday 9pm", "fri 21:00",
// "2 days ago 8:15"); a TIME alone (today's diary day); or an ISO date-time
// with an optional ±HH:MM or Z. A TIME is H:MM, HH:MM[:SS], 9pm, 9:30pm or
// noon. On a day named by a word, a time before the day's start belongs to
// the night after it ("yesterday 01:30" is the early hours of today's
// calendar date); a written date with a time is that clock time. A day
// without a time means 12:00 that day (or now, if that noon is still to
// come). Without an offset the time is local (zone.hpp). Future instants are
// refused; a weekday with a time that is still to come means last week's.
#include "relief/core/error.hpp"
#include "relief/core/time/instant.hpp"

#include <string_view>

namespace relief {

// What "today" is: the current instant (with its local offset) and the hour
// the diary day starts (config day_starts_at, minutes after midnight).
struct Today {
    Instant now;
    int day_start_minutes = 240;
};

// Text that is none of the forms (not a date, time or day that is merely
// impossible or in the future): callers with forms of their own (import's
// ISO date-times) put their own message in its place.
class UnknownFormError : public InputError {
  public:
    using InputError::InputError;
};

// `field` names the flag in messages ("--at"). Throws InputError (or
// UnknownFormError) with a one-line message.
Instant parse_when(std::string_view field, std::string_view text, const Today& today);

// A time of day as --at takes one alone ("21:30", "9:30", "9pm", "noon"):
// seconds after midnight, or nullopt.
std::optional<int> parse_wall_time(std::string_view text);

// The diary day of a DAY. With `future_allowed` false, a day after today is
// refused (report --end).
DayNumber parse_day(std::string_view field, std::string_view text, const Today& today,
                    bool future_allowed = true);

} // namespace relief
