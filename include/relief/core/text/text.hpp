#pragma once
// Small, strict text helpers shared by the parsers (dates, CSV, config, flags).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relief {

// All ASCII digits, 1–9 of them, nothing else; nullopt otherwise.
std::optional<int> parse_digits(std::string_view text) noexcept;

// An optionally signed whole number in plain decimal ("-3", "12"); no spaces,
// no "+", no exponent, within int range.
std::optional<long long> parse_integer(std::string_view text) noexcept;

// A plain decimal number ("7", "7.5", ".5", "-0.25"): no exponent, no NaN or
// infinity, no hex, no spaces. At most 15 significant characters.
std::optional<double> parse_decimal(std::string_view text) noexcept;

std::string_view trim(std::string_view text) noexcept;
std::string to_lower(std::string_view text);
std::vector<std::string> split(std::string_view text, char separator);
std::string join(const std::vector<std::string>& parts, std::string_view separator);
// Word-wraps `text` to `width` columns (UTF-8 aware): the first line starts
// with `first`, the rest with `rest`; ends with a newline.
std::string wrap(const std::string& text, std::size_t width, const std::string& first,
                 const std::string& rest);
// "a, b or c"
std::string or_list(const std::vector<std::string>& words);
// "a, b and c"
std::string and_list(const std::vector<std::string>& words);
// "1 session", "3 sessions"; `plural` where adding "s" is wrong ("1 entry").
std::string count_of(long long n, const std::string& singular, const std::string& plural = {});

// "7,5" → "7.5": a number written with a decimal comma, as many keyboards
// and spreadsheets write it. Text with no comma, or more than one, is kept.
std::string with_decimal_point(std::string text);

// Edits (insert, delete, change, swap two neighbours) from `a` to `b`.
std::size_t edit_distance(std::string_view a, std::string_view b);
// The candidate a typo most likely meant ("lgo" → "log", "--pian" →
// "--pain"): the nearest by edit distance with swaps of neighbours counting
// once, if at most 2 edits away and fewer than half the word's letters;
// nullopt otherwise.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

// The well-formed UTF-8 character at text[i]: its length in bytes (1-4) and
// its code point; length 0 when the bytes there are not one (overlong,
// surrogate, cut short, stray byte).
struct Utf8Char {
    std::size_t length = 0;
    char32_t code = 0;
};
Utf8Char utf8_at(std::string_view text, std::size_t i) noexcept;

// True when text is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view text) noexcept;

// A value as an error message quotes it: on one line (control characters and
// invalid UTF-8 bytes written as \n, \t, \xNN) and cut short after 40 bytes,
// so a pasted essay or a stray NUL cannot break the one-line error.
std::string shown_value(std::string_view text);

// "1 point", "1.5 points", "2 points" (one decimal at most).
std::string points(double value);

// Shortest decimal that reads back as the same double ("7.5", "8", "0.1").
std::string format_number(double value);

} // namespace relief
