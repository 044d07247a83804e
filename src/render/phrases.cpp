#include "phrases.hpp"

#include <cmath>
#include <fmt/format.h>

#include "relief/civil.hpp"

namespace relief::render {

std::string num(const std::optional<double>& value, int decimals, bool sign) {
    if (!value) {
        return "—";
    }
    double v = *value;
    if (std::fabs(v) < 0.5 * std::pow(10.0, -decimals)) {
        v = 0; // no "-0.00"
    }
    return sign ? fmt::format("{:+.{}f}", v, decimals) : fmt::format("{:.{}f}", v, decimals);
}

std::string lag_text(int lag) {
    return lag == 0 ? "0" : fmt::format("+{}", lag);
}

std::string ci_text(const std::optional<analysis::Interval>& ci, int decimals) {
    if (!ci) {
        return "no interval";
    }
    return fmt::format("95% CI {} to {}", num(ci->low, decimals), num(ci->high, decimals));
}

std::string estimate_text(const analysis::Estimate& e, const std::string& n_phrase, int decimals,
                          bool sign) {
    if (!e.value) {
        return "—";
    }
    const std::string value = num(e.value, decimals, sign);
    if (!e.ci) {
        return fmt::format("{} ({})", value, n_phrase);
    }
    return fmt::format("{} ({}; {})", value, ci_text(e.ci, decimals), n_phrase);
}

std::string label_phrase(const std::string& label) {
    std::string out = label;
    for (char& c : out) {
        c = c == '-' ? ' ' : c;
    }
    return out;
}

std::string after_verdict_phrase(const std::string& verdict) {
    if (verdict == "consistently-lower") {
        return "pain was consistently lower after sessions";
    }
    if (verdict == "not-confirmed") {
        return "pain was lower after sessions, but not clearly below your usual level";
    }
    if (verdict == "no-consistent-difference") {
        return "no consistent difference; the data are compatible with no change";
    }
    if (verdict == "higher") {
        return "pain was higher after sessions";
    }
    return "too few sessions to tell";
}

std::string dose_verdict_phrase(const std::string& verdict) {
    if (verdict == "explained-by-trend") {
        return "weeks with more sessions had lower pain, but the overall trend accounts for it";
    }
    if (verdict == "lower-with-more-sessions") {
        return "weeks with more sessions lined up with lower pain";
    }
    if (verdict == "higher-with-more-sessions") {
        return "weeks with more sessions lined up with higher pain";
    }
    return "no clear pattern between sessions per week and pain";
}

std::string methods_text(const analysis::Report& report) {
    return fmt::format(
        "Methods: OLS trends with Newey-West 95% intervals; after-session effect as the "
        "Hodges-Lehmann estimate and NAP; circular block bootstrap intervals (2000 resamples, "
        "SplitMix64 seed {}). Intervals are likely too narrow with few weeks.",
        report.settings.seed);
}

std::string window_text(const analysis::Report& report) {
    const analysis::Window& w = report.settings.window;
    return fmt::format("{} to {} ({} week{}, {} days; a day starts at {:02}:{:02})",
                       format_date(w.start()), format_date(w.end), w.weeks, w.weeks == 1 ? "" : "s",
                       w.days(), report.settings.day_start_minutes / 60,
                       report.settings.day_start_minutes % 60);
}

std::string coverage_text(const analysis::Report& report) {
    const analysis::Coverage& c = report.coverage;
    std::string text = fmt::format(
        "{} of {} days with pain logged ({:.0f}%), {} check-in{}, {} session{} in {} episode{}",
        c.days_logged, report.settings.window.days(), 100 * c.fraction, c.checkins,
        c.checkins == 1 ? "" : "s", c.sessions, c.sessions == 1 ? "" : "s", c.episodes,
        c.episodes == 1 ? "" : "s");
    if (report.settings.exclude_backfilled) {
        text += ", backfilled check-ins left out";
    } else if (c.backfilled > 0) {
        text += fmt::format(", {} backfilled", c.backfilled);
    }
    return text;
}

} // namespace relief::render

namespace relief::render {

std::string wrap(const std::string& text, std::size_t width, const std::string& first,
                 const std::string& rest) {
    const auto columns = [](const std::string& s) {
        std::size_t n = 0;
        for (const char c : s) {
            n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
        }
        return n;
    };
    std::string out;
    std::string line = first;
    bool empty = true;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) {
            end = text.size();
        }
        const std::string word = text.substr(start, end - start);
        if (!empty && columns(line) + 1 + columns(word) > width) {
            out += line + "\n";
            line = rest;
            empty = true;
        }
        line += (empty ? "" : " ") + word;
        empty = false;
        start = end + 1;
    }
    return out + line + "\n";
}

} // namespace relief::render
