#include "relief/core/record/record_fields.hpp"

#include "relief/core/error.hpp"
#include "relief/core/record/field_table.hpp"
#include "relief/core/record/record_reader.hpp"
#include "relief/core/record/validate.hpp"
#include "relief/core/text/text.hpp"
#include "relief/core/text/uuid.hpp"
#include "relief/core/time/zone.hpp"

#include <fmt/format.h>
#include <type_traits>
#include <variant>

namespace relief {
namespace {

static_assert(k_fields.size() == k_column_count);
static_assert(k_fields[static_cast<std::size_t>(Column::note)].name == "note" &&
                  k_fields[static_cast<std::size_t>(Column::areas)].name == "areas" &&
                  k_fields[static_cast<std::size_t>(Column::pain)].name == "pain",
              "Column follows the order of k_fields");

// A value field (everything after recorded_at) read from its text by its
// kind, into its member. An empty text leaves the value missing.
void read_value(const Field& f, std::string_view text, Record& r) {
    const bool given = !trim(text).empty();
    std::visit(
        [&](auto member) {
            auto& value = r.*member;
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, std::optional<int>>) {
                if (given) {
                    value = f.kind == FieldKind::minutes ? parse_minutes(f.name, text)
                                                         : parse_scale(f.name, text);
                }
            } else if constexpr (std::is_same_v<T, std::optional<double>>) {
                if (given) {
                    value = parse_sleep_hours(f.name, text);
                }
            } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                value = parse_word_list(f.name, text);
            } else if constexpr (std::is_same_v<T, std::string>) {
                if (f.kind == FieldKind::name) {
                    value = given ? parse_word(f.name, text) : std::string();
                } else if (f.kind == FieldKind::person) {
                    value = parse_therapist(f.name, text);
                } else {
                    value = parse_note(f.name, text);
                }
            }
        },
        f.member);
}

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

std::string_view column_name(Column column) noexcept {
    return k_fields[static_cast<std::size_t>(column)].name;
}

std::string column_list() {
    return join(field_names(), ", ");
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
    for (std::size_t i = 0; i < k_fields.size(); ++i) {
        if (k_fields[i].name == name) {
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
    for (std::size_t i = static_cast<std::size_t>(Column::pain); i < k_fields.size(); ++i) {
        read([&] { read_value(k_fields[i], text(static_cast<Column>(i)), r); });
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
