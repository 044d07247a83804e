#pragma once
// The one table of a record's fields (docs/architecture.md "One owner per
// fact"): each field's name (the CSV header, the JSON key, and what messages
// call it), the member of Record that holds it, and its kind, which says how
// it is read from text and written to CSV and JSON. The CSV header, the
// import's columns, the CSV row, the JSON object and the import's parsing all
// walk this table; a new field is a row here (CONTRIBUTING.md).
#include "relief/core/record/record.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace relief {

enum class FieldKind {
    uuid,    // a uuid; a missing one gets a new one
    type,    // checkin or session
    instant, // an ISO 8601 date-time with its offset
    scale,   // a whole number 0–10
    hours,   // hours 0–24, to 0.01 h
    minutes, // a whole number of minutes 1–600
    name,    // a short lower-case name (kind)
    person,  // a name on one line (therapist)
    names,   // a list of short names, ';' between them (areas, tags)
    text,    // free text (note)
};

// The range a number of this kind lies in (cli.md): the parsers refuse
// others, and relief check looks for them in the file.
struct Bounds {
    int low;
    int high;
};
constexpr std::optional<Bounds> bounds_of(FieldKind kind) noexcept {
    switch (kind) {
    case FieldKind::scale:
        return Bounds{0, 10};
    case FieldKind::hours:
        return Bounds{0, 24};
    case FieldKind::minutes:
        return Bounds{1, 600};
    default:
        return std::nullopt;
    }
}

// Which records have the field: every record, or only check-ins or
// sessions (their table in the journal has its column; the other's not).
enum class FieldOf { both, checkin, session };

using FieldMember = std::variant<std::string Record::*, RecordType Record::*, Instant Record::*,
                                 std::optional<int> Record::*, std::optional<double> Record::*,
                                 std::vector<std::string> Record::*>;

struct Field {
    std::string_view name;
    FieldKind kind;
    FieldMember member;
    FieldOf of = FieldOf::both;

    // Whether a record of `type` has it (the type itself: every record).
    constexpr bool belongs_to(RecordType type) const noexcept {
        return of == FieldOf::both || (of == FieldOf::checkin) == (type == RecordType::checkin);
    }
};

// In the order of cli.md's CSV header.
inline constexpr std::array<Field, 15> k_fields = {{
    {"uuid", FieldKind::uuid, &Record::uuid},
    {"type", FieldKind::type, &Record::type},
    {"at", FieldKind::instant, &Record::at},
    {"recorded_at", FieldKind::instant, &Record::recorded_at},
    {"pain", FieldKind::scale, &Record::pain, FieldOf::checkin},
    {"mood", FieldKind::scale, &Record::mood, FieldOf::checkin},
    {"sleep_hours", FieldKind::hours, &Record::sleep_hours, FieldOf::checkin},
    {"sleep_quality", FieldKind::scale, &Record::sleep_quality, FieldOf::checkin},
    {"minutes", FieldKind::minutes, &Record::minutes, FieldOf::session},
    {"kind", FieldKind::name, &Record::kind, FieldOf::session},
    {"therapist", FieldKind::person, &Record::therapist, FieldOf::session},
    {"pain_before", FieldKind::scale, &Record::pain_before, FieldOf::session},
    {"areas", FieldKind::names, &Record::areas},
    {"tags", FieldKind::names, &Record::tags},
    {"note", FieldKind::text, &Record::note},
}};

// The fields' names, in the table's order.
std::vector<std::string> field_names();

// "uuid,type,at,…,note": the CSV header, from the table.
std::string csv_header();

// A field's value as one CSV cell's text ("" when missing).
std::string field_text(const Record& record, const Field& field);

} // namespace relief
