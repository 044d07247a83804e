#include "relief/core/record/record_format.hpp"

#include "relief/core/record/record.hpp"
#include "relief/core/text/text.hpp"

#include <fmt/format.h>
#include <type_traits>
#include <variant>

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

std::vector<std::string> field_names() {
    std::vector<std::string> names;
    for (const Field& f : k_fields) {
        names.emplace_back(f.name);
    }
    return names;
}

std::string csv_header() {
    return join(field_names(), ",");
}

std::string field_text(const Record& r, const Field& f) {
    return std::visit(
        [&](auto member) -> std::string {
            const auto& value = r.*member;
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, std::string>) {
                return value;
            } else if constexpr (std::is_same_v<T, RecordType>) {
                return std::string(type_name(value));
            } else if constexpr (std::is_same_v<T, Instant>) {
                return format_iso(value);
            } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                return join(value, ";");
            } else {
                return opt_text(value);
            }
        },
        f.member);
}

std::string csv_row(const Record& r) {
    std::string row;
    for (const Field& f : k_fields) {
        if (&f != &k_fields.front()) {
            row += ',';
        }
        row += csv_field(field_text(r, f));
    }
    row += '\n';
    return row;
}

void write_record_json(JsonWriter& json, const Record& r) {
    json.begin_object();
    for (const Field& f : k_fields) {
        json.key(f.name);
        std::visit(
            [&](auto member) {
                const auto& value = r.*member;
                using T = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<T, std::string>) {
                    // A missing text is null; a uuid is never missing.
                    value.empty() && f.kind != FieldKind::uuid ? json.null() : json.value(value);
                } else if constexpr (std::is_same_v<T, RecordType>) {
                    json.value(type_name(value));
                } else if constexpr (std::is_same_v<T, Instant>) {
                    json.value(format_iso(value));
                } else {
                    json.value(value);
                }
            },
            f.member);
    }
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
    json.key("worthwhile").value(t.worthwhile);
    json.end_object();
}

} // namespace relief
