#include "relief/core/text/toml_ascii.hpp"

#include "relief/core/error.hpp"
#include "relief/core/text/text.hpp"

#include <fmt/format.h>

namespace relief {
namespace {

bool is_ascii(char c) {
    return (static_cast<unsigned char>(c) & 0x80) == 0;
}

class AsciiWriter {
  public:
    explicit AsciiWriter(std::string_view text) : m_text(text) {}

    std::string run() {
        while (m_i < m_text.size()) {
            const char c = m_text[m_i];
            if (c == '#') {
                comment();
            } else if (c == '"' || c == '\'') {
                string(c);
            } else {
                code(c);
            }
        }
        return std::move(m_out);
    }

  private:
    [[noreturn]] void fail(std::string_view what) const {
        throw InputError(fmt::format("{}: not valid TOML: {}", m_line, what));
    }

    bool at(std::string_view s) const { return m_text.substr(m_i, s.size()) == s; }

    // One byte copied as it is, counting lines.
    void copy() {
        m_line += m_text[m_i] == '\n' ? 1U : 0U;
        m_out += m_text[m_i++];
    }

    void code(char c) {
        if (!is_ascii(c)) {
            fail("a non-ASCII character outside a string or comment");
        }
        copy();
    }

    void comment() {
        while (m_i < m_text.size() && m_text[m_i] != '\n') {
            if (is_ascii(m_text[m_i])) {
                copy();
                continue;
            }
            const std::size_t length = utf8_at(m_text, m_i).length;
            if (length == 0) {
                fail("invalid UTF-8");
            }
            m_out += ' ';
            m_i += length;
        }
    }

    // The character at m_i as a \u or \U escape; m_i moves past it.
    void escape_non_ascii() {
        const Utf8Char c = utf8_at(m_text, m_i);
        if (c.length == 0) {
            fail("invalid UTF-8");
        }
        const auto code = static_cast<std::uint32_t>(c.code);
        m_out += code > 0xFFFF ? fmt::format("\\U{:08X}", code) : fmt::format("\\u{:04X}", code);
        m_i += c.length;
    }

    void string(char quote) {
        const std::string delimiter(at(std::string(3, quote)) ? 3 : 1, quote);
        const bool multi = delimiter.size() == 3;
        const bool literal = quote == '\'';
        m_i += delimiter.size();
        // A literal string is written as a basic one: escapes then work in it.
        m_out += multi ? "\"\"\"" : "\"";
        while (m_i < m_text.size() && !at(delimiter) && (multi || m_text[m_i] != '\n')) {
            const char c = m_text[m_i];
            if (!is_ascii(c)) {
                escape_non_ascii();
            } else if (literal && (c == '\\' || c == '"')) {
                m_out += '\\';
                copy();
            } else if (!literal && c == '\\' && m_i + 1 < m_text.size() &&
                       m_text[m_i + 1] != '\n') {
                if (!is_ascii(m_text[m_i + 1])) {
                    fail("a backslash before a non-ASCII character");
                }
                copy(); // an escape: the character after it is never the end
                copy();
            } else {
                copy();
            }
        }
        if (at(delimiter)) {
            m_i += delimiter.size();
            m_out += multi ? "\"\"\"" : "\"";
            // Up to two more quotes end a multi-line string: they belong to it.
            for (int extra = 0; multi && extra < 2 && at(std::string(1, quote)); ++extra) {
                m_out.insert(m_out.size() - 3, literal ? "'" : "\\\"");
                ++m_i;
            }
        }
    }

    std::string_view m_text;
    std::string m_out;
    std::size_t m_i = 0;
    std::size_t m_line = 1;
};

} // namespace

std::string to_ascii_toml(std::string_view text) {
    return AsciiWriter(text).run();
}

} // namespace relief
