#include "commands.hpp"

#include <algorithm>

namespace relief::cli {
namespace {

constexpr Command k_commands[] = {
    {"log", "record a check-in, a session, or both", setup_log},
    {"list", "show records with their ids (text, json, csv)", setup_list},
    {"edit", "change the values of a record", setup_edit},
    {"delete", "remove records", setup_delete},
    {"undo", "revert the last change (--dry-run shows it)", setup_undo},
    {"redo", "bring back the change undone last", setup_redo},
    {"report", "does massage help, how long, how often (text, json, markdown, html)", setup_report},
    {"trial", "a 16-week randomised trial of massage (plan: text, json, ics)", setup_trial},
    {"status", "today at a glance (text, json; --short for a prompt)", setup_status},
    {"remind", "for cron: a line and exit 1 when today has no check-in", setup_remind},
    {"export", "write records as CSV or JSON", setup_export},
    {"import", "add records from CSV or JSON, all or nothing", setup_import},
    {"demo", "fill an empty journal with synthetic weeks", setup_demo},
    {"config", "show, get or set settings", setup_config},
    {"backup", "copy the journal safely to a new file", setup_backup},
    {"check", "check the journal for damage", setup_check},
    {"__complete", "", setup_complete}, // for the shell completions: not listed
};

} // namespace

std::span<const Command> commands() {
    return k_commands;
}

const Command* find_command(std::string_view name) {
    const auto found = std::find_if(std::begin(k_commands), std::end(k_commands),
                                    [&](const Command& c) { return c.name == name; });
    return found == std::end(k_commands) ? nullptr : found;
}

} // namespace relief::cli
