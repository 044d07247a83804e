#include "relief/core/record/record_format.hpp"

#include "relief/core/text/text.hpp"

#include <fmt/format.h>

namespace relief {
namespace {

template <class T> std::string opt_text(const std::optional<T>& value) {
    if (!value) {
        return {};
    }
    if constexpr (std::is_same_v<T, double>) {
        return format_number(*value);
    } else {
        return std::to_string(*value);
    }
}

} // namespace

std::string csv_field(std::string_view text) {
    const bool needs_quotes = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                              (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!needs_quotes) {
        return std::string(text);
    }
    std::string out = "\"";
    for (const char c : text) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    out += '"';
    return out;
}

std::string csv_row(const Record& r) {
    const std::string fields[] = {
        r.uuid,
        std::string(type_name(r.type)),
        format_iso(r.at),
        format_iso(r.recorded_at),
        opt_text(r.pain),
        opt_text(r.mood),
        opt_text(r.sleep_hours),
        opt_text(r.sleep_quality),
        opt_text(r.minutes),
        r.kind,
        r.therapist,
        opt_text(r.pain_before),
        join(r.areas, ";"),
        join(r.tags, ";"),
        r.note,
    };
    std::string row;
    for (const std::string& field : fields) {
        if (!row.empty() || &field != &fields[0]) {
            row += ',';
        }
        row += csv_field(field);
    }
    row += '\n';
    return row;
}

void write_record_json(JsonWriter& json, const Record& r) {
    const auto text_or_null = [&](std::string_view key, const std::string& text) {
        json.key(key);
        text.empty() ? json.null() : json.value(text);
    };
    json.begin_object();
    json.key("uuid").value(r.uuid);
    json.key("type").value(type_name(r.type));
    json.key("at").value(format_iso(r.at));
    json.key("recorded_at").value(format_iso(r.recorded_at));
    json.key("pain").value(r.pain);
    json.key("mood").value(r.mood);
    json.key("sleep_hours").value(r.sleep_hours);
    json.key("sleep_quality").value(r.sleep_quality);
    json.key("minutes").value(r.minutes);
    text_or_null("kind", r.kind);
    text_or_null("therapist", r.therapist);
    json.key("pain_before").value(r.pain_before);
    json.key("areas").value(r.areas);
    json.key("tags").value(r.tags);
    text_or_null("note", r.note);
    json.end_object();
}

void write_trial_json(JsonWriter& json, const TrialEntry& t) {
    json.begin_object();
    json.key("id").value(t.id).key("start").value(format_date(t.start));
    json.key("pairs").value(t.pairs).key("seed").value(fmt::format("0x{:016x}", t.seed));
    json.key("seed_chosen").value(t.seed_chosen).key("stopped_on");
    if (t.stopped_on) {
        json.value(format_date(*t.stopped_on));
    } else {
        json.null();
    }
    json.key("started_at").value(format_iso(Instant{t.started_utc, 0}));
    json.end_object();
}

} // namespace relief
