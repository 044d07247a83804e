#pragma once
// What a `relief log` (or `relief edit`) invocation means: raw text values as
// typed, turned into validated records. Pure: no I/O, the clock is passed in.
#include "relief/core/config/config.hpp"
#include "relief/core/record/record.hpp"
#include "relief/core/time/when.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relief {

// The values of one command line, as typed, for the fields that have a flag
// (k_fields): nullopt for a flag not given, and for a list field (areas,
// tags) each value given, in order.
struct EntryValues {
    std::array<std::optional<std::string>, k_fields.size()> text{};
    std::array<std::vector<std::string>, k_fields.size()> lists{};
    std::optional<std::string> at; // --at: when (for a session, its start)

    // The text or list of the field named `field` (its CSV name: "pain",
    // "sleep_hours"); std::logic_error for a name not in k_fields.
    std::optional<std::string>& operator[](std::string_view field);
    const std::optional<std::string>& operator[](std::string_view field) const;
    std::vector<std::string>& list(std::string_view field);
    const std::vector<std::string>& list(std::string_view field) const;

    // Whether the field was given a value (a list: at least one).
    bool has(const Field& field) const noexcept;
    // Whether any field that only a check-in (a session) has was given.
    bool has_checkin_values() const noexcept { return has_values_of(FieldOf::checkin); }
    // --massage, --kind, --therapist or --pain-before: a session is meant.
    bool has_session_values() const noexcept { return has_values_of(FieldOf::session); }
    bool has_values_of(FieldOf of) const noexcept;
};

// The records one `relief log` writes: a session, a check-in, or both
// (session first). Without --at a session is taken to have just ended
// (start = now − minutes); with --at, WHEN is its start. A check-in logged
// with a session is stamped at the session's end (at most now), so that it
// counts as "after the session". Areas, tags and note go with every record.
// Throws InputError.
// Why there is nothing to log: the usual hint, or for `relief log 4` (a
// note of just a number from 0 to 10) "did you mean relief log --pain 4?".
std::string nothing_to_log(const EntryValues& values);
std::optional<int> note_is_a_pain_value(const EntryValues& values);

std::vector<Record> make_log_records(const EntryValues& values, const Config& config,
                                     const Instant& now);

// Applies the given values to an existing record (`relief edit`): only what
// was given changes; an empty text clears an optional field. Throws InputError.
void apply_values(Record& record, const EntryValues& values, const Today& today);

// "pain 4, mood 6, sleep 7.5 h" / "deep-tissue, 60 min, pain before 6"
std::string describe(const Record& record);

// The first 8 characters of a uuid: what people type and see.
std::string short_id(const std::string& uuid);

// describe() and everything else stored (areas, tags, the note), so that what
// `relief log` says it logged shows a mistake at once.
std::string describe_all(const Record& record);
// A note on one line, at most 40 characters ("..." when cut).
std::string clip_note(const std::string& note);
// Only the fields that differ: "pain 4 → 3; note \"a\" → \"b\"".
std::string describe_changes(const Record& before, const Record& after);

} // namespace relief
