#include "relief/core/error.hpp"
#include "relief/core/record/record.hpp"
#include "relief/core/record/record_fields.hpp"
#include "relief/core/record/record_reader.hpp"
#include "relief/core/text/csv_reader.hpp"
#include "relief/core/text/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace relief {
namespace {

// The header: which field each position holds (nullptr: left out by --map).
std::vector<const Field*> read_header(const std::vector<std::string>& names,
                                      const ImportRules& rules) {
    std::vector<const Field*> columns;
    for (const std::string& raw : names) {
        const std::string name = to_lower(trim(raw));
        const auto mapped = std::find_if(rules.map.begin(), rules.map.end(),
                                         [&](const auto& m) { return m.first == name; });
        const Field* column = mapped != rules.map.end() ? mapped->second : find_field(name);
        if (mapped == rules.map.end() && !column) {
            throw InputError(fmt::format("1: unknown column \"{}\" (the columns are {}; "
                                         "relief import --map \"{}=COLUMN\" names it, "
                                         "\"{}=\" leaves it out)",
                                         shown_value(raw), column_list(), shown_value(trim(raw)),
                                         shown_value(trim(raw))));
        }
        if (column && std::find(columns.begin(), columns.end(), column) != columns.end()) {
            throw InputError(fmt::format("1: the column \"{}\" appears twice", column->name));
        }
        columns.push_back(column);
    }
    for (const auto& [name, column] : rules.map) {
        if (std::find_if(names.begin(), names.end(), [&](const std::string& n) {
                return to_lower(trim(n)) == name;
            }) == names.end()) {
            throw InputError(fmt::format("1: --map names \"{}\", which the header does not "
                                         "have",
                                         shown_value(name)));
        }
    }
    const auto has = [&](std::string_view field) {
        return std::find_if(columns.begin(), columns.end(),
                            [&](const Field* f) { return f && f->name == field; }) != columns.end();
    };
    const bool has_type = has("type");
    if (rules.type && has_type) {
        throw InputError("1: the file has a type column; --type is for files without one");
    }
    if (!rules.type && !has_type) {
        throw InputError("1: the header has no \"type\" column (for a file of one kind of "
                         "record, relief import --type checkin or --type session)");
    }
    if (!has("at")) {
        throw InputError("1: the header has no \"at\" column (relief import --map "
                         "\"Date=at\" names the file's own)");
    }
    return columns;
}

// A file separated by ';' or tab comes from a spreadsheet that writes 7,5
// for 7.5: its number columns take a decimal comma.
void take_decimal_commas(RecordFields& named) {
    for (std::size_t i = 0; i < k_fields.size(); ++i) {
        const FieldKind kind = k_fields[i].kind;
        const bool number =
            kind == FieldKind::scale || kind == FieldKind::hours || kind == FieldKind::minutes;
        if (number && named[i]) {
            named[i] = with_decimal_point(std::move(*named[i]));
        }
    }
}

} // namespace

void read_csv_records(std::istream& in, const ImportRules& rules, const RecordHandler& handler) {
    CsvReader reader(in, CsvReader::k_detect);
    std::vector<std::string> fields;
    if (!reader.next(fields) || (fields.size() == 1 && trim(fields[0]).empty())) {
        throw InputError("1: the file is empty; a CSV import starts with the header row");
    }
    const std::vector<const Field*> columns = read_header(fields, rules);
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
            if (columns[i]) {
                named[index_of(*columns[i])] = std::move(fields[i]);
            }
        }
        if (reader.delimiter() != ',') {
            take_decimal_commas(named);
        }
        hand_over(line, named, rules, handler);
    }
}

} // namespace relief
