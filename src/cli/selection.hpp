#pragma once
// Picking records: by a range of diary days (list, export) or by id (edit, delete).
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>

#include "relief/journal.hpp"

namespace relief::cli {

struct DaySelection {
    std::string since; // --since, "" = from the first record
    std::string until; // --until, "" = to the last
};

// Visits, in time order, the records whose diary day lies in the selection.
// Throws InputError for a bad or backwards range.
void scan_days(const Journal& journal, const DaySelection& selection, const Instant& now,
               int day_start_minutes, const std::function<void(const Record&)>& visit);

// The one record whose id starts with `id` (at least 4 characters, as
// `relief list` shows them). Throws InputError when none or several match.
Record find_record(const Journal& journal, std::string_view id);

// Throws InputError("--format must be a, b or c, got "x"") unless allowed.
void check_choice(std::string_view flag, const std::string& value,
                  std::initializer_list<std::string_view> allowed);

} // namespace relief::cli
