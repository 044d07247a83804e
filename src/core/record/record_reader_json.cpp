#include "relief/core/error.hpp"
#include "relief/core/record/record_fields.hpp"
#include "relief/core/record/record_reader.hpp"
#include "relief/core/record/validate.hpp"
#include "relief/core/text/csv_reader.hpp"
#include "relief/core/text/text.hpp"
#include "relief/core/time/instant.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fmt/format.h>

namespace relief {
namespace {

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

void read_one(JsonPull& json, const ImportRules& rules, const RecordHandler& handler) {
    const std::size_t line = json.line();
    json.expect('{');
    RecordFields fields;
    std::array<bool, k_column_count> seen{};
    std::optional<std::string> problem;
    if (!json.accept('}')) {
        do {
            const std::string key = json.string();
            json.expect(':');
            std::string text = json.field_text();
            const auto column = column_by_name(key);
            if (!column) {
                problem = problem.value_or(fmt::format("unknown field \"{}\"", shown_value(key)));
            } else if (seen[static_cast<std::size_t>(*column)]) {
                // {"pain": 11, "pain": 3}: which one was meant is not ours to guess.
                problem = problem.value_or(fmt::format("the field \"{}\" appears twice", key));
            } else {
                seen[static_cast<std::size_t>(*column)] = true;
                fields[static_cast<std::size_t>(*column)] = std::move(text);
            }
        } while (json.accept(','));
        json.expect('}');
    }
    if (problem) {
        handler.on_problem(line, *problem);
        return;
    }
    std::vector<std::string> problems;
    if (const auto record = record_from_fields(fields, rules, problems)) {
        handler.on_record(line, *record);
    }
    for (const std::string& p : problems) {
        handler.on_problem(line, p);
    }
}

// A trial of the "trials" list, as relief export writes it.
void read_trial(JsonPull& json, const RecordHandler& handler) {
    const std::size_t line = json.line();
    json.expect('{');
    TrialEntry t;
    std::array<bool, 7> seen{};
    const std::array<std::string_view, 7> keys = {"id",          "start",      "pairs",     "seed",
                                                  "seed_chosen", "stopped_on", "started_at"};
    std::optional<std::string> problem;
    const auto note = [&](const std::string& message) { problem = problem.value_or(message); };
    if (!json.accept('}')) {
        do {
            const std::string key = json.string();
            json.expect(':');
            const auto k =
                static_cast<std::size_t>(std::find(keys.begin(), keys.end(), key) - keys.begin());
            if (k == keys.size()) {
                json.field_text();
                note(fmt::format("unknown trial field \"{}\"", shown_value(key)));
                continue;
            }
            if (seen[k]) {
                note(fmt::format("the trial field \"{}\" appears twice", key));
            }
            seen[k] = true;
            if (key == "seed_chosen") {
                t.seed_chosen = json.boolean();
                continue;
            }
            const std::string text = json.field_text();
            try {
                if (key == "id") {
                    t.id = parse_uuid("trial id", text);
                } else if (key == "start" || key == "stopped_on") {
                    if (key == "stopped_on" && text.empty()) {
                        continue;
                    }
                    const auto day = parse_date(text);
                    if (!day) {
                        throw InputError(fmt::format("trial {} must be a date as YYYY-MM-DD, got "
                                                     "\"{}\"",
                                                     key, shown_value(text)));
                    }
                    (key == "start" ? t.start : t.stopped_on.emplace()) = *day;
                } else if (key == "pairs") {
                    t.pairs = static_cast<int>(parse_count("trial pairs", text, 6, 12));
                } else if (key == "seed") {
                    const bool hex =
                        text.size() == 18 && text.starts_with("0x") &&
                        text.find_first_not_of("0123456789abcdef", 2) == std::string::npos;
                    if (!hex) {
                        throw InputError(fmt::format("trial seed must be 0x and 16 hex digits, "
                                                     "got \"{}\"",
                                                     shown_value(text)));
                    }
                    t.seed = std::stoull(text.substr(2), nullptr, 16);
                } else {
                    const auto iso = parse_iso(text);
                    if (!iso || !iso->offset_minutes) {
                        throw InputError(fmt::format("trial started_at must be a date-time with "
                                                     "its offset, got \"{}\"",
                                                     shown_value(text)));
                    }
                    t.started_utc = std::int64_t{iso->day} * 86400 + iso->second_of_day -
                                    std::int64_t{*iso->offset_minutes} * 60;
                }
            } catch (const InputError& e) {
                note(e.what());
            }
        } while (json.accept(','));
        json.expect('}');
    }
    for (std::size_t k = 0; k < keys.size(); ++k) {
        if (!seen[k] && keys[k] != "stopped_on") {
            note(fmt::format("the trial has no \"{}\"", keys[k]));
        }
    }
    if (t.stopped_on && *t.stopped_on < t.start) {
        note("the trial was stopped before it started");
    }
    if (problem) {
        handler.on_problem(line, *problem);
    } else if (handler.on_trial) {
        handler.on_trial(line, t);
    }
}

} // namespace

void read_json_records(std::istream& in, const ImportRules& rules, const RecordHandler& handler) {
    // A UTF-8 byte order mark, as CSV accepts it.
    if (in.peek() == 0xEF) {
        char bom[3];
        in.read(bom, 3);
        if (std::string_view(bom, 3) != "\xEF\xBB\xBF") {
            throw InputError("1: the file starts with bytes that are not UTF-8 text");
        }
    }
    JsonPull json(in);
    if (json.peek() == std::char_traits<char>::eof()) {
        json.fail("the file is empty");
    }
    json.expect('{');
    bool saw_records = false;
    bool saw_schema = false;
    bool saw_trials = false;
    if (!json.accept('}')) {
        do {
            const std::string key = json.string();
            json.expect(':');
            if ((key == "schema" && saw_schema) || (key == "records" && saw_records) ||
                (key == "trials" && saw_trials)) {
                json.fail(fmt::format("\"{}\" appears twice", key));
            }
            if (key == "schema") {
                saw_schema = true;
                const std::string schema = json.string();
                if (schema != "relief.export/1") {
                    json.fail(fmt::format("schema must be \"relief.export/1\", got \"{}\"",
                                          shown_value(schema)));
                }
            } else if (key == "records") {
                saw_records = true;
                json.expect('[');
                if (!json.accept(']')) {
                    do {
                        read_one(json, rules, handler);
                    } while (json.accept(','));
                    json.expect(']');
                }
            } else if (key == "trials") {
                saw_trials = true;
                json.expect('[');
                if (!json.accept(']')) {
                    do {
                        read_trial(json, handler);
                    } while (json.accept(','));
                    json.expect(']');
                }
            } else {
                json.fail(fmt::format("unknown key \"{}\" (expected \"schema\", \"records\" "
                                      "and \"trials\")",
                                      shown_value(key)));
            }
        } while (json.accept(','));
        json.expect('}');
    }
    json.end();
    if (!saw_records) {
        json.fail("no \"records\" list in the JSON");
    }
}

} // namespace relief
