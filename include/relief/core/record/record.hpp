#pragma once
// A journal record, a check-in or a session (cli.md "Records"), and the one
// table of its fields (docs/architecture.md "One owner per fact"). One struct
// for both types, as in the CSV: the fields a type does not have stay empty.
// Everything that handles a field walks k_fields: the CSV header and row, the
// JSON object, the import's columns, the journal's columns and its checks,
// the log and edit flags, what `relief log` and `relief edit` say they did,
// and validate_record(). A new field is a member and a row here, and a
// migration adding its column (CONTRIBUTING.md "Adding a field").
#include "relief/core/time/instant.hpp"

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace relief {

enum class RecordType { checkin, session };

std::string_view type_name(RecordType type) noexcept; // "checkin", "session"

struct Record {
    RecordType type = RecordType::checkin;
    std::string uuid;
    Instant at;          // a check-in's moment; a session's start
    Instant recorded_at; // when it was written down
    // check-in
    std::optional<int> pain;
    std::optional<int> mood;
    std::optional<double> sleep_hours;
    std::optional<int> sleep_quality;
    // session
    std::optional<int> minutes;
    std::string kind;
    std::string therapist;
    std::optional<int> pain_before;
    // both
    std::vector<std::string> areas;
    std::vector<std::string> tags;
    std::string note;

    bool is_checkin() const noexcept { return type == RecordType::checkin; }
    friend bool operator==(const Record&, const Record&) = default;
};

// Backfilled (docs/methods.md §1): written down more than 24 h after it happened.
bool is_backfilled(const Record& record) noexcept;

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

// The kinds of session offered before a journal has its own: log --help,
// the did-you-mean of a kind, and the completions (relief __complete kind).
inline constexpr std::array<std::string_view, 6> k_usual_kinds = {
    "swedish", "deep-tissue", "myofascial", "trigger-point", "sports", "self"};

struct Field {
    // The CSV header's name, the JSON key and the journal's column.
    std::string_view name;
    FieldKind kind;
    FieldMember member;
    FieldOf of = FieldOf::both;
    // relief log and relief edit: the option ("-p,--pain"; none if empty),
    // its value's name and its line in --help. Messages about a value given
    // by flag name the flag ("sleep-quality").
    std::string_view flag = {};
    std::string_view value_name = {};
    std::string_view help = {};
    // The values offered before the journal has its own (--help, completion).
    std::span<const std::string_view> usual = {};
    // What people read in "Logged …" and "Edited …": the field's label
    // ("sleep quality 7", "minutes 60 → 45"), and in describe() the pattern
    // of its value when it is not "label value" ("{} min"; a session's kind
    // comes first, as its name).
    std::string_view label = {};
    std::string_view described = {};

    // Whether a record of `type` has it (the type itself: every record).
    constexpr bool belongs_to(RecordType type) const noexcept {
        return of == FieldOf::both || (of == FieldOf::checkin) == (type == RecordType::checkin);
    }
    // A value a person gives (not the uuid, the type or a time).
    constexpr bool is_value() const noexcept {
        return kind != FieldKind::uuid && kind != FieldKind::type && kind != FieldKind::instant;
    }
    // The flag's long name without its dashes ("pain-before").
    std::string_view flag_name() const noexcept {
        const std::size_t dashes = flag.rfind("--");
        return dashes == std::string_view::npos ? flag : flag.substr(dashes + 2);
    }
};

// In the order of cli.md's CSV header.
inline constexpr std::array<Field, 15> k_fields = {{
    {.name = "uuid", .kind = FieldKind::uuid, .member = &Record::uuid},
    {.name = "type", .kind = FieldKind::type, .member = &Record::type},
    {.name = "at", .kind = FieldKind::instant, .member = &Record::at},
    {.name = "recorded_at", .kind = FieldKind::instant, .member = &Record::recorded_at},
    {.name = "pain",
     .kind = FieldKind::scale,
     .member = &Record::pain,
     .of = FieldOf::checkin,
     .flag = "-p,--pain",
     .value_name = "0-10",
     .help = "Pain, 0-10 (0 = none, 10 = worst imaginable)",
     .label = "pain"},
    {.name = "mood",
     .kind = FieldKind::scale,
     .member = &Record::mood,
     .of = FieldOf::checkin,
     .flag = "--mood",
     .value_name = "0-10",
     .help = "Mood, 0-10 (10 = best)",
     .label = "mood"},
    {.name = "sleep_hours",
     .kind = FieldKind::hours,
     .member = &Record::sleep_hours,
     .of = FieldOf::checkin,
     .flag = "--sleep",
     .value_name = "HOURS",
     .help = "Hours slept last night, 0-24 (like 7.5)",
     .label = "sleep"},
    {.name = "sleep_quality",
     .kind = FieldKind::scale,
     .member = &Record::sleep_quality,
     .of = FieldOf::checkin,
     .flag = "--sleep-quality",
     .value_name = "0-10",
     .help = "Sleep quality, 0-10 (10 = best)",
     .label = "sleep quality"},
    {.name = "minutes",
     .kind = FieldKind::minutes,
     .member = &Record::minutes,
     .of = FieldOf::session,
     .flag = "-m,--massage",
     .value_name = "MINUTES",
     .help = "A session of MINUTES (1-600) that just ended (or started --at)",
     .label = "minutes",
     .described = "{} min"},
    {.name = "kind",
     .kind = FieldKind::name,
     .member = &Record::kind,
     .of = FieldOf::session,
     .flag = "-k,--kind",
     .value_name = "KIND",
     .help = "Kind of session",
     .usual = k_usual_kinds,
     .label = "kind"},
    {.name = "therapist",
     .kind = FieldKind::person,
     .member = &Record::therapist,
     .of = FieldOf::session,
     .flag = "--therapist",
     .value_name = "NAME",
     .help = "Who gave the session",
     .label = "therapist",
     .described = "with {}"},
    {.name = "pain_before",
     .kind = FieldKind::scale,
     .member = &Record::pain_before,
     .of = FieldOf::session,
     .flag = "--pain-before",
     .value_name = "0-10",
     .help = "Pain just before the session, 0-10",
     .label = "pain before"},
    {.name = "areas",
     .kind = FieldKind::names,
     .member = &Record::areas,
     .flag = "-a,--area",
     .value_name = "AREA",
     .help = "Body area, like lower-back or neck (repeat it, or a,b; \"lower back\" is "
             "lower-back)",
     .label = "areas"},
    {.name = "tags",
     .kind = FieldKind::names,
     .member = &Record::tags,
     .flag = "-t,--tag",
     .value_name = "TAG",
     .help = "A tag, like gardening (repeat it, or a,b)",
     .label = "tags"},
    {.name = "note",
     .kind = FieldKind::text,
     .member = &Record::note,
     .flag = "-n,--note",
     .value_name = "TEXT",
     .help = "A note (or the trailing words); - reads it from standard input, out of sight of "
             "other users and of your shell's history",
     .label = "note"},
}};

// A field's place in k_fields, found when compiling (a name not in the
// table does not compile).
consteval std::size_t field_index(std::string_view name) {
    for (std::size_t i = 0; i < k_fields.size(); ++i) {
        if (k_fields[i].name == name) {
            return i;
        }
    }
    throw "no field of that name in k_fields";
}
// The field of this name (its CSV header name), or nullptr.
const Field* find_field(std::string_view name) noexcept;
// The place of `field`, which is an element of k_fields.
inline std::size_t index_of(const Field& field) noexcept {
    return static_cast<std::size_t>(&field - k_fields.data());
}

} // namespace relief
