#include "relief/core/config/config.hpp"
#include "relief/core/error.hpp"
#include "relief/core/text/toml_ascii.hpp"
#include "testutil.hpp"

#include <doctest/doctest.h>

using namespace relief;

TEST_CASE("a missing config file means the defaults") {
    test::TempDir dir;
    const Config config = load_config(dir.file("absent.toml"));
    CHECK(config.day_start_minutes == 240);
    CHECK(config.report_weeks == 8);
    CHECK(config.relief_threshold == 1.0);
    CHECK(config.default_kind.empty());
    CHECK_FALSE(config.default_minutes);
    CHECK_FALSE(config.every_days);
    CHECK(config.color == ColorMode::auto_detect);
}

TEST_CASE("every key is read") {
    test::TempDir dir;
    const std::string path = dir.file("config.toml");
    test::write_file(path, R"(# mine
day_starts_at = "05:30"
color = "never"

[report]
weeks = 12
relief_threshold = 1.5

[massage]
default_kind = "Swedish"
default_minutes = 45
every_days = 14
)");
    const Config config = load_config(path);
    CHECK(config.day_start_minutes == 330);
    CHECK(config.report_weeks == 12);
    CHECK(config.relief_threshold == 1.5);
    CHECK(config.default_kind == "swedish");
    CHECK(config.default_minutes == 45);
    CHECK(config.every_days == 14);
    CHECK(config.color == ColorMode::never);
}

TEST_CASE("errors name file:line") {
    test::TempDir dir;
    const std::string path = dir.file("config.toml");
    SUBCASE("unknown key: a warning with a guess, and the other keys still read") {
        test::write_file(path, "relief_treshold = 1.5\n[report]\nweeks = 9\nweek = 9\n"
                               "[frobs]\nx = 1\n");
        const ExplainedConfig loaded = load_config_explained(path);
        CHECK(loaded.config.report_weeks == 9);
        CHECK(loaded.config.relief_threshold == 1.0);
        REQUIRE(loaded.unknown.size() == 3);
        CHECK(loaded.unknown[0].warning ==
              path + ":1: unknown key \"relief_treshold\" (did you mean "
                     "report.relief_threshold?); it is ignored (relief config lists the keys)");
        CHECK(loaded.unknown[1].warning ==
              path + ":4: unknown key \"report.week\" (did you mean report.weeks?); it is "
                     "ignored (relief config lists the keys)");
        CHECK(loaded.unknown[2].warning == path + ":6: unknown key \"frobs.x\"; it is ignored "
                                                  "(relief config lists the keys)");
    }
    SUBCASE("bad value") {
        test::write_file(path, "\n[report]\nweeks = 0\n");
        CHECK_THROWS_WITH_AS(
            load_config(path),
            (path + ":3: report.weeks must be a whole number from 1 to 520, got 0").c_str(),
            UnusableError);
    }
    SUBCASE("bad time") {
        test::write_file(path, "day_starts_at = \"4 o'clock\"\n");
        CHECK_THROWS_WITH_AS(load_config(path),
                             (path + ":1: day_starts_at must be a time like 04:00 or 4am, from "
                                     "00:00 to 23:59, got 4 o'clock")
                                 .c_str(),
                             UnusableError);
    }
    SUBCASE("a time in the forms --at takes") {
        for (const char* form : {"3am", "3:00", "03:00", "3 AM"}) {
            test::write_file(path, std::string("day_starts_at = \"") + form + "\"\n");
            CHECK(load_config(path).day_start_minutes == 180);
        }
    }
    SUBCASE("invalid TOML") {
        test::write_file(path, "color = \"never\"\nweeks = = 3\n");
        try {
            load_config(path);
            FAIL("no error");
        } catch (const UnusableError& e) {
            CHECK(std::string(e.what()).starts_with(path + ":2: "));
            CHECK(e.exit_code() == ExitCode::unusable);
        }
    }
    SUBCASE("TOML's own dates and times say what was read") {
        test::write_file(path, "day_starts_at = 2026-01-01T04:00:00\n");
        CHECK_THROWS_WITH_AS(load_config(path),
                             (path + ":1: day_starts_at must be text in quotes, like "
                                     "day_starts_at = \"04:00\", got 2026-01-01T04:00:00 (a TOML "
                                     "date-time)")
                                 .c_str(),
                             UnusableError);
        test::write_file(path, "[report]\nweeks = 1979-05-27\n");
        CHECK_THROWS_WITH_AS(load_config(path),
                             (path + ":2: report.weeks must be a number without quotes, like "
                                     "report.weeks = 8, got 1979-05-27 (a TOML date)")
                                 .c_str(),
                             UnusableError);
        test::write_file(path, "day_starts_at = 04:00\n");
        CHECK_THROWS_WITH_AS(load_config(path),
                             (path + ":1: not valid TOML: Error while parsing time: expected ':', "
                                     "saw '\\n' (write a time in quotes: day_starts_at = "
                                     "\"04:00\")")
                                 .c_str(),
                             UnusableError);
    }
    SUBCASE("a table where a value belongs") {
        test::write_file(path, "[color]\nx = 1\n");
        CHECK_THROWS_AS(load_config(path), UnusableError);
    }
}

