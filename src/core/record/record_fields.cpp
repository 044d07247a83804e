#include "relief/core/record/record_fields.hpp"

#include "relief/core/error.hpp"
#include "relief/core/record/validate.hpp"
#include "relief/core/text/text.hpp"
#include "relief/core/text/uuid.hpp"
#include "relief/core/time/zone.hpp"

#include <fmt/format.h>

namespace relief {
namespace {

constexpr std::array<std::string_view, k_column_count> k_names = {
    "uuid",    "type", "at",        "recorded_at", "pain",  "mood", "sleep_hours", "sleep_quality",
    "minutes", "kind", "therapist", "pain_before", "areas", "tags", "note"};

Instant parse_instant(std::string_view field, std::string_view text, const Today& today) {
    const auto iso = parse_iso(trim(text));
    if (!iso) {
        // A spreadsheet's own column: the forms of --at, future refused alike.
        try {
            return parse_when(field, text, today);
        } catch (const InputError& e) {
            // A form --at knows but cannot take (the future, a skipped hour,
            // 2026-02-30) keeps its own message; any other text gets this one.
            if (!std::string_view(e.what()).starts_with(fmt::format("{} must be", field))) {
                throw;
            }
            throw InputError(fmt::format("{} must be an ISO 8601 date-time like "
                                         "2026-11-20T20:00:00-05:00, or written as for --at "
                                         "(2026-11-20, \"2026-11-20 9pm\", yesterday), got \"{}\"",
                                         field, shown_value(text)));
        }
    }
    if (!iso->offset_minutes) {
        const auto local = resolve_local(iso->day, iso->second_of_day);
        if (!local) {
            throw InputError(fmt::format("{} \"{}\" does not exist in the local time zone (the "
                                         "clocks skipped it); give its offset",
                                         field, shown_value(text)));
        }
        return *local;
    }
    const std::int64_t local_seconds = std::int64_t{iso->day} * 86400 + iso->second_of_day;
    return Instant{local_seconds - std::int64_t{*iso->offset_minutes} * 60, *iso->offset_minutes};
}

} // namespace

std::string_view column_name(Column column) noexcept {
    return k_names[static_cast<std::size_t>(column)];
}

std::string column_list() {
    std::vector<std::string> names(k_names.begin(), k_names.end());
    return join(names, ", ");
}

std::vector<std::pair<std::string, std::optional<Column>>> parse_column_map(std::string_view text) {
    std::vector<std::pair<std::string, std::optional<Column>>> map;
    for (const std::string& pair : split(text, ',')) {
        const std::size_t eq = pair.rfind('=');
        const std::string name = to_lower(trim(pair.substr(0, eq == std::string::npos ? 0 : eq)));
        if (eq == std::string::npos || name.empty()) {
            throw InputError(fmt::format("--map takes \"Header in the file=column\" pairs "
                                         "separated by commas (\"Date=at,Pain level=pain\"), got "
                                         "\"{}\"",
                                         shown_value(pair)));
        }
        const std::string target = to_lower(trim(std::string_view(pair).substr(eq + 1)));
        std::optional<Column> column;
        if (!target.empty()) {
            column = column_by_name(target);
            if (!column) {
                throw InputError(fmt::format("--map \"{}\": \"{}\" is not a column of relief "
                                             "(the columns are {}; nothing after = leaves a "
                                             "column out)",
                                             shown_value(pair), shown_value(target),
                                             column_list()));
            }
        }
        for (const auto& [seen, ignored] : map) {
            if (seen == name) {
                throw InputError(fmt::format("--map names \"{}\" twice", shown_value(name)));
            }
        }
        map.emplace_back(name, column);
    }
    return map;
}

std::optional<Column> column_by_name(std::string_view name) noexcept {
    for (std::size_t i = 0; i < k_names.size(); ++i) {
        if (k_names[i] == name) {
            return static_cast<Column>(i);
        }
    }
    return std::nullopt;
}

std::optional<Record> record_from_fields(const RecordFields& fields, const ImportRules& rules,
                                         std::vector<std::string>& problems) {
    const auto text = [&](Column c) -> std::string_view {
        const auto& v = fields[static_cast<std::size_t>(c)];
        return v ? std::string_view(*v) : std::string_view();
    };
    const auto given = [&](Column c) { return !trim(text(c)).empty(); };
    const std::size_t problems_before = problems.size();
    // Each field is read on its own, so that one bad cell does not hide the next.
    const auto read = [&](auto&& step) {
        try {
            step();
        } catch (const InputError& e) {
            problems.emplace_back(e.what());
        }
    };
    const auto scale = [&](Column c, std::optional<int>& into) {
        read([&] {
            if (given(c)) {
                into = parse_scale(column_name(c), text(c));
            }
        });
    };

    Record r;
    read([&] {
        const std::string type = to_lower(trim(text(Column::type)));
        if (rules.type && !fields[static_cast<std::size_t>(Column::type)]) {
            r.type = *rules.type;
        } else if (type == "checkin") {
            r.type = RecordType::checkin;
        } else if (type == "session") {
            r.type = RecordType::session;
        } else {
            throw InputError(fmt::format("type must be checkin or session, got \"{}\"",
                                         shown_value(text(Column::type))));
        }
    });
    read([&] {
        r.uuid = given(Column::uuid) ? parse_uuid("uuid", text(Column::uuid)) : new_uuid();
    });
    read([&] {
        if (!given(Column::at)) {
            throw InputError("at is missing; every record needs its date-time");
        }
        r.at = parse_instant("at", text(Column::at), rules.today);
    });
    read([&] {
        r.recorded_at = given(Column::recorded_at)
                            ? parse_instant("recorded_at", text(Column::recorded_at), rules.today)
                            : r.at;
    });
    scale(Column::pain, r.pain);
    scale(Column::mood, r.mood);
    read([&] {
        if (given(Column::sleep_hours)) {
            r.sleep_hours = parse_sleep_hours("sleep_hours", text(Column::sleep_hours));
        }
    });
    scale(Column::sleep_quality, r.sleep_quality);
    read([&] {
        if (given(Column::minutes)) {
            r.minutes = parse_minutes("minutes", text(Column::minutes));
        }
    });
    read([&] {
        if (given(Column::kind)) {
            r.kind = parse_word("kind", text(Column::kind));
        }
    });
    read([&] { r.therapist = parse_therapist("therapist", text(Column::therapist)); });
    scale(Column::pain_before, r.pain_before);
    read([&] { r.areas = parse_word_list("areas", text(Column::areas)); });
    read([&] { r.tags = parse_word_list("tags", text(Column::tags)); });
    read([&] { r.note = parse_note("note", text(Column::note)); });
    if (problems.size() > problems_before) {
        return std::nullopt;
    }
    read([&] { validate_record(r); });
    if (problems.size() > problems_before) {
        return std::nullopt;
    }
    return r;
}

} // namespace relief
