#include "relief/entry.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "relief/error.hpp"
#include "relief/text.hpp"
#include "relief/uuid.hpp"
#include "relief/validate.hpp"
#include "relief/when.hpp"
#include "relief/zone.hpp"

namespace relief {
namespace {

std::vector<std::string> words_from(const std::vector<std::string>& given,
                                    std::string_view field) {
    // Each value may itself be a ;-list ("--area lower-back;neck").
    std::vector<std::string> out;
    for (const std::string& value : given) {
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
    set_optional(r.sleep_hours, v.sleep,
                 [](const std::string& t) { return parse_sleep_hours("sleep", t); });
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

std::vector<Record> make_log_records(const EntryValues& v, const Config& config,
                                     const Instant& now) {
    if (!v.has_checkin_values() && !v.has_session_values()) {
        throw InputError("nothing to log: give at least one of --pain, --mood, --sleep, "
                         "--sleep-quality or --massage MINUTES (see relief log --help)");
    }
    const std::optional<Instant> at =
        v.at ? std::optional<Instant>(parse_when("--at", *v.at, now)) : std::nullopt;
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
        session_end = std::min(session.at.utc + length, now.utc);
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

void apply_values(Record& record, const EntryValues& v, const Instant& now) {
    if (record.is_checkin() && v.has_session_values()) {
        throw InputError("--massage, --kind, --therapist and --pain-before belong to a session; "
                         "this record is a check-in");
    }
    if (!record.is_checkin() && v.has_checkin_values()) {
        throw InputError("--pain, --mood, --sleep and --sleep-quality belong to a check-in; "
                         "this record is a session");
    }
    if (v.at) {
        record.at = parse_when("--at", *v.at, now);
    }
    record.is_checkin() ? apply_checkin(record, v) : apply_session(record, v);
    apply_shared(record, v);
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

std::string short_id(const std::string& uuid) { return uuid.substr(0, 8); }

} // namespace relief
