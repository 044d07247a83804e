#include "entry_flags.hpp"

#include "context.hpp"
#include "relief/core/error.hpp"
#include "relief/core/record/validate.hpp"
#include "relief/core/text/text.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fmt/format.h>
#include <iostream>
#include <set>
#include <span>

namespace relief::cli {
namespace {

void add_value(CLI::App& cmd, const std::string& name, std::optional<std::string>& target,
               const std::string& help, const std::string& type = "VALUE") {
    cmd.add_option_function<std::string>(
           name, [&target](const std::string& v) { target = v; }, help)
        ->type_name(type);
}

} // namespace

void take_note_words(EntryValues& values, const std::vector<std::string>& words) {
    std::optional<std::string>& note = values["note"];
    if (!words.empty() && note) {
        throw InputError("give the note either with --note or as trailing words, not both");
    }
    if (!words.empty()) {
        note = join(words, " ");
    } else if (note == "-") {
        // A note on the command line is visible to every user of the
        // machine (/proc) and kept in the shell's history: --note - reads
        // it from standard input instead.
        if (stdin_is_terminal()) {
            std::cerr << "Type the note, then press Enter and Ctrl-D:\n";
        }
        std::string text;
        char buffer[4096];
        while (text.size() <= k_max_note_bytes &&
               std::cin.read(buffer, sizeof buffer).gcount() > 0) {
            text.append(buffer, static_cast<std::size_t>(std::cin.gcount()));
        }
        if (text.size() > k_max_note_bytes) { // stopped reading: its true size is not known
            throw InputError(fmt::format("note is too long: over {0} bytes on standard input, at "
                                         "most {0} are allowed",
                                         k_max_note_bytes));
        }
        note = std::move(text); // checked like any note (control characters)
    }
}

namespace {

// The flag of `field`: one value each, except a list field's, which takes
// one value per flag given (repeat it, or separate with commas: the words
// after `--area lower-back` are the note, not more areas).
void add_field_flag(CLI::App& cmd, EntryValues& v, const Field& f) {
    std::string help(f.help);
    if (!f.usual.empty()) {
        help += ": " + join(std::vector<std::string>(f.usual.begin(), f.usual.end()), ", ") + "…";
    }
    const std::size_t i = index_of(f);
    if (f.kind == FieldKind::names) {
        cmd.add_option(std::string(f.flag), v.lists[i], help)
            ->type_name(std::string(f.value_name))
            ->expected(1)
            ->allow_extra_args(false)
            ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    } else {
        add_value(cmd, std::string(f.flag), v.text[i], help, std::string(f.value_name));
    }
}

} // namespace

void add_entry_flags(CLI::App& cmd, EntryValues& v) {
    // In --help: a check-in's values, then what any record has, --at, and a session's.
    for (const FieldOf of : {FieldOf::checkin, FieldOf::both}) {
        for (const Field& f : k_fields) {
            if (f.of == of && !f.flag.empty()) {
                add_field_flag(cmd, v, f);
            }
        }
    }
    add_value(cmd, "--at", v.at,
              "When: a day (today, yesterday, fri, \"2 days ago\", -2d, 2026-11-20), a time "
              "(21:30, 9pm) or both (\"yesterday 9pm\"); for a session, its start",
              "WHEN");
    for (const Field& f : k_fields) {
        if (f.of == FieldOf::session && !f.flag.empty()) {
            add_field_flag(cmd, v, f);
        }
    }
}

std::vector<std::string> name_typo_notes(const Journal& journal, const Record& record) {
    std::vector<std::string> notes;
    const auto look = [&](Journal::NameField field, std::string_view what, std::string_view flag,
                          const std::vector<std::string>& typed) {
        if (typed.empty()) {
            return;
        }
        std::set<std::string> known = journal.names(field);
        if (field == Journal::NameField::kind) {
            // The usual kinds, as --help and the completions offer them.
            const std::span<const std::string_view> usual = k_fields[field_index("kind")].usual;
            known.insert(usual.begin(), usual.end());
        }
        for (const std::string& name : typed) {
            if (known.contains(name)) {
                continue;
            }
            for (const std::string& other : known) {
                if (name.size() > 3 && edit_distance(name, other) == 1) {
                    // The whole list as it should be: --area replaces the list.
                    std::vector<std::string> fixed = typed;
                    std::replace(fixed.begin(), fixed.end(), name, other);
                    notes.push_back(fmt::format("\"{}\" is a new {} in your journal; did you mean "
                                                "\"{}\"? (relief edit {} {} {} fixes it)",
                                                name, what, other, short_id(record.uuid), flag,
                                                join(fixed, ",")));
                    break;
                }
            }
        }
    };
    if (!record.is_checkin() && !record.kind.empty()) {
        look(Journal::NameField::kind, "kind", "--kind", {record.kind});
    }
    look(Journal::NameField::area, "area", "--area", record.areas);
    look(Journal::NameField::tag, "tag", "--tag", record.tags);
    return notes;
}

} // namespace relief::cli
