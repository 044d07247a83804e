#pragma once
// The JSON import's tokenizer (record_reader_json.cpp), private to it.
#include "relief/core/error.hpp"
#include "relief/core/text/csv_reader.hpp"
#include "relief/core/text/text.hpp"

#include <cctype>
#include <fmt/format.h>
#include <istream>
#include <string>
#include <vector>

namespace relief::json_import {

// A minimal pull parser over a stream: enough JSON for relief.export/1,
// with line numbers for messages and a depth limit for hostile input.
class JsonPull {
  public:
    explicit JsonPull(std::istream& in) : m_in(in) {}

    std::size_t line() const noexcept { return m_line; }

    [[noreturn]] void fail(const std::string& message) const {
        throw InputError(fmt::format("{}: {}", m_line, message));
    }

    int peek() {
        skip_space();
        return m_in.peek();
    }

    void expect(char c) {
        const int next = peek();
        if (next != c) {
            fail(next == std::char_traits<char>::eof()
                     ? fmt::format("expected '{}' in the JSON, found the end of the file", c)
                     : fmt::format("expected '{}' in the JSON, found '{}'", c,
                                   shown_value(std::string(1, static_cast<char>(next)))));
        }
        m_in.get();
    }

    bool accept(char c) {
        if (peek() == c) {
            m_in.get();
            return true;
        }
        return false;
    }

    std::string string() {
        expect('"');
        std::string out;
        while (true) {
            if (out.size() > k_max_record_bytes) {
                fail("a JSON string longer than 1 MiB; this does not look like relief's export");
            }
            const int c = m_in.get();
            if (c == std::char_traits<char>::eof() || c == '\n') {
                fail("a JSON string is not closed");
            }
            if (c == '"') {
                return out;
            }
            if (c != '\\') {
                out += static_cast<char>(c);
                continue;
            }
            const int e = m_in.get();
            switch (e) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '/':
                out += '/';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u':
                append_utf8(out, code_point());
                break;
            default:
                fail("a bad escape in a JSON string");
            }
        }
    }

    // A scalar as the text relief's field parsers read: a string's content, a
    // number's token, "" for null; arrays of strings are joined with ';'.
    std::string field_text(int depth = 0) {
        const int c = peek();
        if (c == '"') {
            return string();
        }
        if (depth > 0) {
            fail("a list holds names in quotes, like [\"lower-back\", \"neck\"]");
        }
        if (c == '[' && depth == 0) {
            m_in.get();
            std::vector<std::string> items;
            if (!accept(']')) {
                do {
                    items.push_back(field_text(depth + 1));
                } while (accept(','));
                expect(']');
            }
            return join(items, ";");
        }
        std::string token;
        while (true) {
            const int t = m_in.peek();
            if (t == std::char_traits<char>::eof() ||
                !(std::isalnum(t) || t == '-' || t == '+' || t == '.')) {
                break;
            }
            if (token.size() > 64) {
                fail("a number or word longer than 64 characters");
            }
            token += static_cast<char>(m_in.get());
        }
        if (token == "null") {
            return {};
        }
        if (token.empty() || token == "true" || token == "false") {
            fail("expected a string, a number, null or a list of strings");
        }
        // Whole numbers written as 4.0 are still whole numbers.
        if (const auto value = parse_decimal(token); value &&
                                                     token.find('.') != std::string::npos &&
                                                     *value == static_cast<long long>(*value)) {
            return std::to_string(static_cast<long long>(*value));
        }
        return token;
    }

    // true or false (a trial's seed_chosen).
    bool boolean() {
        const int c = peek();
        const std::string word = c == 't' ? "true" : "false";
        for (const char expected : word) {
            if (m_in.get() != expected) {
                fail("expected true or false");
            }
        }
        return c == 't';
    }

    void end() {
        skip_space();
        if (m_in.peek() != std::char_traits<char>::eof()) {
            fail("unexpected text after the end of the JSON");
        }
    }

  private:
    void skip_space() {
        while (true) {
            const int c = m_in.peek();
            if (c == '\n') {
                ++m_line;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            m_in.get();
        }
    }

    unsigned hex4() {
        unsigned value = 0;
        for (int i = 0; i < 4; ++i) {
            const int c = m_in.get();
            value <<= 4;
            if (c >= '0' && c <= '9') {
                value |= static_cast<unsigned>(c - '0');
            } else if (c >= 'a' && c <= 'f') {
                value |= static_cast<unsigned>(c - 'a' + 10);
            } else if (c >= 'A' && c <= 'F') {
                value |= static_cast<unsigned>(c - 'A' + 10);
            } else {
                fail("a bad \\u escape in a JSON string");
            }
        }
        return value;
    }

    unsigned code_point() {
        unsigned cp = hex4();
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (m_in.get() != '\\' || m_in.get() != 'u') {
                fail("a lone surrogate in a JSON string");
            }
            const unsigned low = hex4();
            if (low < 0xDC00 || low > 0xDFFF) {
                fail("a lone surrogate in a JSON string");
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            fail("a lone surrogate in a JSON string");
        }
        return cp;
    }

    static void append_utf8(std::string& out, unsigned cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    std::istream& m_in;
    std::size_t m_line = 1;
};

} // namespace relief::json_import
