#pragma once
// Records as CSV rows and JSON objects: the formats of cli.md that `export`,
// `list` and `import` share. Field names are the CSV header's.
#include "relief/core/record/record.hpp"
#include "relief/core/record/trial_entry.hpp"
#include "relief/core/text/json.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace relief {

// The fields' names, in the table's order.
std::vector<std::string> field_names();

// "uuid,type,at,…,note": the CSV header, from the table.
std::string csv_header();

// A field's value as one CSV cell's text ("" when missing).
std::string field_text(const Record& record, const Field& field);

// RFC 4180: quoted when it holds a comma, quote, CR or LF (or leading/trailing space).
std::string csv_field(std::string_view text);
// One row, ending in LF.
std::string csv_row(const Record& record);

// One record as a JSON object with every field (null when missing).
void write_record_json(JsonWriter& json, const Record& record);

// One trial as relief export writes it: {"id", "start", "pairs", "seed",
// "seed_chosen", "stopped_on", "started_at"}.
void write_trial_json(JsonWriter& json, const TrialEntry& trial);

} // namespace relief
