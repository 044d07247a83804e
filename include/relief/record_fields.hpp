#pragma once
// A record from named text fields: a CSV row under its header, or a JSON
// object. Both import formats go through here, so they validate alike and
// their messages name the column as the file does.
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "relief/record.hpp"

namespace relief {

enum class Column {
    uuid, type, at, recorded_at, pain, mood, sleep_hours, sleep_quality, minutes, kind,
    therapist, pain_before, areas, tags, note
};
inline constexpr std::size_t k_column_count = 15;

std::string_view column_name(Column column) noexcept;
std::optional<Column> column_by_name(std::string_view name) noexcept;

// The text of each column; nullopt for a column the file does not have.
// An empty text means a missing value (cli.md).
using RecordFields = std::array<std::optional<std::string>, k_column_count>;

// Builds and validates a record. A missing uuid gets a new one; an instant
// without an offset is local time; a missing recorded_at means `at`.
// Throws InputError naming the column.
Record record_from_fields(const RecordFields& fields);

} // namespace relief
