#include "relief/core/text/text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fmt/format.h>

namespace relief {

std::optional<int> parse_digits(std::string_view text) noexcept {
    if (text.empty() || text.size() > 9) {
        return std::nullopt;
    }
    int value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

std::optional<long long> parse_integer(std::string_view text) noexcept {
    long long value = 0;
    const char* first = text.data();
    const char* last = text.data() + text.size();
    if (text.empty() || text.size() > 18 || text.front() == '+') {
        return std::nullopt;
    }
    const auto [ptr, ec] = std::from_chars(first, last, value);
    if (ec != std::errc() || ptr != last) {
        return std::nullopt;
    }
    return value;
}

std::optional<double> parse_decimal(std::string_view text) noexcept {
    // 32 characters: a spreadsheet's 7.333333333333333 (17 digits) is a number.
    if (text.empty() || text.size() > 32) {
        return std::nullopt;
    }
    std::size_t i = text.front() == '-' ? 1 : 0;
    bool digits = false;
    bool dot = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            digits = true;
        } else if (c == '.' && !dot) {
            dot = true;
        } else {
            return std::nullopt;
        }
    }
    if (!digits) {
        return std::nullopt;
    }
    double value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

std::string_view trim(std::string_view text) noexcept {
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && is_space(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_space(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

std::string to_lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return out;
}

std::vector<std::string> split(std::string_view text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find(separator, start);
        parts.emplace_back(text.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos) {
            return parts;
        }
        start = end + 1;
    }
}

std::string wrap(const std::string& text, std::size_t width, const std::string& first,
                 const std::string& rest) {
    const auto columns = [](const std::string& s) {
        std::size_t n = 0;
        for (const char c : s) {
            n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
        }
        return n;
    };
    std::string out;
    std::string line = first;
    bool empty = true;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) {
            end = text.size();
        }
        const std::string word = text.substr(start, end - start);
        if (!empty && columns(line) + 1 + columns(word) > width) {
            out += line + "\n";
            line = rest;
            empty = true;
        }
        line += (empty ? "" : " ") + word;
        empty = false;
        start = end + 1;
    }
    return out + line + "\n";
}

namespace {

std::string listed(const std::vector<std::string>& words, std::string_view last) {
    if (words.size() < 2) {
        return join(words, "");
    }
    const std::vector<std::string> most(words.begin(), words.end() - 1);
    return join(most, ", ") + std::string(last) + words.back();
}

} // namespace

std::string or_list(const std::vector<std::string>& words) {
    return listed(words, " or ");
}

std::string and_list(const std::vector<std::string>& words) {
    return listed(words, " and ");
}

std::string count_of(long long n, const std::string& singular, const std::string& plural) {
    return fmt::format("{} {}", n, n == 1 ? singular : (plural.empty() ? singular + "s" : plural));
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) {
            out += separator;
        }
        out += parts[i];
    }
    return out;
}

Utf8Char utf8_at(std::string_view text, std::size_t i) noexcept {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned c = byte(i);
    std::size_t extra = 0;
    unsigned code = 0;
    if (c < 0x80) {
        return {1, c};
    } else if ((c & 0xE0) == 0xC0) {
        extra = 1;
        code = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        extra = 2;
        code = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        extra = 3;
        code = c & 0x07;
    } else {
        return {};
    }
    if (i + extra >= text.size()) {
        return {};
    }
    for (std::size_t k = 1; k <= extra; ++k) {
        const unsigned cc = byte(i + k);
        if ((cc & 0xC0) != 0x80) {
            return {};
        }
        code = (code << 6) | (cc & 0x3F);
    }
    const unsigned min = extra == 1 ? 0x80 : extra == 2 ? 0x800 : 0x10000;
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
        return {};
    }
    return {extra + 1, code};
}

bool is_valid_utf8(std::string_view text) noexcept {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8_at(text, i).length;
        if (length == 0) {
            return false;
        }
        i += length;
    }
    return true;
}

std::string shown_value(std::string_view text) {
    constexpr std::size_t k_max_shown = 40;
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        if (out.size() >= k_max_shown) {
            return out + "…";
        }
        const std::size_t length = utf8_at(text, i).length;
        const auto c = static_cast<unsigned char>(text[i]);
        if (length == 0 || c < 0x20 || c == 0x7F) {
            out += c == '\n'   ? std::string("\\n")
                   : c == '\t' ? std::string("\\t")
                               : fmt::format("\\x{:02X}", c);
            i += 1;
        } else {
            out.append(text.substr(i, length));
            i += length;
        }
    }
    return out;
}

std::string points(double value) {
    const std::string number = fmt::format("{:.1f}", value);
    const std::string shown = number.ends_with(".0") ? number.substr(0, number.size() - 2) : number;
    return shown + (shown == "1" ? " point" : " points");
}

std::string format_number(double value) {
    // Plain decimals, never an exponent ("1e-05" is refused on import), at
    // most 6 places: more than any stored value has (sleep: 0.01 h).
    std::string text = fmt::format("{:.6f}", value);
    while (text.back() == '0') {
        text.pop_back();
    }
    if (text.back() == '.') {
        text.pop_back();
    }
    return text == "-0" ? "0" : text;
}

std::string with_decimal_point(std::string text) {
    const std::size_t comma = text.find(',');
    if (comma != std::string::npos && text.find(',', comma + 1) == std::string::npos) {
        text[comma] = '.';
    }
    return text;
}

// Optimal string alignment distance (Levenshtein plus adjacent swaps).
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) {
        d[i][0] = i;
    }
    for (std::size_t j = 0; j <= b.size(); ++j) {
        d[0][j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates) {
    constexpr std::size_t k_most_edits = 2;
    std::optional<std::string> best;
    std::size_t best_distance = k_most_edits + 1;
    const std::string_view bare = word.substr(std::min(word.find_first_not_of('-'), word.size()));
    for (const std::string& c : candidates) {
        const std::size_t d = edit_distance(word, c);
        if (d < best_distance && 2 * d < bare.size()) {
            best = c;
            best_distance = d;
        }
    }
    return best;
}

} // namespace relief
