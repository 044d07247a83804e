#include "entry_flags.hpp"

#include "relief/core/error.hpp"
#include "relief/core/text/text.hpp"

#include <CLI/CLI.hpp>

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
    if (words.empty()) {
        return;
    }
    if (values.note) {
        throw InputError("give the note either with --note or as trailing words, not both");
    }
    values.note = join(words, " ");
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
    add_value(cmd, "-n,--note", v.note, "A note (or give it as the trailing words)", "TEXT");
    add_value(cmd, "--at", v.at,
              "When: a day (today, yesterday, fri, \"2 days ago\", -2d, 2026-11-20), a time "
              "(21:30, 9pm) or both (\"yesterday 9pm\"); for a session, its start",
              "WHEN");
    add_value(cmd, "-m,--massage", v.massage,
              "A session of MINUTES (1-600) that just ended (or started --at)", "MINUTES");
    add_value(cmd, "-k,--kind", v.kind,
              "Kind of session: swedish, deep-tissue, myofascial, trigger-point, sports, self…",
              "KIND");
    add_value(cmd, "--therapist", v.therapist, "Who gave the session", "NAME");
    add_value(cmd, "--pain-before", v.pain_before, "Pain just before the session, 0-10", "0-10");
}

} // namespace relief::cli
