#include "relief/core/record/record.hpp"

namespace relief {

std::string_view type_name(RecordType type) noexcept {
    return type == RecordType::checkin ? "checkin" : "session";
}

bool is_backfilled(const Record& record) noexcept {
    return record.recorded_at.utc - record.at.utc > 24 * 3600;
}

const Field* find_field(std::string_view name) noexcept {
    for (const Field& field : k_fields) {
        if (field.name == name) {
            return &field;
        }
    }
    return nullptr;
}

} // namespace relief
