#include "relief/core/record/validate.hpp"

#include "relief/core/error.hpp"
#include "relief/core/record/record_format.hpp"
#include "relief/core/text/text.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <type_traits>
#include <variant>

namespace relief {
namespace {

bool has_control(std::string_view text, bool allow_newlines) {
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && !(allow_newlines && (c == '\n' || c == '\t'))) || u == 0x7F) {
            return true;
        }
    }
    return false;
}

int parse_bounded(std::string_view field, std::string_view text, int low, int high,
                  std::string_view what) {
    std::optional<long long> value = parse_integer(trim(text));
    if (!value) {
        // "4.0" is a whole number too (spreadsheets and pandas write them so).
        const auto decimal = parse_decimal(trim(text));
        if (decimal && *decimal == std::floor(*decimal) && std::fabs(*decimal) < 1e9) {
            value = static_cast<long long>(*decimal);
        }
    }
    if (!value || *value < low || *value > high) {
        throw InputError(fmt::format("{} must be {} from {} to {}, got \"{}\"", field, what, low,
                                     high, shown_value(text)));
    }
    return static_cast<int>(*value);
}

} // namespace

long long parse_count(std::string_view field, std::string_view text, long long low,
                      long long high) {
    const auto value = parse_integer(text);
    if (!value || *value < low || *value > high) {
        throw InputError(fmt::format("{} must be a whole number from {} to {}, got \"{}\"", field,
                                     low, high, shown_value(text)));
    }
    return *value;
}

int parse_scale(std::string_view field, std::string_view text) {
    constexpr Bounds b = *bounds_of(FieldKind::scale);
    return parse_bounded(field, text, b.low, b.high, "a whole number");
}

int parse_minutes(std::string_view field, std::string_view text) {
    constexpr Bounds b = *bounds_of(FieldKind::minutes);
    return parse_bounded(field, text, b.low, b.high, "a whole number of minutes");
}

double parse_sleep_hours(std::string_view field, std::string_view text) {
    constexpr Bounds b = *bounds_of(FieldKind::hours);
    const auto value = parse_decimal(trim(text));
    if (!value || *value < b.low || *value > b.high) {
        throw InputError(fmt::format("{} must be a number of hours from {} to {} (like 7.5), "
                                     "got \"{}\"",
                                     field, b.low, b.high, shown_value(text)));
    }
    // Stored to 0.01 h (36 seconds): what export writes back, digit for digit.
    const double rounded = std::round(*value * 100) / 100;
    return rounded == 0 ? 0.0 : rounded; // no "-0"
}

std::string parse_word(std::string_view field, std::string_view text) {
    // A short name: any text on one line but ';', the list separator. Lower
    // case, and blanks inside become one '-' ("Deep  Tissue" → deep-tissue),
    // so that one area or kind is one name however it was typed
    // (docs/methods.md "Names").
    std::string word;
    for (const char c : to_lower(trim(text))) {
        const bool blank = c == ' ';
        if (!blank) {
            word += c;
        } else if (!word.empty() && word.back() != '-') {
            word += '-';
        }
    }
    const bool ok = !word.empty() && word.size() <= k_max_word_bytes && is_valid_utf8(word) &&
                    word.find(';') == std::string::npos && !has_control(word, false);
    if (!ok) {
        throw InputError(fmt::format("{} must be a short name without ';' (like lower-back), at "
                                     "most {} bytes, got \"{}\"",
                                     field, k_max_word_bytes, shown_value(text)));
    }
    return word;
}

std::vector<std::string> parse_word_list(std::string_view field, std::string_view text) {
    std::vector<std::string> words;
    if (trim(text).empty()) {
        return words;
    }
    for (const std::string& part : split(text, ';')) {
        std::string word = parse_word(field, part);
        if (std::find(words.begin(), words.end(), word) == words.end()) {
            words.push_back(std::move(word));
        }
    }
    return words;
}

std::string parse_therapist(std::string_view field, std::string_view text) {
    const std::string_view name = trim(text);
    if (name.size() > k_max_name_bytes || !is_valid_utf8(name) || has_control(name, false)) {
        throw InputError(fmt::format("{} must be a name on one line of at most {} bytes of "
                                     "UTF-8 text, got \"{}\"",
                                     field, k_max_name_bytes, shown_value(name)));
    }
    return std::string(name);
}

