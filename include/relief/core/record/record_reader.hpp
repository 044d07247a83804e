#pragma once
// Reading records from an import file, one at a time (memory stays flat).
// A bad row is reported through on_problem and reading goes on, so that the
// user sees every problem at once; a file that cannot be read further (a
// broken header, an unclosed quote, JSON syntax) throws InputError("LINE: …").
#include "relief/core/record/record.hpp"
#include "relief/core/record/record_fields.hpp"
#include "relief/core/record/trial_entry.hpp"

#include <cstddef>
#include <functional>
#include <istream>
#include <string>

namespace relief {

struct RecordHandler {
    std::function<void(std::size_t line, const Record& record)> on_record;
    std::function<void(std::size_t line, const std::string& message)> on_problem;
    // JSON only: a trial of the export's "trials" list.
    std::function<void(std::size_t line, const TrialEntry& trial)> on_trial;
};

// CSV as cli.md: a header row naming columns in any order, then one row per record.
// One row or object: its record handed to on_record, or every problem of it
// to on_problem (record_from_fields). Both readers end a record here.
void hand_over(std::size_t line, const RecordFields& fields, const ImportRules& rules,
               const RecordHandler& handler);

// `rules.map` renames the file's own columns; the delimiter (',', ';' or tab)
// is the header line's.
void read_csv_records(std::istream& in, const ImportRules& rules, const RecordHandler& handler);

// {"schema": "relief.export/1", "records": [ {...}, ... ], "trials": [ {...} ]}
void read_json_records(std::istream& in, const ImportRules& rules, const RecordHandler& handler);

} // namespace relief
