#include "relief/core/entry/entry.hpp"

#include "relief/core/error.hpp"
#include "relief/core/record/validate.hpp"
#include "relief/core/text/text.hpp"
#include "relief/core/text/uuid.hpp"
#include "relief/core/time/when.hpp"
#include "relief/core/time/zone.hpp"

#include <algorithm>
#include <fmt/format.h>

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

template <class T, class Parse>
void set_optional(std::optional<T>& field, const std::optional<std::string>& text, Parse parse) {
    if (text) {
        field = trim(*text).empty() ? std::nullopt : std::optional<T>(parse(*text));
    }
}

void apply_checkin(Record& r, const EntryValues& v) {
    set_optional(r.pain, v.pain, [](const std::string& t) { return parse_scale("pain", t); });
    set_optional(r.mood, v.mood, [](const std::string& t) { return parse_scale("mood", t); });
    set_optional(r.sleep_hours, v.sleep, [](const std::string& t) {
        return parse_sleep_hours("sleep", with_decimal_point(t));
    });
    set_optional(r.sleep_quality, v.sleep_quality,
                 [](const std::string& t) { return parse_scale("sleep-quality", t); });
}

void apply_session(Record& r, const EntryValues& v) {
    set_optional(r.minutes, v.massage,
                 [](const std::string& t) { return parse_minutes("massage", t); });
    if (v.kind) {
        r.kind = trim(*v.kind).empty() ? std::string() : parse_word("kind", *v.kind);
    }
    if (v.therapist) {
        r.therapist = parse_therapist("therapist", *v.therapist);
    }
    set_optional(r.pain_before, v.pain_before,
                 [](const std::string& t) { return parse_scale("pain-before", t); });
}

void apply_shared(Record& r, const EntryValues& v) {
    if (!v.areas.empty()) {
        r.areas = words_from(v.areas, "area");
    }
    if (!v.tags.empty()) {
        r.tags = words_from(v.tags, "tag");
    }
    if (v.note) {
        r.note = parse_note("note", *v.note);
    }
}

} // namespace

namespace {

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
    const auto number = v.note ? parse_integer(trim(*v.note)) : std::nullopt;
    if (number && *number >= 0 && *number <= 10) {
        return static_cast<int>(*number);
    }
    return std::nullopt;
}

std::string nothing_to_log(const EntryValues& v) {
    if (const auto number = note_is_a_pain_value(v)) {
        return fmt::format("nothing to log: \"{}\" alone would be the note; did you mean "
                           "relief log --pain {}?",
                           *number, *number);
    }
    return "nothing to log: give at least one of --pain, --mood, --sleep, --sleep-quality or "
           "--massage MINUTES (see relief log --help)";
}

std::vector<Record> make_log_records(const EntryValues& v, const Config& config,
                                     const Instant& now) {
    if (!v.has_checkin_values() && !v.has_session_values()) {
        throw InputError(nothing_to_log(v));
    }
    // A session is logged by its length or kind: --pain-before or
    // --therapist alone would make a second, empty session of the visit.
    if ((v.pain_before || v.therapist) && !v.massage && !v.kind) {
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
        apply_session(session, v);
        apply_shared(session, v);
        const std::int64_t length = std::int64_t{session.minutes.value_or(0)} * 60;
        session.at = at ? *at : Instant{now.utc - length, local_offset_at(now.utc - length)};
        refuse_session_ending_after(session, now);
        session_end = session.at.utc + length;
        records.push_back(std::move(session));
    }
    if (v.has_checkin_values()) {
        Record checkin;
        checkin.type = RecordType::checkin;
        apply_checkin(checkin, v);
        apply_shared(checkin, v);
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
        throw InputError("--massage, --kind, --therapist and --pain-before belong to a session; "
                         "this record is a check-in");
    }
    if (!record.is_checkin() && v.has_checkin_values()) {
        throw InputError("--pain, --mood, --sleep and --sleep-quality belong to a check-in; "
                         "this record is a session");
    }
    if (v.at) {
        record.at = parse_when("--at", *v.at, today);
    }
    record.is_checkin() ? apply_checkin(record, v) : apply_session(record, v);
    apply_shared(record, v);
    if (!record.is_checkin() && (v.at || v.massage)) {
        refuse_session_ending_after(record, today.now);
    }
    validate_record(record);
}

std::string describe(const Record& r) {
    std::vector<std::string> parts;
    if (r.is_checkin()) {
        if (r.pain) {
            parts.push_back(fmt::format("pain {}", *r.pain));
        }
        if (r.mood) {
            parts.push_back(fmt::format("mood {}", *r.mood));
        }
        if (r.sleep_hours) {
            parts.push_back(fmt::format("sleep {} h", format_number(*r.sleep_hours)));
        }
        if (r.sleep_quality) {
            parts.push_back(fmt::format("sleep quality {}", *r.sleep_quality));
        }
    } else {
        parts.push_back(r.kind.empty() ? std::string("session") : r.kind);
        if (r.minutes) {
            parts.push_back(fmt::format("{} min", *r.minutes));
        }
        if (!r.therapist.empty()) {
            parts.push_back(fmt::format("with {}", r.therapist));
        }
        if (r.pain_before) {
            parts.push_back(fmt::format("pain before {}", *r.pain_before));
        }
    }
    return join(parts, ", ");
}

std::string describe_all(const Record& r) {
    std::vector<std::string> parts{describe(r)};
    if (!r.areas.empty()) {
        parts.push_back("areas " + join(r.areas, ", "));
    }
    if (!r.tags.empty()) {
        parts.push_back("tags " + join(r.tags, ", "));
    }
    if (!r.note.empty()) {
        parts.push_back(fmt::format("note \"{}\"", clip_note(r.note)));
    }
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
    const auto field = [&](const std::string& name, const std::string& a, const std::string& b) {
        if (a != b) {
            parts.push_back(
                fmt::format("{} {} → {}", name, a.empty() ? "none" : a, b.empty() ? "none" : b));
        }
    };
    const auto opt = [](const auto& v) { return v ? fmt::format("{}", *v) : std::string(); };
    field("pain", opt(before.pain), opt(after.pain));
    field("mood", opt(before.mood), opt(after.mood));
    field("sleep", before.sleep_hours ? format_number(*before.sleep_hours) + " h" : "",
          after.sleep_hours ? format_number(*after.sleep_hours) + " h" : "");
    field("sleep quality", opt(before.sleep_quality), opt(after.sleep_quality));
    field("minutes", opt(before.minutes), opt(after.minutes));
    field("kind", before.kind, after.kind);
    field("therapist", before.therapist, after.therapist);
    field("pain before", opt(before.pain_before), opt(after.pain_before));
    field("areas", join(before.areas, ", "), join(after.areas, ", "));
    field("tags", join(before.tags, ", "), join(after.tags, ", "));
    field("note", before.note.empty() ? "" : "\"" + clip_note(before.note) + "\"",
          after.note.empty() ? "" : "\"" + clip_note(after.note) + "\"");
    if (before.at.utc != after.at.utc || before.at.offset_minutes != after.at.offset_minutes) {
        field("time", format_local_minutes(before.at), format_local_minutes(after.at));
    }
    return parts.empty() ? std::string("nothing changed") : join(parts, "; ");
}

std::string short_id(const std::string& uuid) {
    return uuid.substr(0, 8);
}

} // namespace relief
