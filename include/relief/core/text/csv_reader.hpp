#pragma once
// A streaming RFC 4180 reader: one record at a time, so memory does not grow
// with the file. Accepts LF and CRLF line ends and a leading UTF-8 BOM.
#include <istream>
#include <string>
#include <vector>

namespace relief {

// A record (a row, with its quoted line breaks) longer than this is refused:
// `relief import /dev/zero` must end with an error, not fill memory.
inline constexpr std::size_t k_max_record_bytes = 1024 * 1024;

class CsvReader {
  public:
    // The delimiter that says: detect it from the header line (',', ';' or tab).
    static constexpr char k_detect = 0;
    explicit CsvReader(std::istream& in, char delimiter = ',') : m_in(in), m_delimiter(delimiter) {}

    // Reads the next record into `fields`; false at the end of input.
    // Throws InputError("LINE: message") for an unterminated quote or stray
    // text after a closing quote.
    bool next(std::vector<std::string>& fields);

    // The line on which the record last returned by next() started (1-based).
    std::size_t record_line() const noexcept { return m_record_line; }

    // The field delimiter in use (after the first next(), when detected).
    char delimiter() const noexcept { return m_delimiter; }

  private:
    int get();
    int peek();
    void detect_delimiter();
    std::istream& m_in;
    char m_delimiter;
    std::string m_pending; // the header line, read ahead to detect the delimiter
    std::size_t m_pending_at = 0;
    std::size_t m_line = 1;
    std::size_t m_record_line = 0;
    bool m_started = false;
};

} // namespace relief
