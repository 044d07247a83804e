#pragma once
// The contract both import readers (CSV and JSON) are fuzzed against: any
// bytes give records that pass validation, or one-line problems and
// InputError, and nothing else.
#include "fuzz_target.hpp"
#include "relief/core/error.hpp"
#include "relief/core/record/record_reader.hpp"
#include "relief/core/record/validate.hpp"

#include <sstream>
#include <string>

namespace relief::fuzz {

using ImportReader = void (*)(std::istream&, const ImportRules&, const RecordHandler&);

inline void check_import_reader(ImportReader read, const std::uint8_t* data, std::size_t size) {
    std::istringstream in{std::string(as_text(data, size))};
    RecordHandler handler;
    handler.on_record = [](std::size_t, const Record& r) {
        // The reader turns an InputError into a problem: catch it here first.
        try {
            validate_record(r);
        } catch (const InputError&) {
            require(false, "the reader accepted an invalid record");
        }
        require(r.note.size() <= k_max_note_bytes, "an over-long note was accepted");
    };
    handler.on_problem = [](std::size_t, const std::string& message) {
        require(message.find('\n') == std::string::npos, "a problem spans lines");
    };
    try {
        // A fixed clock (2033-05-18): the readers also take --at's forms.
        read(in, ImportRules{Today{Instant{2000000000, 0}}, std::nullopt, {}}, handler);
    } catch (const InputError& e) {
        require(std::string_view(e.what()).find('\n') == std::string_view::npos,
                "an error spans lines");
    }
}

} // namespace relief::fuzz
