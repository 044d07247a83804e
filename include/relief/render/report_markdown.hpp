#pragma once
// `relief report --format markdown`: the text report's content as tables,
// for notes or a message to a therapist.
#include <string>

#include "relief/analysis/report.hpp"

namespace relief::render {

std::string report_markdown(const analysis::Report& report);

} // namespace relief::render
