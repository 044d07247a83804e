#include <algorithm>
#include <fmt/format.h>

#include "relief/csv_reader.hpp"
#include "relief/error.hpp"
#include "relief/record_fields.hpp"
#include "relief/record_reader.hpp"
#include "relief/text.hpp"

namespace relief {
namespace {

std::string known_columns() {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < k_column_count; ++i) {
        names.emplace_back(column_name(static_cast<Column>(i)));
    }
    return join(names, ", ");
}

// The header: which Column each position holds.
std::vector<Column> read_header(const std::vector<std::string>& names) {
    std::vector<Column> columns;
    for (const std::string& raw : names) {
        const std::string name = to_lower(trim(raw));
        const auto column = column_by_name(name);
        if (!column) {
            throw InputError(fmt::format("1: unknown column \"{}\" (the columns are {})",
                                         shown_value(raw),
                                         known_columns()));
        }
        for (const Column c : columns) {
            if (c == *column) {
                throw InputError(fmt::format("1: the column \"{}\" appears twice",
                                         shown_value(name)));
            }
        }
        columns.push_back(*column);
    }
    for (const Column required : {Column::type, Column::at}) {
        if (std::find(columns.begin(), columns.end(), required) == columns.end()) {
            throw InputError(fmt::format("1: the header has no \"{}\" column", column_name(required)));
        }
    }
    return columns;
}

} // namespace

void read_csv_records(std::istream& in, const RecordHandler& handler) {
    CsvReader reader(in);
    std::vector<std::string> fields;
    if (!reader.next(fields) || (fields.size() == 1 && trim(fields[0]).empty())) {
        throw InputError("1: the file is empty; a CSV import starts with the header row");
    }
    const std::vector<Column> columns = read_header(fields);
    while (reader.next(fields)) {
        if (fields.size() == 1 && trim(fields[0]).empty()) {
            continue; // a blank line
        }
        const std::size_t line = reader.record_line();
        if (fields.size() != columns.size()) {
            handler.on_problem(line, fmt::format("the row has {} fields, the header has {}",
                                                 fields.size(), columns.size()));
            continue;
        }
        RecordFields named;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            named[static_cast<std::size_t>(columns[i])] = std::move(fields[i]);
        }
        try {
            handler.on_record(line, record_from_fields(named));
        } catch (const InputError& e) {
            handler.on_problem(line, e.what());
        }
    }
}

} // namespace relief
