// relief config: the effective settings and where each came from; get, set, path.
#include "choices.hpp"
#include "commands.hpp"
#include "relief/core/config/paths.hpp"
#include "relief/core/text/json.hpp"
#include "relief/core/text/text.hpp"
#include "selection.hpp"

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
    std::string format = "text";
};

bool no_color_set() {
    const char* v = std::getenv("NO_COLOR");
    return v != nullptr && *v != '\0';
}

// A setting's value and where it came from: default, FILE:LINE or the
// environment.
struct Shown {
    std::string key;
    std::string value; // "" = unset
    std::string from;
};

std::vector<Shown> settings(const ExplainedConfig& loaded) {
    std::vector<Shown> shown;
    for (const ConfigKey& key : config_keys()) {
        Shown s{std::string(key.name), key.show(loaded.config), "default"};
        if (const auto it = loaded.origin.find(s.key); it != loaded.origin.end()) {
            s.from = it->second;
        }
        if (key.name == "color" && no_color_set()) {
            s.value = "never";
            s.from = "environment (NO_COLOR)";
        }
        shown.push_back(std::move(s));
    }
    return shown;
}

// relief.config/1: the same table for a script.
void print_json(const std::string& path, bool exists, const ExplainedConfig& loaded) {
    JsonWriter j;
    j.begin_object();
    j.key("schema").value("relief.config/1");
    j.key("file").value(path);
    j.key("file_exists").value(exists);
    j.key("settings").begin_array();
    for (const Shown& s : settings(loaded)) {
        j.begin_object();
        j.key("key").value(s.key);
        j.key("value").value(s.value.empty() ? std::nullopt : std::optional<std::string>(s.value));
        j.key("from").value(s.from);
        j.end_object();
    }
    j.end_array();
    j.key("unknown_keys").begin_array();
    for (const UnknownKey& unknown : loaded.unknown) {
        j.begin_object();
        j.key("key").value(unknown.name);
        j.key("where").value(unknown.where);
        j.key("warning").value(unknown.warning);
        j.end_object();
    }
    j.end_array();
    j.end_object();
    std::cout << j.str() << '\n';
}

ExitCode run_show(const ConfigOptions& options, const GlobalOptions& globals) {
    const std::string path = config_path(globals.config);
    const ExplainedConfig loaded = load_config_explained(path);
    struct stat st {};
    const bool exists = ::stat(path.c_str(), &st) == 0;
    if (options.format == "json") {
        print_json(path, exists, loaded);
        return ExitCode::ok;
    }
    const char* env = std::getenv("RELIEF_CONFIG");
    const std::string chosen_by = !globals.config.empty()            ? "--config"
                                  : (env != nullptr && *env != '\0') ? "$RELIEF_CONFIG"
                                                                     : "the XDG default";
    std::cout << fmt::format("Config file: {} (from {}){}\n\n", path, chosen_by,
                             exists ? "" : "; not there: defaults apply");
    std::cout << fmt::format("{:<24}  {:<8}  {}\n", "KEY", "VALUE", "FROM");
    for (const Shown& s : settings(loaded)) {
        std::cout << fmt::format("{:<24}  {:<8}  {}\n", s.key,
                                 s.value.empty() ? "(unset)" : s.value, s.from);
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
    add_choice_option(*cmd, "--format", options->format, {"text", "json"}, "(relief.config/1)");
    cmd->footer(R"EX(Examples:
  relief config
  relief config get report.weeks
  relief config set massage.every_days 14
  relief config set day_starts_at 05:00
  $EDITOR "$(relief config path)"

Keys: day_starts_at, report.weeks, report.relief_threshold,
massage.default_kind, massage.default_minutes, massage.every_days, color.)EX");
    CLI::App* get = cmd->add_subcommand("get", "Print one setting's value");
    get->add_option("key", options->key, "The key, like report.weeks")
        ->required()
        ->type_name("KEY");
    CLI::App* set = cmd->add_subcommand("set", "Change a setting in the config file");
    set->add_option("key", options->key, "The key, like report.weeks")
        ->required()
        ->type_name("KEY");
    set->add_option("value", options->value, "The new value")->required();
    CLI::App* path = cmd->add_subcommand("path", "Print the config file's path");

    cmd->callback([cmd, options, &globals, &result] {
        if (cmd->get_subcommands().empty()) {
            result.code = run_show(*options, globals);
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
