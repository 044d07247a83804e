#include "relief/record_fields.hpp"

#include <fmt/format.h>

#include "relief/error.hpp"
#include "relief/text.hpp"
#include "relief/uuid.hpp"
#include "relief/validate.hpp"
#include "relief/zone.hpp"

namespace relief {
namespace {

constexpr std::array<std::string_view, k_column_count> k_names = {
    "uuid",          "type",    "at",   "recorded_at", "pain",
    "mood",          "sleep_hours", "sleep_quality", "minutes", "kind",
    "therapist",     "pain_before", "areas", "tags",  "note"};

Instant parse_instant(std::string_view field, std::string_view text) {
    const auto iso = parse_iso(trim(text));
    if (!iso) {
        throw InputError(fmt::format("{} must be an ISO 8601 date-time like "
                                     "2026-11-20T20:00:00-05:00, got \"{}\"",
                                     field, shown_value(text)));
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

std::optional<Column> column_by_name(std::string_view name) noexcept {
    for (std::size_t i = 0; i < k_names.size(); ++i) {
        if (k_names[i] == name) {
            return static_cast<Column>(i);
        }
    }
    return std::nullopt;
}

Record record_from_fields(const RecordFields& fields) {
    const auto text = [&](Column c) -> std::string_view {
        const auto& v = fields[static_cast<std::size_t>(c)];
        return v ? std::string_view(*v) : std::string_view();
    };
    const auto given = [&](Column c) { return !trim(text(c)).empty(); };
    const auto scale = [&](Column c) {
        return given(c) ? std::optional<int>(parse_scale(column_name(c), text(c))) : std::nullopt;
    };

    Record r;
    const std::string type = to_lower(trim(text(Column::type)));
    if (type == "checkin") {
        r.type = RecordType::checkin;
    } else if (type == "session") {
        r.type = RecordType::session;
    } else {
        throw InputError(fmt::format("type must be checkin or session, got \"{}\"",
                                     shown_value(text(Column::type))));
    }
    r.uuid = given(Column::uuid) ? parse_uuid("uuid", text(Column::uuid)) : new_uuid();
    if (!given(Column::at)) {
        throw InputError("at is missing; every record needs its date-time");
    }
    r.at = parse_instant("at", text(Column::at));
    r.recorded_at =
        given(Column::recorded_at) ? parse_instant("recorded_at", text(Column::recorded_at)) : r.at;
    r.pain = scale(Column::pain);
    r.mood = scale(Column::mood);
    if (given(Column::sleep_hours)) {
        r.sleep_hours = parse_sleep_hours("sleep_hours", text(Column::sleep_hours));
    }
    r.sleep_quality = scale(Column::sleep_quality);
    if (given(Column::minutes)) {
        r.minutes = parse_minutes("minutes", text(Column::minutes));
    }
    if (given(Column::kind)) {
        r.kind = parse_word("kind", text(Column::kind));
    }
    r.therapist = parse_therapist("therapist", text(Column::therapist));
    r.pain_before = scale(Column::pain_before);
    r.areas = parse_word_list("areas", text(Column::areas));
    r.tags = parse_word_list("tags", text(Column::tags));
    r.note = parse_note("note", text(Column::note));
    validate_record(r);
    return r;
}

} // namespace relief
