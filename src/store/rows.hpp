#pragma once
// Moving a Record in and out of SQL rows by walking k_fields
// (record.hpp): a field's columns follow from it (an instant is two,
// X_utc and X_offset; the type is the table, no column), and the checkin and
// session tables hold the fields that belong to their type. A new field is
// a row of k_fields and a migration adding its column (schema.cpp).
#include "relief/core/record/record.hpp"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>
#include <string>

namespace relief::store {

// What a SELECT reads: every field (the type first, then k_fields' order,
// the other type's fields NULL), or the values the analysis needs (the two
// times and the type's own values: no uuid, names or note).
enum class Width { whole, values };

// The SELECT list over the checkin or session table.
std::string select_list(RecordType table, Width width = Width::whole);
// Its number of columns: a column selected after the list is at this index.
int column_count(RecordType table, Width width = Width::whole);

// The whole SELECT lists, and the shelved and undone_version tables' columns
// ("type", then every field's columns), which take either.
extern const std::string k_checkin_columns;
extern const std::string k_session_columns;
extern const std::string k_shelved_columns;

// The columns a checkin or session table stores, in bind_record's order
// (without `step`): "uuid, at_utc, …, areas, tags, note".
std::string stored_columns(RecordType type);
// "?1, ?2, …": one for each of stored_columns and one for the step.
std::string insert_placeholders(RecordType type);

// A record from a row of select_list(…, Width::whole), from `first_column`.
Record read_record(const SQLite::Statement& row, int first_column = 0);
// The values of a record of `type` from a row of select_list(type, Width::values).
Record read_values(const SQLite::Statement& row, RecordType type);

// Binds the record's fields to ?1..?N of an INSERT into its own table in the
// order of stored_columns, and its step to the last one.
void bind_record(SQLite::Statement& insert, const Record& record, std::int64_t step);

} // namespace relief::store
