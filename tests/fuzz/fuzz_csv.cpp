// The CSV import reader: any bytes give records that pass validation, or
// problems and InputError, and nothing else.
#include <sstream>
#include <string>

#include "fuzz_target.hpp"
#include "relief/error.hpp"
#include "relief/record_reader.hpp"
#include "relief/validate.hpp"

using namespace relief;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in{std::string(fuzz::as_text(data, size))};
    RecordHandler handler;
    handler.on_record = [](std::size_t, const Record& r) {
        // The reader turns an InputError into a problem: catch it here first.
        try {
            validate_record(r);
        } catch (const InputError&) {
            fuzz::require(false, "the reader accepted an invalid record");
        }
        fuzz::require(r.note.size() <= k_max_note_bytes, "an over-long note was accepted");
    };
    handler.on_problem = [](std::size_t, const std::string& message) {
        fuzz::require(message.find('\n') == std::string::npos, "a problem spans lines");
    };
    try {
        read_csv_records(in, handler);
    } catch (const InputError& e) {
        fuzz::require(std::string_view(e.what()).find('\n') == std::string_view::npos,
                      "an error spans lines");
    }
    return 0;
}
