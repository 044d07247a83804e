#pragma once
// `relief report --format html`: one self-contained, printable page (inline
// CSS and SVG, no script, nothing fetched) for a therapist or doctor.
#include "relief/analysis/report.hpp"

#include <string>

namespace relief::render {

std::string report_html(const analysis::Report& report);

} // namespace relief::render
