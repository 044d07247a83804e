#pragma once
// The questions `relief log` asks on a terminal when given no values.
#include "relief/core/config/config.hpp"
#include "relief/core/entry/entry.hpp"

#include <iosfwd>
#include <optional>

namespace relief::cli {

// Asks for each value in turn (a session first, so that its "pain before"
// comes before "pain now"), re-asking after an answer that does not
// validate; an empty answer skips the value; numbers take a decimal comma.
// Returns nullopt when input ends (Ctrl-D): the caller then writes nothing.
// Ctrl-C during the questions ends the process the same way (exit 1). Values already in
// `given` (--area, --note, --at, …) are kept and not asked again.
std::optional<EntryValues> ask_entry_values(std::istream& in, std::ostream& out,
                                            const Config& config, EntryValues given);

} // namespace relief::cli
