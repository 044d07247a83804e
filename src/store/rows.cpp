#include "rows.hpp"

#include "relief/core/text/text.hpp"

namespace relief::store {

namespace {

// The one list of a record's columns: every table that holds records (checkin,
// session, shelved, undone_version) names them so, and every list below is
// made from these. A check-in stores the first group, a session the second.
constexpr const char* k_first = "uuid, at_utc, at_offset, recorded_utc, recorded_offset";
constexpr const char* k_checkin_values = "pain, mood, sleep_hours, sleep_quality";
constexpr const char* k_session_values = "minutes, kind, therapist, pain_before";
constexpr const char* k_last = "areas, tags, note";
constexpr const char* k_nulls = "NULL, NULL, NULL, NULL"; // the other type's four values

} // namespace

const std::string k_checkin_columns =
    join({"'checkin'", k_first, k_checkin_values, k_nulls, k_last}, ", ");
const std::string k_session_columns =
    join({"'session'", k_first, k_nulls, k_session_values, k_last}, ", ");
const std::string k_shelved_columns =
    join({"type", k_first, k_checkin_values, k_session_values, k_last}, ", ");

std::string stored_columns(RecordType type) {
    return join(
        {k_first, type == RecordType::checkin ? k_checkin_values : k_session_values, k_last}, ", ");
}

namespace {

std::optional<int> opt_int(const SQLite::Column& c) {
    return c.isNull() ? std::nullopt : std::optional<int>(c.getInt());
}

std::vector<std::string> words(const SQLite::Column& c) {
    if (c.isNull() || c.getString().empty()) {
        return {};
    }
    return split(c.getString(), ';');
}

template <class T> void bind_opt(SQLite::Statement& s, int index, const std::optional<T>& v) {
    if (v) {
        s.bind(index, *v);
    } else {
        s.bind(index);
    }
}

void bind_text(SQLite::Statement& s, int index, const std::string& text) {
    if (text.empty()) {
        s.bind(index); // empty = missing (cli.md)
    } else {
        s.bind(index, text);
    }
}

} // namespace

Record read_record(const SQLite::Statement& row, int c) {
    Record r;
    r.type = row.getColumn(c).getString() == "session" ? RecordType::session : RecordType::checkin;
    r.uuid = row.getColumn(c + 1).getString();
    r.at = Instant{row.getColumn(c + 2).getInt64(), row.getColumn(c + 3).getInt()};
    r.recorded_at = Instant{row.getColumn(c + 4).getInt64(), row.getColumn(c + 5).getInt()};
    r.pain = opt_int(row.getColumn(c + 6));
    r.mood = opt_int(row.getColumn(c + 7));
    if (!row.getColumn(c + 8).isNull()) {
        r.sleep_hours = row.getColumn(c + 8).getDouble();
    }
    r.sleep_quality = opt_int(row.getColumn(c + 9));
    r.minutes = opt_int(row.getColumn(c + 10));
    r.kind = row.getColumn(c + 11).getString();
    r.therapist = row.getColumn(c + 12).getString();
    r.pain_before = opt_int(row.getColumn(c + 13));
    r.areas = words(row.getColumn(c + 14));
    r.tags = words(row.getColumn(c + 15));
    r.note = row.getColumn(c + 16).getString();
    return r;
}

void bind_record(SQLite::Statement& s, const Record& r, std::int64_t step) {
    s.bind(1, r.uuid);
    s.bind(2, r.at.utc);
    s.bind(3, r.at.offset_minutes);
    s.bind(4, r.recorded_at.utc);
    s.bind(5, r.recorded_at.offset_minutes);
    int i = 6;
    if (r.is_checkin()) {
        bind_opt(s, i++, r.pain);
        bind_opt(s, i++, r.mood);
        bind_opt(s, i++, r.sleep_hours);
        bind_opt(s, i++, r.sleep_quality);
    } else {
        bind_opt(s, i++, r.minutes);
        bind_text(s, i++, r.kind);
        bind_text(s, i++, r.therapist);
        bind_opt(s, i++, r.pain_before);
    }
    bind_text(s, i++, join(r.areas, ";"));
    bind_text(s, i++, join(r.tags, ";"));
    bind_text(s, i++, r.note);
    s.bind(i, step);
}

} // namespace relief::store
