#pragma once
// Writing a stream of records as CSV or JSON (list and export share it).
#include "relief/core/record/record.hpp"
#include "relief/core/record/trial_entry.hpp"

#include <functional>
#include <iosfwd>
#include <string_view>
#include <vector>

namespace relief::cli {

using RecordSink = std::function<void(const Record&)>;

// format is "csv" or "json". `produce` calls the sink once per record, in
// order; records are written as they come, so memory does not grow with them.
// JSON (relief export) also carries the journal's trials when given.
void write_records(std::ostream& out, std::string_view format,
                   const std::function<void(const RecordSink&)>& produce,
                   const std::vector<TrialEntry>* trials = nullptr);

} // namespace relief::cli
