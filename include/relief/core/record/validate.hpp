#pragma once
// Turning user text into record fields. Every failure throws InputError with
// one line that names the field, the value and what is allowed, e.g.
//   pain must be a whole number from 0 to 10, got "11"
// `field` is the name the user typed it under (a flag or a CSV column).
#include "relief/core/record/record.hpp"
#include "relief/core/time/instant.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace relief {

inline constexpr std::size_t k_max_note_bytes = 4000;
inline constexpr std::size_t k_max_name_bytes = 100; // therapist
inline constexpr std::size_t k_max_word_bytes = 40;  // kind, area, tag

// A count given to a flag (--weeks, --seed, --limit): plain digits, exactly as
// typed, within [low, high]; "FIELD must be a whole number from LOW to HIGH, got "X"".
long long parse_count(std::string_view field, std::string_view text, long long low, long long high);

inline constexpr long long k_max_weeks = 520;
inline constexpr long long k_max_seed = 999999999999999999; // 18 digits

int parse_scale(std::string_view field, std::string_view text);          // 0–10
double parse_sleep_hours(std::string_view field, std::string_view text); // 0–24
int parse_minutes(std::string_view field, std::string_view text);        // 1–600
// kind, area, tag: a short name, lower-cased, spaces inside made one '-'
// ("Deep tissue" → deep-tissue); no ';' (the list separator).
std::string parse_word(std::string_view field, std::string_view text);
// "lower-back;neck" -> {"lower-back", "neck"}; duplicates dropped, order kept.
std::vector<std::string> parse_word_list(std::string_view field, std::string_view text);
std::string parse_therapist(std::string_view field, std::string_view text);
// Never echoes the note itself: it is private and may be huge.
std::string parse_note(std::string_view field, std::string_view text);
std::string parse_uuid(std::string_view field, std::string_view text);

// Sets a value field of `record` (Field::is_value) from
// its text, read by the field's kind with the parser above; an empty text
// leaves it missing. Messages name it `what` (the flag or the column).
void parse_value(Record& record, const Field& field, std::string_view what, std::string_view text);

// The rules that tie fields together: a check-in has at least one of pain,
// mood, sleep hours, sleep quality and no session fields; a session has no
// check-in fields. Throws InputError.
void validate_record(const Record& record);

// The rules `relief log` applies to time, for records from elsewhere (import):
// nothing after `now` (an entry is about the past), and recorded_at not
// before at (nothing is written down before it happens). An import allows
// k_import_clock_skew_seconds ahead: an export from a phone or laptop whose
// clock runs a few minutes fast must still come in (`log --at` allows none).
inline constexpr std::int64_t k_import_clock_skew_seconds = 5 * 60;
void validate_times(const Record& record, const Instant& now, std::int64_t skew_seconds = 0);

} // namespace relief
