#include "relief/core/record/record_fields.hpp"

#include "relief/core/error.hpp"
#include "relief/core/record/record_format.hpp"
#include "relief/core/record/record_reader.hpp"
#include "relief/core/record/validate.hpp"
#include "relief/core/text/text.hpp"
#include "relief/core/text/uuid.hpp"
#include "relief/core/time/zone.hpp"

#include <fmt/format.h>

namespace relief {
namespace {

Instant parse_instant(std::string_view field, std::string_view text, const Today& today) {
    const auto iso = parse_iso(trim(text));
    if (!iso) {
        // A spreadsheet's own column: the forms of --at, future refused alike.
        try {
            return parse_when(field, text, today);
        } catch (const UnknownFormError&) {
            // A form --at knows but cannot take (the future, a skipped hour,
            // 2026-02-30) keeps its own message; any other text gets this one.
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
    return instant_at_offset(*iso);
}

} // namespace

std::string column_list() {
    return join(field_names(), ", ");
}

std::vector<std::pair<std::string, const Field*>> parse_column_map(std::string_view text) {
    std::vector<std::pair<std::string, const Field*>> map;
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
        const Field* column = nullptr;
        if (!target.empty()) {
            column = find_field(target);
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

std::optional<Record> record_from_fields(const RecordFields& fields, const ImportRules& rules,
                                         std::vector<std::string>& problems) {
    const auto text = [&](std::size_t i) -> std::string_view {
        return fields[i] ? std::string_view(*fields[i]) : std::string_view();
    };
    const auto given = [&](std::size_t i) { return !trim(text(i)).empty(); };
    constexpr std::size_t uuid = field_index("uuid");
    constexpr std::size_t type = field_index("type");
    constexpr std::size_t at = field_index("at");
    constexpr std::size_t recorded_at = field_index("recorded_at");
    const std::size_t problems_before = problems.size();
    // Each field is read on its own, so that one bad cell does not hide the next.
    const auto read = [&](auto&& step) {
        try {
            step();
        } catch (const InputError& e) {
            problems.emplace_back(e.what());
        }
    };
    Record r;
    read([&] {
        const std::string name = to_lower(trim(text(type)));
        if (rules.type && !fields[type]) {
            r.type = *rules.type;
        } else if (name == "checkin") {
            r.type = RecordType::checkin;
        } else if (name == "session") {
            r.type = RecordType::session;
        } else {
            throw InputError(fmt::format("type must be checkin or session, got \"{}\"",
                                         shown_value(text(type))));
        }
    });
    read([&] { r.uuid = given(uuid) ? parse_uuid("uuid", text(uuid)) : new_uuid(); });
    read([&] {
        if (!given(at)) {
            throw InputError("at is missing; every record needs its date-time");
        }
        r.at = parse_instant("at", text(at), rules.today);
    });
    read([&] {
        r.recorded_at = given(recorded_at)
                            ? parse_instant("recorded_at", text(recorded_at), rules.today)
                            : r.at;
    });
    for (const Field& f : k_fields) {
        if (f.is_value()) {
            read([&] { parse_value(r, f, f.name, text(index_of(f))); });
        }
    }
    if (problems.size() > problems_before) {
        return std::nullopt;
    }
    read([&] { validate_record(r); });
    if (problems.size() > problems_before) {
        return std::nullopt;
    }
    return r;
}

void hand_over(std::size_t line, const RecordFields& fields, const ImportRules& rules,
               const RecordHandler& handler) {
    std::vector<std::string> problems;
    if (const auto record = record_from_fields(fields, rules, problems)) {
        handler.on_record(line, *record);
    }
    for (const std::string& problem : problems) {
        handler.on_problem(line, problem);
    }
}

} // namespace relief
