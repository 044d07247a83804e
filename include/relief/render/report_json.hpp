#pragma once
// `relief report --format json`: the contract of report-json.md.
#include "relief/analysis/report.hpp"

#include <string>

namespace relief::render {

std::string report_json(const analysis::Report& report);

} // namespace relief::render