std::string parse_note(std::string_view field, std::string_view text) {
    if (!is_valid_utf8(text)) {
        throw InputError(fmt::format("{} is not valid UTF-8 text", field));
    }
    if (text.size() > k_max_note_bytes) {
        throw InputError(fmt::format("{} is too long: {} bytes, at most {} are allowed", field,
                                     text.size(), k_max_note_bytes));
    }
    if (has_control(text, true)) {
        throw InputError(fmt::format("{} contains a control character; only text, tabs and "
                                     "line breaks are allowed",
                                     field));
    }
    return std::string(trim(text));
}

std::string parse_uuid(std::string_view field, std::string_view text) {
    const std::string uuid = to_lower(trim(text));
    bool ok = uuid.size() == 36;
    for (std::size_t i = 0; ok && i < uuid.size(); ++i) {
        const char c = uuid[i];
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        ok = dash ? c == '-' : ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }
    if (!ok) {
        throw InputError(fmt::format("{} must be a UUID like "
                                     "0f8fad5b-d9cb-469f-a165-70867728950e, got \"{}\"",
                                     field, shown_value(text)));
    }
    return uuid;
}

void parse_value(Record& r, const Field& f, std::string_view what, std::string_view text) {
    const bool given = !trim(text).empty();
    std::visit(
        [&](auto member) {
            auto& value = r.*member;
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, std::optional<int>>) {
                value = !given ? std::nullopt
                               : std::optional<int>(f.kind == FieldKind::minutes
                                                        ? parse_minutes(what, text)
                                                        : parse_scale(what, text));
            } else if constexpr (std::is_same_v<T, std::optional<double>>) {
                value = given ? std::optional<double>(parse_sleep_hours(what, text)) : std::nullopt;
            } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                value = parse_word_list(what, text);
            } else if constexpr (std::is_same_v<T, std::string>) {
                if (f.kind == FieldKind::name) {
                    value = given ? parse_word(what, text) : std::string();
                } else if (f.kind == FieldKind::person) {
                    value = parse_therapist(what, text);
                } else if (f.kind == FieldKind::text) {
                    value = parse_note(what, text);
                }
            }
        },
        f.member);
}

namespace {

// "a, b or c" of the names of the fields only `of` records have, and
// whether `r` has a value in any of them (k_fields says which they are).
struct OwnFields {
    std::string names;
    bool any_given = false;
};
OwnFields own_fields(FieldOf of, const Record& r, bool spaced) {
    std::vector<std::string> names;
    OwnFields out;
    for (const Field& f : k_fields) {
        if (f.of == of) {
            std::string name(f.name);
            if (spaced) {
                std::replace(name.begin(), name.end(), '_', ' ');
            }
            names.push_back(std::move(name));
            out.any_given = out.any_given || !field_text(r, f).empty();
        }
    }
    out.names = or_list(names);
    return out;
}

} // namespace

void validate_record(const Record& r) {
    if (r.is_checkin()) {
        if (const OwnFields checkin = own_fields(FieldOf::checkin, r, true); !checkin.any_given) {
            throw InputError("a check-in needs at least one of " + checkin.names);
        }
        if (const OwnFields session = own_fields(FieldOf::session, r, false); session.any_given) {
            throw InputError("a check-in cannot have " + session.names +
                             "; those belong to a session");
        }
    } else if (const OwnFields checkin = own_fields(FieldOf::checkin, r, false);
               checkin.any_given) {
        throw InputError("a session cannot have " + checkin.names +
                         "; log those as a check-in (pain_before is the session's own)");
    }
}

} // namespace relief

namespace relief {

void validate_times(const Record& r, const Instant& now, std::int64_t skew_seconds) {
    const auto refuse = [&](const char* field, const Instant& when) {
        throw InputError(fmt::format("{} {} is in the future (now is {}{}); records can only be "
                                     "about the past",
                                     field, format_iso(when), format_local_minutes(now),
                                     skew_seconds > 0 ? fmt::format(", and a clock may be {} "
                                                                    "minutes ahead",
                                                                    skew_seconds / 60)
                                                      : std::string()));
    };
    if (r.at.utc > now.utc + skew_seconds) {
        refuse("at", r.at);
    }
    if (r.recorded_at.utc > now.utc + skew_seconds) {
        refuse("recorded_at", r.recorded_at);
    }
    if (r.recorded_at.utc < r.at.utc) {
        throw InputError(fmt::format("recorded_at {} is before at {}; an entry cannot be written "
                                     "down before it happens",
                                     format_iso(r.recorded_at), format_iso(r.at)));
    }
}

} // namespace relief
