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
    if (!words.empty() && values.note) {
        throw InputError("give the note either with --note or as trailing words, not both");
    }
    if (!words.empty()) {
        values.note = join(words, " ");
    } else if (values.note == "-") {
        // A note on the command line is visible to every user of the
        // machine (/proc) and kept in the shell's history: --note - reads
        // it from standard input instead.
        if (stdin_is_terminal()) {
            std::cerr << "Type the note, then press Enter and Ctrl-D:\n";
        }
        std::string note;
        char buffer[4096];
        while (note.size() <= k_max_note_bytes &&
               std::cin.read(buffer, sizeof buffer).gcount() > 0) {
            note.append(buffer, static_cast<std::size_t>(std::cin.gcount()));
        }
        if (note.size() > k_max_note_bytes) { // stopped reading: its true size is not known
            throw InputError(fmt::format("note is too long: over {0} bytes on standard input, at "
                                         "most {0} are allowed",
                                         k_max_note_bytes));
        }
        values.note = std::move(note); // checked like any note (control characters)
    }
}

void add_entry_flags(CLI::App& cmd, EntryValues& v, const std::string& pain_help) {
    add_value(cmd, "-p,--pain", v.pain, pain_help + ", 0-10 (0 = none, 10 = worst imaginable)",
              "0-10");
    add_value(cmd, "--mood", v.mood, "Mood, 0-10 (10 = best)", "0-10");
    add_value(cmd, "--sleep", v.sleep, "Hours slept last night, 0-24 (like 7.5)", "HOURS");
    add_value(cmd, "--sleep-quality", v.sleep_quality, "Sleep quality, 0-10 (10 = best)", "0-10");
    // One value each (repeat the flag, or separate with commas): the words
    // after `--area lower-back` are the note, not more areas.
    cmd.add_option(
           "-a,--area", v.areas,
           "Body area, like lower-back or neck (repeat it, or a,b; \"lower back\" is lower-back)")
        ->type_name("AREA")
        ->expected(1)
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    cmd.add_option("-t,--tag", v.tags, "A tag, like gardening (repeat it, or a,b)")
        ->type_name("TAG")
        ->expected(1)
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    add_value(cmd, "-n,--note", v.note,
              "A note (or the trailing words); - reads it from standard input, out of sight of "
              "other users and of your shell's history",
              "TEXT");
    add_value(cmd, "--at", v.at,
              "When: a day (today, yesterday, fri, \"2 days ago\", -2d, 2026-11-20), a time "
              "(21:30, 9pm) or both (\"yesterday 9pm\"); for a session, its start",
              "WHEN");
    add_value(cmd, "-m,--massage", v.massage,
              "A session of MINUTES (1-600) that just ended (or started --at)", "MINUTES");
    add_value(cmd, "-k,--kind", v.kind,
              "Kind of session: " +
                  join(std::vector<std::string>(k_usual_kinds.begin(), k_usual_kinds.end()), ", ") +
                  "…",
              "KIND");
    add_value(cmd, "--therapist", v.therapist, "Who gave the session", "NAME");
    add_value(cmd, "--pain-before", v.pain_before, "Pain just before the session, 0-10", "0-10");
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
            known.insert(k_usual_kinds.begin(), k_usual_kinds.end());
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
