#pragma once
// The value flags that `relief log` and `relief edit` share.
#include "relief/core/entry/entry.hpp"
#include "relief/store/journal.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace relief::cli {

// The flags of every field that has one (k_fields: --pain, --mood, …,
// --area, --tag, --note), and --at.
void add_entry_flags(CLI::App& cmd, EntryValues& values);

// Trailing words are the note; giving --note too is an error (InputError).
// --note - reads the note from standard input.
void take_note_words(EntryValues& values, const std::vector<std::string>& words);

// For each kind, area and tag of `record` that the journal has never seen but
// one edit away from one it has ("deeptissue", "deep-tissue"): a note with
// the name meant. The record is kept as typed; a new name may be meant.
std::vector<std::string> name_typo_notes(const Journal& journal, const Record& record);

} // namespace relief::cli