TEST_CASE("the key table round-trips its own values") {
    Config config;
    for (const ConfigKey& key : config_keys()) {
        CAPTURE(key.name);
        const std::string shown = key.show(config);
        if (!shown.empty()) {
            key.assign(config, shown);
            CHECK(key.show(config) == shown);
        }
    }
    CHECK(find_config_key("report.weeks") != nullptr);
    CHECK(find_config_key("report") == nullptr);
}

TEST_CASE("toml++ is only given ASCII, with the same meaning") {
    CHECK(to_ascii_toml("a = 1 # café\n") == "a = 1 # caf \n");
    CHECK(to_ascii_toml("k = \"suédoise\"") == "k = \"su\\u00E9doise\"");
    CHECK(to_ascii_toml("k = 'C:\\x \"é\"'") == "k = \"C:\\\\x \\\"\\u00E9\\\"\"");
    CHECK(to_ascii_toml("k = \"\\\"é\"") == "k = \"\\\"\\u00E9\"");
    CHECK(to_ascii_toml("k = \"\"\"\\\n\xc2\xa7\"\"\"\"") == "k = \"\"\"\\\n\\u00A7\\\"\"\"\"");
    CHECK(to_ascii_toml("k = '''x''''") == "k = \"\"\"x'\"\"\"");
    CHECK(to_ascii_toml("k = \"\xf0\x9f\x98\x80\"") == "k = \"\\U0001F600\"");
    CHECK_THROWS_WITH_AS(to_ascii_toml("a = 1\né = 1\n"),
                         "2: not valid TOML: a non-ASCII character outside a string or comment",
                         InputError);
    CHECK_THROWS_WITH_AS(to_ascii_toml("k = \"\xff\""), "1: not valid TOML: invalid UTF-8",
                         InputError);
    CHECK_THROWS_WITH_AS(to_ascii_toml("# \xc3\n"), "1: not valid TOML: invalid UTF-8", InputError);
    CHECK_THROWS_WITH_AS(to_ascii_toml("k = \"\\\xc3\xa9\""),
                         "1: not valid TOML: a backslash before a non-ASCII character", InputError);
}

TEST_CASE("non-ASCII text in a config: read in comments and strings, refused elsewhere") {
    const Config c = parse_config("# Massage alle zwei Wochen — café\n"
                                  "[massage]\ndefault_kind = \"suédoise\" # é\n",
                                  "c.toml")
                         .config;
    CHECK(c.default_kind == "suédoise");
    CHECK(parse_config("[massage]\ndefault_kind = 'шведский'\n", "c.toml").config.default_kind ==
          "шведский");
    const std::string message = "not valid TOML: a non-ASCII character outside a string or comment";
    CHECK_THROWS_WITH_AS(parse_config("é = 1\n", "c.toml"), ("c.toml:1: " + message).c_str(),
                         UnusableError);
    CHECK_THROWS_WITH_AS(parse_config(std::string("r\xc4\xbf\0Fyet\n[xd", 12), "c.toml"),
                         ("c.toml:1: " + message).c_str(), UnusableError);
    // The line-ending backslash of toml++ issue #190, and the fuzzer's second find.
    CHECK(parse_config("[massage]\ndefault_kind = \"\"\"\\\n  \xc2\xa7\"\"\"\n", "c.toml")
              .config.default_kind == "\xc2\xa7");
    CHECK_THROWS_AS(
        parse_config("da= 1N1'''cxxabiv1)_\xef\xbb\xbemi__)_\xef\xbb\xbfmin\n", "c.toml"),
        UnusableError);
}
