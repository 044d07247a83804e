#pragma once
// A record from named text fields: a CSV row under its header, or a JSON
// object. Both import formats go through here, so they validate alike and
// their messages name the column as the file does.
#include "relief/core/record/record.hpp"
#include "relief/core/time/when.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace relief {

// The text of each field, by its place in k_fields; nullopt for a column the
// file does not have. An empty text means a missing value (cli.md).
using RecordFields = std::array<std::optional<std::string>, k_fields.size()>;

// What an import file may leave to the command line (relief import's flags).
struct ImportRules {
    // `at` and `recorded_at` may also be written as for --at ("2026-11-20",
    // "yesterday 9pm"): days are diary days of this today (when.hpp).
    Today today;
    // --type: every row is this type, for a file without a type column.
    std::optional<RecordType> type;
    // --map: a CSV header name (lower case) and the field it holds; nullptr
    // for a column to leave out.
    std::vector<std::pair<std::string, const Field*>> map;
};

// --map "Date=at,Pain level=pain,Weather=": pairs of a header name and a
// field (nothing after '=' leaves that column out). Throws InputError.
std::vector<std::pair<std::string, const Field*>> parse_column_map(std::string_view text);

// "uuid, type, at, …": every column, for messages.
std::string column_list();

// Builds and validates a record. A missing uuid gets a new one; an instant
// without an offset is local time; a missing recorded_at means `at`. Every
// problem of the row is added to `problems`, each naming its column (a
// person fixing a spreadsheet sees them all at once); nullopt if any.
std::optional<Record> record_from_fields(const RecordFields& fields, const ImportRules& rules,
                                         std::vector<std::string>& problems);

} // namespace relief
