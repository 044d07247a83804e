#include "relief/core/error.hpp"
#include "relief/core/text/csv_reader.hpp"

#include <doctest/doctest.h>
#include <sstream>

using namespace relief;

namespace {
std::vector<std::vector<std::string>> read_all(const std::string& text,
                                               std::vector<std::size_t>* lines = nullptr) {
    std::istringstream in(text);
    CsvReader reader(in);
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> fields;
    while (reader.next(fields)) {
        rows.push_back(fields);
        if (lines) {
            lines->push_back(reader.record_line());
        }
    }
    return rows;
}
using Rows = std::vector<std::vector<std::string>>;
} // namespace

TEST_CASE("RFC 4180 fields") {
    CHECK(read_all("a,b,c\n1,,3\n") == Rows{{"a", "b", "c"}, {"1", "", "3"}});
    CHECK(read_all("\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n") ==
          Rows{{"x, y", "say \"hi\"", "two\nlines"}});
    CHECK(read_all("a,b") == Rows{{"a", "b"}}); // no final newline
    CHECK(read_all("a,\n") == Rows{{"a", ""}}); // empty last field
    CHECK(read_all("\"\"\n") == Rows{{""}});
}

TEST_CASE("CRLF line ends and a UTF-8 BOM") {
    CHECK(read_all("\xEF\xBB\xBFuuid,type\r\n1,2\r\n") == Rows{{"uuid", "type"}, {"1", "2"}});
    CHECK(read_all("a\r\nb\n") == Rows{{"a"}, {"b"}});
    // A line break inside quotes is "\n" whichever line ends the file uses:
    // a CRLF file's multi-line note imports (a lone CR stays as it is).
    CHECK(read_all("\"cr\r\nin quotes\"\r\n") == Rows{{"cr\nin quotes"}});
    CHECK(read_all("\"lone\rcr\"\n") == Rows{{"lone\rcr"}});
}

TEST_CASE("a record over 1 MiB is refused, not read into memory") {
    const std::string huge = "\"" + std::string(k_max_record_bytes + 10, 'x') + "\"\n";
    CHECK_THROWS_WITH_AS(read_all(huge),
                         "1: a record longer than 1 MiB; this does not look like a CSV file of "
                         "records",
                         InputError);
}

TEST_CASE("record lines count the lines inside quotes") {
    std::vector<std::size_t> lines;
    read_all("h\n\"a\nb\nc\"\nnext\n", &lines);
    CHECK(lines == std::vector<std::size_t>{1, 2, 5});
}

TEST_CASE("malformed quoting") {
    CHECK_THROWS_WITH_AS(read_all("a\n\"open\n"),
                         "2: a quoted field is not closed before the end of the file", InputError);
    CHECK_THROWS_WITH_AS(read_all("\"a\"b\n"),
                         "1: text after a closing quote; a quote inside a field is written as \"\"",
                         InputError);
}
