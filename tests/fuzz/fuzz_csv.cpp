// The CSV import reader (the contract is in import_reader.hpp).
#include "import_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    relief::fuzz::check_import_reader(relief::read_csv_records, data, size);
    return 0;
}
