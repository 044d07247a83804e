#pragma once
// `relief report` for people: 80 columns, bars and a lag chart, §4 wording.
#include <string>

#include "relief/analysis/report.hpp"

namespace relief::render {

struct TextStyle {
    bool unicode = true; // block characters; otherwise plain ASCII
    bool color = false;  // ANSI colour for headings and verdicts
    bool verbose = false; // also lags with n < 3
};

std::string report_text(const analysis::Report& report, const TextStyle& style);

} // namespace relief::render
