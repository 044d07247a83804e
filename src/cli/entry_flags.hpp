#pragma once
// The value flags that `relief log` and `relief edit` share.
#include "relief/core/record/entry.hpp"

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace relief::cli {

// --pain, --mood, --sleep, --sleep-quality, --area, --tag, --note, --at,
// --massage, --kind, --therapist, --pain-before.
void add_entry_flags(CLI::App& cmd, EntryValues& values, const std::string& pain_help);

// Trailing words are the note; giving --note too is an error (InputError).
// --note - reads the note from standard input.
void take_note_words(EntryValues& values, const std::vector<std::string>& words);

} // namespace relief::cli
