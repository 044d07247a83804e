// The JSON import reader (the contract is in import_reader.hpp); its depth
// limit also means no input may recurse it into a stack overflow.
#include "import_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    relief::fuzz::check_import_reader(relief::read_json_records, data, size);
    return 0;
}
