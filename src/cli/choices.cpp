#include "choices.hpp"

#include "relief/core/text/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace relief::cli {
namespace {

// Each option's choices, by the option: CLI11 has no place for them, and
// the completions ask for them by the option they find.
std::map<const CLI::Option*, std::vector<std::string>>& registry() {
    static std::map<const CLI::Option*, std::vector<std::string>> choices;
    return choices;
}

} // namespace

CLI::Option* add_choice_option(CLI::App& cmd, const std::string& name, std::string& target,
                               std::vector<std::string> choices, std::string_view more) {
    std::vector<std::string> shown = choices;
    for (std::string& word : shown) {
        if (word == target) {
            word += " (default)";
        }
    }
    std::string help = or_list(shown);
    if (!more.empty()) {
        help += " " + std::string(more);
    }
    const CLI::Validator one_of(
        [choices](const std::string& value) {
            if (std::find(choices.begin(), choices.end(), value) != choices.end()) {
                return std::string();
            }
            return fmt::format("must be {}, got \"{}\"", or_list(choices), shown_value(value));
        },
        "", "one of");
    CLI::Option* option = cmd.add_option(name, target, help)
                              ->type_name(name == "--format" ? "FORMAT" : "WORD")
                              ->transform([](std::string word) { return to_lower(word); })
                              ->check(one_of);
    registry()[option] = std::move(choices);
    return option;
}

std::vector<std::string> choices_of(const CLI::Option& option) {
    const auto found = registry().find(&option);
    return found == registry().end() ? std::vector<std::string>() : found->second;
}

} // namespace relief::cli
