#pragma once
// The sentences of the wording rules (docs/methods.md "Wording") that apply
// to a report, as its notes, and the one function that words each of them.
#include "relief/analysis/report.hpp"

#include <string>

namespace relief::analysis {

// Fills report.notes and report.after_sessions.notes.
void add_wording(Report& report);

} // namespace relief::analysis
