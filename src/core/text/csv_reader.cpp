#include "relief/core/text/csv_reader.hpp"

#include "relief/core/error.hpp"

#include <fmt/format.h>

namespace relief {

int CsvReader::get() {
    int c;
    if (m_pending_at < m_pending.size()) {
        c = static_cast<unsigned char>(m_pending[m_pending_at++]);
    } else {
        c = m_in.get();
    }
    if (c == '\n') {
        ++m_line;
    }
    return c;
}

int CsvReader::peek() {
    if (m_pending_at < m_pending.size()) {
        return static_cast<unsigned char>(m_pending[m_pending_at]);
    }
    return m_in.peek();
}

// Spreadsheets in many countries write ';', some tab: the header line decides
// (the most frequent of the three outside quotes; a tie keeps the comma).
void CsvReader::detect_delimiter() {
    int c = 0;
    while (m_pending.size() < k_max_record_bytes &&
           (c = m_in.get()) != std::char_traits<char>::eof()) {
        m_pending += static_cast<char>(c);
        if (c == '\n') {
            break;
        }
    }
    std::size_t counts[3] = {0, 0, 0};
    constexpr char k_candidates[3] = {',', ';', '\t'};
    bool quoted = false;
    for (const char ch : m_pending) {
        if (ch == '"') {
            quoted = !quoted;
        }
        for (std::size_t i = 0; i < 3; ++i) {
            counts[i] += (!quoted && ch == k_candidates[i]) ? 1 : 0;
        }
    }
    m_delimiter = ',';
    std::size_t best = counts[0];
    for (std::size_t i = 1; i < 3; ++i) {
        if (counts[i] > best) {
            best = counts[i];
            m_delimiter = k_candidates[i];
        }
    }
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
        if (m_delimiter == k_detect) {
            detect_delimiter();
        }
    }
    if (peek() == std::char_traits<char>::eof()) {
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
                if (peek() == '"') {
                    get();
                    field += '"';
                } else {
                    quoted = false;
                }
            } else if (c == '\r' && peek() == '\n') {
                // A line break inside quotes is a line break, whichever the
                // file uses (a CRLF file's multi-line note).
            } else {
                field += static_cast<char>(c);
            }
            continue;
        }
        if (c == m_delimiter) {
            fields.push_back(std::move(field));
            field.clear();
            was_quoted = false;
        } else if (c == '\n' || (c == '\r' && peek() == '\n')) {
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
