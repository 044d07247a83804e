// relief config: the effective settings and where each came from; get, set, path.
#include "commands.hpp"
#include "relief/core/config/paths.hpp"
#include "relief/core/text/text.hpp"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <fmt/format.h>
#include <iostream>
#include <sys/stat.h>

namespace relief::cli {
namespace {

struct ConfigOptions {
    std::string key;
    std::string value;
};

bool no_color_set() {
    const char* v = std::getenv("NO_COLOR");
    return v != nullptr && *v != '\0';
}

ExitCode run_show(const GlobalOptions& globals) {
    const std::string path = config_path(globals.config);
    const ExplainedConfig loaded = load_config_explained(path);
    struct stat st {};
    const char* env = std::getenv("RELIEF_CONFIG");
    const std::string chosen_by = !globals.config.empty()            ? "--config"
                                  : (env != nullptr && *env != '\0') ? "$RELIEF_CONFIG"
                                                                     : "the XDG default";
    std::cout << fmt::format("Config file: {} (from {}){}\n\n", path, chosen_by,
                             ::stat(path.c_str(), &st) == 0 ? "" : "; not there: defaults apply");
    std::cout << fmt::format("{:<24}  {:<8}  {}\n", "KEY", "VALUE", "FROM");
    for (const ConfigKey& key : config_keys()) {
        std::string value = key.show(loaded.config);
        std::string from = "default";
        if (const auto it = loaded.origin.find(std::string(key.name)); it != loaded.origin.end()) {
            from = it->second;
        }
        if (key.name == "color" && no_color_set()) {
            value = "never";
            from = "environment (NO_COLOR)";
        }
        std::cout << fmt::format("{:<24}  {:<8}  {}\n", key.name, value.empty() ? "(unset)" : value,
                                 from);
    }
    if (!loaded.unknown.empty()) {
        std::cout << "\nNot used (relief goes on without them):\n";
        for (const UnknownKey& unknown : loaded.unknown) {
            std::cout << "  " << unknown.warning << '\n';
        }
    }
    std::cout
        << "\nrelief report's --weeks and --relief-threshold override report.* for one run.\n";
    return ExitCode::ok;
}

const ConfigKey& known_key(const std::string& name) {
    const ConfigKey* key = find_config_key(name);
    if (!key) {
        throw InputError(
            fmt::format("unknown key \"{}\" (relief config lists the keys)", shown_value(name)));
    }
    return *key;
}

} // namespace

void setup_config(CLI::App& app, const GlobalOptions& globals, RunResult& result) {
    auto options = std::make_shared<ConfigOptions>();
    CLI::App* cmd = app.add_subcommand("config", "Show, get or set settings");
    cmd->description("Without a subcommand: every setting, its value and where it came from "
                     "(default, the config file with its line, or the environment).");
    cmd->require_subcommand(0, 1);
    cmd->footer(R"EX(Examples:
  relief config
  relief config get report.weeks
  relief config set massage.every_days 14
  relief config set day_starts_at 05:00
  $EDITOR "$(relief config path)"

Keys: day_starts_at, report.weeks, report.relief_threshold,
massage.default_kind, massage.default_minutes, massage.every_days, color.)EX");
    CLI::App* get = cmd->add_subcommand("get", "Print one setting's value");
    get->add_option("key", options->key, "The key, like report.weeks")->required();
    CLI::App* set = cmd->add_subcommand("set", "Change a setting in the config file");
    set->add_option("key", options->key, "The key, like report.weeks")->required();
    set->add_option("value", options->value, "The new value")->required();
    CLI::App* path = cmd->add_subcommand("path", "Print the config file's path");

    cmd->callback([cmd, &globals, &result] {
        if (cmd->get_subcommands().empty()) {
            result.code = run_show(globals);
        }
    });
    get->callback([options, &globals, &result] {
        const ConfigKey& key = known_key(options->key);
        const std::string value = key.show(load_config(globals));
        if (value.empty()) {
            result.code = ExitCode::no; // unset
            return;
        }
        std::cout << value << '\n';
    });
    set->callback([options, &globals] {
        const std::string file = config_path(globals.config);
        set_config_value(file, options->key, options->value);
        std::cout << fmt::format("Set {} = {} in {}.\n", options->key,
                                 known_key(options->key).show(load_config(globals)), file);
    });
    path->callback([&globals] { std::cout << config_path(globals.config) << '\n'; });
}

} // namespace relief::cli
