#include "relief/core/text/json.hpp"

#include "relief/core/text/text.hpp"

#include <cmath>
#include <fmt/format.h>

namespace relief {

std::string json_quote(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
                out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

void JsonWriter::newline() {
    if (m_indent > 0) {
        m_out += '\n';
        m_out.append(m_has_items.size() * static_cast<std::size_t>(m_indent), ' ');
    }
}

void JsonWriter::before_value() {
    if (m_after_key) {
        m_after_key = false;
        return;
    }
    if (!m_has_items.empty()) {
        if (m_has_items.back()) {
            m_out += ',';
        }
        m_has_items.back() = true;
        newline();
    }
}

JsonWriter& JsonWriter::begin_object() {
    before_value();
    m_out += '{';
    m_has_items.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
    const bool had = m_has_items.back();
    m_has_items.pop_back();
    if (had) {
        newline();
    }
    m_out += bracket;
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    return close('}');
}

JsonWriter& JsonWriter::begin_array() {
    before_value();
    m_out += '[';
    m_has_items.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    return close(']');
}

JsonWriter& JsonWriter::key(std::string_view name) {
    before_value();
    m_out += json_quote(name);
    m_out += m_indent > 0 ? ": " : ":";
    m_after_key = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    before_value();
    m_out += json_quote(text);
    return *this;
}

JsonWriter& JsonWriter::value(double number) {
    before_value();
    if (!std::isfinite(number)) {
        m_out += "null";
    } else if (number == 0) {
        m_out += "0.0"; // also for -0.0
    } else if (number == std::floor(number) && std::fabs(number) < 1e15) {
        m_out += fmt::format("{:.1f}", number); // 6.0: a double stays a double
    } else {
        m_out += fmt::format("{}", number);
    }
    return *this;
}

JsonWriter& JsonWriter::value(long long number) {
    before_value();
    m_out += std::to_string(number);
    return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
    before_value();
    m_out += flag ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    m_out += "null";
    return *this;
}

JsonWriter& JsonWriter::value(const std::vector<std::string>& words) {
    begin_array();
    for (const std::string& w : words) {
        value(w);
    }
    return end_array();
}

} // namespace relief
