#pragma once
// `relief report` for people: the answer first, 80 columns, bars and a lag chart.
#include "relief/analysis/report.hpp"

#include <string>

namespace relief::render {

struct TextStyle {
    bool unicode = true;  // block characters; otherwise plain ASCII
    bool color = false;   // ANSI colour for headings and verdicts
    bool verbose = false; // also lags with n < 3
    bool details = false; // the statistical lines, each term explained
};

std::string report_text(const analysis::Report& report, const TextStyle& style);

} // namespace relief::render
