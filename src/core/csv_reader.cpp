#include "relief/csv_reader.hpp"

#include <fmt/format.h>

#include "relief/error.hpp"

namespace relief {

int CsvReader::get() {
    const int c = m_in.get();
    if (c == '\n') {
        ++m_line;
    }
    return c;
}

bool CsvReader::next(std::vector<std::string>& fields) {
    fields.clear();
    if (!m_started) {
        m_started = true;
        // A UTF-8 byte order mark, as spreadsheets write it.
        if (m_in.peek() == 0xEF) {
            char bom[3];
            m_in.read(bom, 3);
            if (std::string_view(bom, 3) != "\xEF\xBB\xBF") {
                throw InputError("1: the file starts with bytes that are not UTF-8 text");
            }
        }
    }
    if (m_in.peek() == std::char_traits<char>::eof()) {
        return false;
    }
    m_record_line = m_line;
    std::string field;
    std::size_t bytes = 0;   // of this record: a file with no line breaks must not fill memory
    bool quoted = false;     // inside "…"
    bool was_quoted = false; // this field had quotes (text after them is an error)
    while (true) {
        const int c = get();
        if (++bytes > k_max_record_bytes) {
            throw InputError(fmt::format("{}: a record longer than 1 MiB; this does not look like "
                                         "a CSV file of records",
                                         m_record_line));
        }
        if (c == std::char_traits<char>::eof()) {
            if (quoted) {
                throw InputError(fmt::format("{}: a quoted field is not closed before the end "
                                             "of the file",
                                             m_record_line));
            }
            fields.push_back(std::move(field));
            return true;
        }
        if (quoted) {
            if (c == '"') {
                if (m_in.peek() == '"') {
                    get();
                    field += '"';
                } else {
                    quoted = false;
                }
            } else if (c == '\r' && m_in.peek() == '\n') {
                // A line break inside quotes is a line break, whichever the
                // file uses (a CRLF file's multi-line note).
            } else {
                field += static_cast<char>(c);
            }
            continue;
        }
        if (c == ',') {
            fields.push_back(std::move(field));
            field.clear();
            was_quoted = false;
        } else if (c == '\n' || (c == '\r' && m_in.peek() == '\n')) {
            if (c == '\r') {
                get();
            }
            fields.push_back(std::move(field));
            return true;
        } else if (c == '"' && field.empty() && !was_quoted) {
            quoted = true;
            was_quoted = true;
        } else if (was_quoted) {
            throw InputError(fmt::format("{}: text after a closing quote; a quote inside a "
                                         "field is written as \"\"",
                                         m_line));
        } else {
            field += static_cast<char>(c);
        }
    }
}

} // namespace relief
