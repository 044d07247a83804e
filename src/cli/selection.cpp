#include "selection.hpp"

#include "relief/core/entry/entry.hpp"
#include "relief/core/error.hpp"
#include "relief/core/text/text.hpp"
#include "relief/core/time/when.hpp"

#include <fmt/format.h>
#include <vector>

namespace relief::cli {

DayRange resolve_days(const DaySelection& selection, const Today& today) {
    const auto day = [&](std::string_view flag, const std::string& text) {
        return text.empty() ? std::nullopt : std::optional(parse_day(flag, text, today));
    };
    DayRange days{day("--since", selection.since), day("--until", selection.until)};
    if (days.since && days.until && *days.since > *days.until) {
        throw InputError(fmt::format("--since {} is after --until {}", format_date(*days.since),
                                     format_date(*days.until)));
    }
    return days;
}

void scan_days(const Journal& journal, const DayRange& days, int day_start_minutes,
               const std::function<void(const Record&)>& visit) {
    const UtcRange range = utc_range_for_days(days.since.value_or(-1000000),
                                              days.until.value_or(3000000), day_start_minutes);
    journal.scan(range.from, range.to, [&](const Record& r) {
        const DayNumber d = diary_day(r.at, day_start_minutes);
        if ((!days.since || d >= *days.since) && (!days.until || d <= *days.until)) {
            visit(r);
        }
    });
}

Record find_record(const Journal& journal, std::string_view raw) {
    const std::string id = to_lower(trim(raw));
    const bool well_formed = id.size() >= 4 && id.size() <= 36 &&
                             id.find_first_not_of("0123456789abcdef-") == std::string::npos;
    if (!well_formed) {
        throw InputError(fmt::format("id must be the first 4 or more characters of a record's id "
                                     "(relief list shows them), got \"{}\"",
                                     shown_value(raw)));
    }
    const std::vector<Record> found = journal.find_by_id_prefix(id);
    if (found.empty()) {
        throw InputError(fmt::format("no record has an id starting with {} (relief list shows "
                                     "the ids)",
                                     id));
    }
    if (found.size() > 1) {
        std::vector<std::string> ids;
        for (const Record& r : found) {
            ids.push_back(r.uuid.substr(0, id.size() + 4));
        }
        throw InputError(fmt::format("id {} matches {} records ({}); give more characters", id,
                                     found.size(), join(ids, ", ")));
    }
    return found.front();
}

} // namespace relief::cli
