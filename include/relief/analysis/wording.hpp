#pragma once
// The one place a note of the report is put into words (docs/methods.md
// "Wording"): JSON's notes and every renderer take their sentences from here.
#include "relief/analysis/report.hpp"

#include <string>

namespace relief::analysis {

std::string note_text(const Note& note);

// "relief (at least 1 point below the pre-session level) lasted through day +2"
std::string relief_duration_sentence(double theta, int from, int days, bool censored);

} // namespace relief::analysis
