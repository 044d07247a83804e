// `relief log` and `relief edit` argument validation: the input is cut at
// NULs into the values of each flag; whatever they are, the records made are
// valid ones, or InputError says why not.
#include "fuzz_target.hpp"
#include "relief/core/entry/entry.hpp"
#include "relief/core/error.hpp"
#include "relief/core/record/validate.hpp"

#include <string>

using namespace relief;

namespace {

EntryValues values_from(const std::vector<std::string_view>& f) {
    EntryValues v;
    // The fields with a flag and a single value, in k_fields' order, then
    // --at; the rest alternate between the list fields.
    std::vector<std::optional<std::string>*> slots;
    std::vector<std::vector<std::string>*> lists;
    for (const Field& field : k_fields) {
        if (!field.flag.empty()) {
            field.kind == FieldKind::names ? lists.push_back(&v.lists[index_of(field)])
                                           : slots.push_back(&v.text[index_of(field)]);
        }
    }
    slots.push_back(&v.at);
    std::size_t i = 0;
    for (auto* slot : slots) {
        // A field that is just "-" stands for a flag not given.
        if (i < f.size() && f[i] != "-") {
            *slot = std::string(f[i]);
        }
        ++i;
    }
    for (; i < f.size(); ++i) {
        lists[i % lists.size()]->emplace_back(f[i]);
    }
    return v;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const EntryValues values = values_from(fuzz::fields(fuzz::as_text(data, size)));
    const Instant now = fuzz::fixed_now();
    std::vector<Record> logged;
    try {
        logged = make_log_records(values, Config{}, now);
    } catch (const InputError&) {
    }
    // Outside the try: an accepted record that fails validation must abort.
    for (const Record& r : logged) {
        validate_record(r);
        fuzz::require(r.at.utc <= now.utc, "a record was logged in the future");
        fuzz::require(r.note.size() <= k_max_note_bytes, "an over-long note was accepted");
    }
    for (const RecordType type : {RecordType::checkin, RecordType::session}) {
        Record r;
        r.type = type;
        r.at = Instant{now.utc - 3600, now.offset_minutes};
        type == RecordType::checkin ? (void)(r.pain = 4) : (void)(r.minutes = 60);
        bool applied = false;
        try {
            apply_values(r, values, Today{now});
            applied = true;
        } catch (const InputError&) {
        }
        if (applied) {
            validate_record(r);
            fuzz::require(r.at.utc <= now.utc, "an edit moved a record into the future");
        }
    }
    return 0;
}
