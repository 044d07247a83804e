// The JSON import reader: same contract as the CSV one, and no input may
// recurse it into a stack overflow.
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
        try {
            validate_record(r); // the reader would turn an InputError into a problem
        } catch (const InputError&) {
            fuzz::require(false, "the reader accepted an invalid record");
        }
    };
    handler.on_problem = [](std::size_t, const std::string& message) {
        fuzz::require(message.find('\n') == std::string::npos, "a problem spans lines");
    };
    try {
        read_json_records(in, handler);
    } catch (const InputError& e) {
        fuzz::require(std::string_view(e.what()).find('\n') == std::string_view::npos,
                      "an error spans lines");
    }
    return 0;
}
