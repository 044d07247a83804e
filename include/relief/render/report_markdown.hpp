#pragma once
// `relief report --format markdown`: the text report's content as tables,
// for notes or a message to a therapist.
#include "relief/analysis/report.hpp"

#include <string>

namespace relief::render {

// `details` adds the statistical lines, each term explained.
std::string report_markdown(const analysis::Report& report, bool details = false);

} // namespace relief::render
