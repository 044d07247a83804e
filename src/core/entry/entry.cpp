#include "relief/core/entry/entry.hpp"

#include "relief/core/error.hpp"
#include "relief/core/record/record_format.hpp"
#include "relief/core/record/validate.hpp"
#include "relief/core/text/text.hpp"
#include "relief/core/text/uuid.hpp"
#include "relief/core/time/when.hpp"
#include "relief/core/time/zone.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <stdexcept>
#include <variant>

namespace relief {
namespace {

std::vector<std::string> words_from(const std::vector<std::string>& given, std::string_view field) {
    // Each value may itself be a list ("--area lower-back,neck" or "a;b").
    std::vector<std::string> out;
    for (std::string value : given) {
        std::replace(value.begin(), value.end(), ',', ';');
        for (std::string& word : parse_word_list(field, value)) {
            if (std::find(out.begin(), out.end(), word) == out.end()) {
                out.push_back(std::move(word));
            }
        }
    }
    return out;
}

// Sets the fields of `of` that were given (an empty text clears one); a
// field given by flag is named by it in messages ("sleep-quality must be …").
void apply_fields(Record& r, const EntryValues& v, FieldOf of) {
    for (const Field& f : k_fields) {
        if (f.of != of || f.flag.empty() || !v.has(f)) {
            continue;
        }
        const std::size_t i = index_of(f);
        if (f.kind == FieldKind::names) {
            r.*std::get<std::vector<std::string> Record::*>(f.member) =
                words_from(v.lists[i], f.flag_name());
        } else {
            // A decimal comma is a decimal point ("7,5" hours).
            parse_value(r, f, f.flag_name(),
                        f.kind == FieldKind::hours ? with_decimal_point(*v.text[i]) : *v.text[i]);
        }
    }
}

FieldOf own_fields(RecordType type) {
    return type == RecordType::checkin ? FieldOf::checkin : FieldOf::session;
}

// "--pain, --mood, …": the long flags of the fields of `of`.
std::vector<std::string> flags_of(FieldOf of) {
    std::vector<std::string> flags;
    for (const Field& f : k_fields) {
        if (f.of == of && !f.flag.empty()) {
            flags.push_back("--" + std::string(f.flag_name()));
        }
    }
    return flags;
}

const Field& field_named(std::string_view name) {
    const Field* field = find_field(name);
    if (!field) {
        throw std::logic_error("no field named " + std::string(name));
    }
    return *field;
}

// --at is when a session began: one that ends after now has not happened.
void refuse_session_ending_after(const Record& session, const Instant& now) {
    const std::int64_t length = std::int64_t{session.minutes.value_or(0)} * 60;
    if (session.at.utc + length <= now.utc) {
        return;
    }
    throw InputError(fmt::format(
        "a session from {} for {} ends at {}, in the future (now is {}); entries can "
        "only be logged for the past (--at is when the session began)",
        format_local_minutes(session.at), count_of(length / 60, "minute"),
        format_local_minutes(Instant{session.at.utc + length, session.at.offset_minutes}),
        format_local_minutes(now)));
}

} // namespace

std::optional<int> note_is_a_pain_value(const EntryValues& v) {
    // `relief log 4`: the number became the note, and a value was meant.
    const std::optional<std::string>& note = v["note"];
    const auto number = note ? parse_integer(trim(*note)) : std::nullopt;
    if (number && *number >= 0 && *number <= 10) {
        return static_cast<int>(*number);
    }
    return std::nullopt;
}

std::optional<std::string>& EntryValues::operator[](std::string_view field) {
    return text[index_of(field_named(field))];
}

const std::optional<std::string>& EntryValues::operator[](std::string_view field) const {
    return text[index_of(field_named(field))];
}

std::vector<std::string>& EntryValues::list(std::string_view field) {
    return lists[index_of(field_named(field))];
}

const std::vector<std::string>& EntryValues::list(std::string_view field) const {
    return lists[index_of(field_named(field))];
}

bool EntryValues::has(const Field& field) const noexcept {
    const std::size_t i = index_of(field);
    return field.kind == FieldKind::names ? !lists[i].empty() : text[i].has_value();
}

bool EntryValues::has_values_of(FieldOf of) const noexcept {
    return std::any_of(k_fields.begin(), k_fields.end(),
                       [&](const Field& f) { return f.of == of && has(f); });
}

std::string nothing_to_log(const EntryValues& v) {
    if (const auto number = note_is_a_pain_value(v)) {
        return fmt::format("nothing to log: \"{}\" alone would be the note; did you mean "
                           "relief log --pain {}?",
                           *number, *number);
    }
    // A session is logged by its length (or kind): the usual way is named.
    const Field& length = k_fields[field_index("minutes")];
    std::vector<std::string> ways = flags_of(FieldOf::checkin);
    ways.push_back(fmt::format("--{} {}", length.flag_name(), length.value_name));
    return fmt::format("nothing to log: give at least one of {} (see relief log --help)",
                       or_list(ways));
}

std::vector<Record> make_log_records(const EntryValues& v, const Config& config,
                                     const Instant& now) {
    if (!v.has_checkin_values() && !v.has_session_values()) {
        throw InputError(nothing_to_log(v));
    }
    // A session is logged by its length or kind: --pain-before or
    // --therapist alone would make a second, empty session of the visit.
    if (v.has_session_values() && !v["minutes"] && !v["kind"]) {
        throw InputError("--pain-before and --therapist belong to a session: log them with it, "
                         "after the massage (relief log --massage 60 --pain-before 6 --pain 3)");
    }
    const std::optional<Instant> at =
        v.at ? std::optional<Instant>(
                   parse_when("--at", *v.at, Today{now, config.day_start_minutes}))
             : std::nullopt;
    std::vector<Record> records;

    std::int64_t session_end = now.utc;
    if (v.has_session_values()) {
        Record session;
        session.type = RecordType::session;
        session.minutes = config.default_minutes;
        session.kind = config.default_kind;
        apply_fields(session, v, FieldOf::session);
        apply_fields(session, v, FieldOf::both);
        const std::int64_t length = std::int64_t{session.minutes.value_or(0)} * 60;
        session.at = at ? *at : Instant{now.utc - length, local_offset_at(now.utc - length)};
        refuse_session_ending_after(session, now);
        session_end = session.at.utc + length;
        records.push_back(std::move(session));
    }
    if (v.has_checkin_values()) {
        Record checkin;
        checkin.type = RecordType::checkin;
        apply_fields(checkin, v, FieldOf::checkin);
        apply_fields(checkin, v, FieldOf::both);
        if (v.has_session_values()) {
            checkin.at = Instant{session_end, local_offset_at(session_end)};
        } else {
            checkin.at = at ? *at : now;
        }
        records.push_back(std::move(checkin));
    }
    for (Record& r : records) {
        r.uuid = new_uuid();
        r.recorded_at = now;
        validate_record(r);
    }
    return records;
}

void apply_values(Record& record, const EntryValues& v, const Today& today) {
    if (record.is_checkin() && v.has_session_values()) {
        throw InputError(and_list(flags_of(FieldOf::session)) +
                         " belong to a session; this record is a check-in");
    }
    if (!record.is_checkin() && v.has_checkin_values()) {
        throw InputError(and_list(flags_of(FieldOf::checkin)) +
                         " belong to a check-in; this record is a session");
    }
    if (v.at) {
        record.at = parse_when("--at", *v.at, today);
    }
    apply_fields(record, v, own_fields(record.type));
    apply_fields(record, v, FieldOf::both);
    if (!record.is_checkin() && (v.at || v["minutes"])) {
        refuse_session_ending_after(record, today.now);
    }
    validate_record(record);
}

namespace {

// A field's value as people read it ("7.5 h", "lower-back, neck", a note
// quoted and clipped); "" when missing.
std::string shown_text(const Record& r, const Field& f) {
    const std::string text = field_text(r, f);
    if (text.empty()) {
        return text;
    }
    switch (f.kind) {
    case FieldKind::hours:
        return text + " h";
    case FieldKind::names:
        return join(split(text, ';'), ", ");
    case FieldKind::text:
        return "\"" + clip_note(text) + "\"";
    default:
        return text;
    }
}

// Each given value of the fields of `of`: "label value", or the field's own pattern.
void describe_fields(const Record& r, FieldOf of, std::vector<std::string>& parts) {
    for (const Field& f : k_fields) {
        const std::string value = f.of == of && f.is_value() ? shown_text(r, f) : "";
        if (value.empty() || (f.kind == FieldKind::name && of == FieldOf::session)) {
            continue;
        }
        parts.push_back(f.described.empty()
                            ? fmt::format("{} {}", f.label, value)
                            : fmt::format(fmt::runtime(std::string(f.described)), value));
    }
}

} // namespace

std::string describe(const Record& r) {
    std::vector<std::string> parts;
    if (!r.is_checkin()) {
        parts.push_back(r.kind.empty() ? std::string("session") : r.kind); // named by its kind
    }
    describe_fields(r, own_fields(r.type), parts);
    return join(parts, ", ");
}

std::string describe_all(const Record& r) {
    std::vector<std::string> parts{describe(r)};
    describe_fields(r, FieldOf::both, parts);
    return join(parts, "; ");
}

std::string clip_note(const std::string& note) {
    std::string line = note;
    std::replace(line.begin(), line.end(), '\n', ' ');
    if (line.size() <= 40) {
        return line;
    }
    std::size_t cut = 37;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) {
        --cut; // not inside a UTF-8 character
    }
    return line.substr(0, cut) + "...";
}

std::string describe_changes(const Record& before, const Record& after) {
    std::vector<std::string> parts;
    const auto field = [&](std::string_view name, const std::string& a, const std::string& b) {
        if (a != b) {
            parts.push_back(
                fmt::format("{} {} → {}", name, a.empty() ? "none" : a, b.empty() ? "none" : b));
        }
    };
    for (const Field& f : k_fields) {
        if (f.is_value()) {
            field(f.label, shown_text(before, f), shown_text(after, f));
        }
    }
    if (before.at.utc != after.at.utc || before.at.offset_minutes != after.at.offset_minutes) {
        field("time", format_local_minutes(before.at), format_local_minutes(after.at));
    }
    return parts.empty() ? std::string("nothing changed") : join(parts, "; ");
}

std::string short_id(const std::string& uuid) {
    return uuid.substr(0, 8);
}

} // namespace relief
