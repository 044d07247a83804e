#pragma once
// Moving a Record in and out of SQL rows. Every query that reads records
// selects k_record_columns in this order.
#include "relief/core/record/record.hpp"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>
#include <string>

namespace relief::store {

// The 17 columns of a record, as one SELECT list over a checkin or session
// table (the other type's fields come back NULL).
extern const std::string k_checkin_columns;
extern const std::string k_session_columns;
extern const std::string k_shelved_columns;

// The columns a checkin or session table stores, in bind_record's order
// (without `step`): "uuid, at_utc, …, areas, tags, note".
std::string stored_columns(RecordType type);

Record read_record(const SQLite::Statement& row, int first_column = 0);

// Binds the record's fields to ?1..?N of an INSERT into its own table in the
// column order of that table (see journal.cpp) and its step to the last one.
void bind_record(SQLite::Statement& insert, const Record& record, std::int64_t step);

} // namespace relief::store
