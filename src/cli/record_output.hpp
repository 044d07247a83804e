#pragma once
// Writing a stream of records as CSV or JSON (list and export share it).
#include <functional>
#include <iosfwd>
#include <string_view>

#include "relief/record.hpp"

namespace relief::cli {

using RecordSink = std::function<void(const Record&)>;

// format is "csv" or "json". `produce` calls the sink once per record, in
// order; records are written as they come, so memory does not grow with them.
void write_records(std::ostream& out, std::string_view format,
                   const std::function<void(const RecordSink&)>& produce);

} // namespace relief::cli
