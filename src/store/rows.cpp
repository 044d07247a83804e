#include "rows.hpp"

#include "relief/core/record/record.hpp"
#include "relief/core/text/text.hpp"

#include <fmt/format.h>
#include <type_traits>

namespace relief::store {
namespace {

const char* table_name(RecordType type) {
    return type == RecordType::checkin ? "checkin" : "session";
}

// A field's columns: "at" is at_utc and at_offset, "recorded_at"
// recorded_utc and recorded_offset; the type has none (it is the table).
std::vector<std::string> columns_of(const Field& field) {
    if (field.kind == FieldKind::type) {
        return {};
    }
    if (field.kind == FieldKind::instant) {
        std::string base(field.name);
        if (base.ends_with("_at")) {
            base.resize(base.size() - 3);
        }
        return {base + "_utc", base + "_offset"};
    }
    return {std::string(field.name)};
}

bool in_width(const Field& field, RecordType type, Width width) {
    if (width == Width::whole) {
        return true;
    }
    return field.kind == FieldKind::instant ||
           (field.of != FieldOf::both && field.belongs_to(type));
}

std::optional<int> opt_int(const SQLite::Column& c) {
    return c.isNull() ? std::nullopt : std::optional<int>(c.getInt());
}

std::vector<std::string> words(const SQLite::Column& c) {
    if (c.isNull() || c.getString().empty()) {
        return {};
    }
    return split(c.getString(), ';');
}

// Reads `field` into `r` from the row at `c`, moving `c` past its columns.
void read_field(const SQLite::Statement& row, int& c, const Field& field, Record& r) {
    std::visit(
        [&](auto member) {
            using T = std::remove_reference_t<decltype(r.*member)>;
            auto& value = r.*member;
            if constexpr (std::is_same_v<T, RecordType>) {
                value = row.getColumn(c++).getString() == "session" ? RecordType::session
                                                                    : RecordType::checkin;
            } else if constexpr (std::is_same_v<T, Instant>) {
                value = Instant{row.getColumn(c).getInt64(), row.getColumn(c + 1).getInt()};
                c += 2;
            } else if constexpr (std::is_same_v<T, std::optional<int>>) {
                value = opt_int(row.getColumn(c++));
            } else if constexpr (std::is_same_v<T, std::optional<double>>) {
                const SQLite::Column col = row.getColumn(c++);
                value = col.isNull() ? std::nullopt : std::optional<double>(col.getDouble());
            } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                value = words(row.getColumn(c++));
            } else {
                value = row.getColumn(c++).getString(); // NULL reads as ""
            }
        },
        field.member);
}

template <class T> void bind_opt(SQLite::Statement& s, int index, const std::optional<T>& v) {
    if (v) {
        s.bind(index, *v);
    } else {
        s.bind(index);
    }
}

void bind_text(SQLite::Statement& s, int index, const std::string& text) {
    if (text.empty()) {
        s.bind(index); // empty = missing (cli.md)
    } else {
        s.bind(index, text);
    }
}

// Binds `field` of `r` from ?index on, moving `index` past its columns.
void bind_field(SQLite::Statement& s, int& index, const Field& field, const Record& r) {
    std::visit(
        [&](auto member) {
            using T = std::remove_cvref_t<decltype(r.*member)>;
            const auto& value = r.*member;
            if constexpr (std::is_same_v<T, RecordType>) {
                // the table says it
            } else if constexpr (std::is_same_v<T, Instant>) {
                s.bind(index++, value.utc);
                s.bind(index++, value.offset_minutes);
            } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                bind_text(s, index++, join(value, ";"));
            } else if constexpr (std::is_same_v<T, std::string>) {
                bind_text(s, index++, value);
            } else {
                bind_opt(s, index++, value);
            }
        },
        field.member);
}

} // namespace

std::string select_list(RecordType table, Width width) {
    std::vector<std::string> list;
    for (const Field& field : k_fields) {
        if (!in_width(field, table, width)) {
            continue;
        }
        if (field.kind == FieldKind::type) {
            list.push_back(fmt::format("'{}' AS type", table_name(table)));
        }
        for (const std::string& column : columns_of(field)) {
            list.push_back(field.belongs_to(table) ? column : "NULL");
        }
    }
    return join(list, ", ");
}

int column_count(RecordType table, Width width) {
    int count = 0;
    for (const Field& field : k_fields) {
        if (in_width(field, table, width)) {
            count += field.kind == FieldKind::type ? 1 : static_cast<int>(columns_of(field).size());
        }
    }
    return count;
}

namespace {

std::string shelved_columns() {
    std::vector<std::string> list;
    for (const Field& field : k_fields) {
        if (field.kind == FieldKind::type) {
            list.emplace_back("type");
        }
        for (const std::string& column : columns_of(field)) {
            list.push_back(column);
        }
    }
    return join(list, ", ");
}

} // namespace

const std::string k_checkin_columns = select_list(RecordType::checkin);
const std::string k_session_columns = select_list(RecordType::session);
const std::string k_shelved_columns = shelved_columns();

namespace {

std::vector<std::string> stored_column_list(RecordType type) {
    std::vector<std::string> list;
    for (const Field& field : k_fields) {
        if (field.belongs_to(type)) {
            for (const std::string& column : columns_of(field)) {
                list.push_back(column);
            }
        }
    }
    return list;
}

} // namespace

std::string stored_columns(RecordType type) {
    return join(stored_column_list(type), ", ");
}

std::string insert_placeholders(RecordType type) {
    const std::size_t count = stored_column_list(type).size() + 1; // and the step
    std::vector<std::string> marks;
    for (std::size_t i = 1; i <= count; ++i) {
        marks.push_back(fmt::format("?{}", i));
    }
    return join(marks, ", ");
}

Record read_record(const SQLite::Statement& row, int first_column) {
    Record r;
    int c = first_column;
    for (const Field& field : k_fields) {
        read_field(row, c, field, r);
    }
    return r;
}

Record read_values(const SQLite::Statement& row, RecordType type) {
    Record r;
    r.type = type;
    int c = 0;
    for (const Field& field : k_fields) {
        if (in_width(field, type, Width::values)) {
            read_field(row, c, field, r);
        }
    }
    return r;
}

void bind_record(SQLite::Statement& s, const Record& r, std::int64_t step) {
    int index = 1;
    for (const Field& field : k_fields) {
        if (field.belongs_to(r.type)) {
            bind_field(s, index, field, r);
        }
    }
    s.bind(index, step);
}

} // namespace relief::store
