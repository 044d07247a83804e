#include "json_pull.hpp"
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

using json_import::JsonPull;

void read_one(JsonPull& json, const ImportRules& rules, const RecordHandler& handler) {
    const std::size_t line = json.line();
    json.expect('{');
    RecordFields fields;
    std::array<bool, k_fields.size()> seen{};
    std::optional<std::string> problem;
    if (!json.accept('}')) {
        do {
            const std::string key = json.string();
            json.expect(':');
            std::string text = json.field_text();
            const Field* field = find_field(key);
            if (!field) {
                problem = problem.value_or(fmt::format("unknown field \"{}\"", shown_value(key)));
            } else if (seen[index_of(*field)]) {
                // {"pain": 11, "pain": 3}: which one was meant is not ours to guess.
                problem = problem.value_or(fmt::format("the field \"{}\" appears twice", key));
            } else {
                seen[index_of(*field)] = true;
                fields[index_of(*field)] = std::move(text);
            }
        } while (json.accept(','));
        json.expect('}');
    }
    if (problem) {
        handler.on_problem(line, *problem);
        return;
    }
    hand_over(line, fields, rules, handler);
}

// A trial of the "trials" list, as relief export writes it.
// One field of a trial, as relief export writes it. Throws InputError.
void read_trial_field(const std::string& key, const std::string& text, TrialEntry& t) {
    if (key == "id") {
        t.id = parse_uuid("trial id", text);
    } else if (key == "start" || key == "stopped_on") {
        if (key == "stopped_on" && text.empty()) {
            return; // not stopped
        }
        const auto day = parse_date(text);
        if (!day) {
            throw InputError(fmt::format("trial {} must be a date as YYYY-MM-DD, got "
                                         "\"{}\"",
                                         key, shown_value(text)));
        }
        (key == "start" ? t.start : t.stopped_on.emplace()) = *day;
    } else if (key == "worthwhile") {
        t.worthwhile = parse_worthwhile("trial worthwhile", text);
    } else if (key == "pairs") {
        t.pairs = static_cast<int>(parse_count("trial pairs", text, 6, 12));
    } else if (key == "seed") {
        const bool hex = text.size() == 18 && text.starts_with("0x") &&
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
        t.started_utc = instant_at_offset(*iso).utc;
    }
}

void read_trial(JsonPull& json, const RecordHandler& handler) {
    const std::size_t line = json.line();
    json.expect('{');
    TrialEntry t;
    std::array<bool, 8> seen{};
    const std::array<std::string_view, 8> keys = {
        "id", "start", "pairs", "seed", "seed_chosen", "stopped_on", "started_at", "worthwhile"};
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
                read_trial_field(key, text, t);
            } catch (const InputError& e) {
                note(e.what());
            }
        } while (json.accept(','));
        json.expect('}');
    }
    for (std::size_t k = 0; k < keys.size(); ++k) {
        // Exports from before trial v2 have no decision rule: the default.
        if (!seen[k] && keys[k] != "stopped_on" && keys[k] != "worthwhile") {
            note(fmt::format("the trial has no \"{}\"", keys[k]));
        }
    }
    if (!problem) {
        if (const std::string plan = trial_plan_problem(t); !plan.empty()) {
            note(plan); // what trial start checks, checked for an imported trial too
        }
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
