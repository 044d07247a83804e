#pragma once
// A journal record: a check-in or a session (cli.md "Records"). One struct
// for both, as in the CSV: the fields a type does not have stay empty, and
// validate_record() enforces which belong to which.
#include "relief/core/time/instant.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relief {

enum class RecordType { checkin, session };

std::string_view type_name(RecordType type) noexcept; // "checkin", "session"

struct Record {
    RecordType type = RecordType::checkin;
    std::string uuid;
    Instant at;          // a check-in's moment; a session's start
    Instant recorded_at; // when it was written down
    // check-in
    std::optional<int> pain;
    std::optional<int> mood;
    std::optional<double> sleep_hours;
    std::optional<int> sleep_quality;
    // session
    std::optional<int> minutes;
    std::string kind;
    std::string therapist;
    std::optional<int> pain_before;
    // both
    std::vector<std::string> areas;
    std::vector<std::string> tags;
    std::string note;

    bool is_checkin() const noexcept { return type == RecordType::checkin; }
    friend bool operator==(const Record&, const Record&) = default;
};

// Backfilled (docs/methods.md §1): written down more than 24 h after it happened.
bool is_backfilled(const Record& record) noexcept;

} // namespace relief
