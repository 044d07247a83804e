#pragma once
// Picking records: by a range of diary days (list, export) or by id (edit, delete).
#include "relief/core/time/when.hpp"
#include "relief/store/journal.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace relief::cli {

struct DaySelection {
    std::string since; // --since, "" = from the first record
    std::string until; // --until, "" = to the last
};

// The selection's diary days, nullopt for an open end. Throws InputError for a
// bad or backwards range: call it before writing any output.
struct DayRange {
    std::optional<DayNumber> since;
    std::optional<DayNumber> until;
};
DayRange resolve_days(const DaySelection& selection, const Today& today);

// Visits, in time order, the records whose diary day lies in the range.
void scan_days(const Journal& journal, const DayRange& days, int day_start_minutes,
               const std::function<void(const Record&)>& visit);

// The one record whose id starts with `id` (at least 4 characters, as
// `relief list` shows them). Throws InputError when none or several match.
Record find_record(const Journal& journal, std::string_view id);

} // namespace relief::cli
