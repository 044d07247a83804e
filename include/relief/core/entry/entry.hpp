#pragma once
// What a `relief log` (or `relief edit`) invocation means: raw text values as
// typed, turned into validated records. Pure: no I/O, the clock is passed in.
#include "relief/core/config/config.hpp"
#include "relief/core/record/record.hpp"
#include "relief/core/time/when.hpp"

#include <optional>
#include <string>
#include <vector>

namespace relief {

struct EntryValues {
    std::optional<std::string> pain, mood, sleep, sleep_quality;      // check-in
    std::optional<std::string> massage, kind, therapist, pain_before; // session
    std::optional<std::string> note, at;
    std::vector<std::string> areas, tags;

    bool has_checkin_values() const noexcept { return pain || mood || sleep || sleep_quality; }
    // --massage, --kind, --therapist or --pain-before: a session is meant.
    bool has_session_values() const noexcept { return massage || kind || therapist || pain_before; }
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
