#pragma once
// Words and number formats that the text, Markdown and HTML reports share.
#include <optional>
#include <string>

#include "relief/analysis/report.hpp"

namespace relief::render {

// "-0.04", "+1.20" (signed) or "5.14"; "—" for a missing value.
std::string num(const std::optional<double>& value, int decimals = 2, bool sign = false);
// A lag in days after a session: "0", "+1", "+2".
std::string lag_text(int lag);
// "95% CI -0.18 to 0.10"
std::string ci_text(const std::optional<analysis::Interval>& ci, int decimals = 2);
// "-1.98 (95% CI -2.30 to -1.80; 7 sessions)": §4, every estimate with its n.
std::string estimate_text(const analysis::Estimate& e, const std::string& n_phrase,
                          int decimals = 2, bool sign = true);

std::string label_phrase(const std::string& immpact_label); // "minimal improvement"
std::string after_verdict_phrase(const std::string& verdict);
std::string dose_verdict_phrase(const std::string& verdict);
// The footer: methods, seed, and the caution about few weeks.
std::string methods_text(const analysis::Report& report);
std::string window_text(const analysis::Report& report);
std::string coverage_text(const analysis::Report& report);

// Word-wraps `text` to `width` columns (UTF-8 aware): the first line starts
// with `first`, the rest with `rest`; ends with a newline.
std::string wrap(const std::string& text, std::size_t width, const std::string& first,
                 const std::string& rest);

} // namespace relief::render
