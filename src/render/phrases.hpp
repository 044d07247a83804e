#pragma once
// The words of the report, in one place: how each verdict, label and finding
// reads, the answer block, and the number formats that the text, Markdown
// and HTML reports share. The renderers only lay these out.
#include "relief/analysis/report.hpp"
#include "relief/core/text/text.hpp"

#include <optional>
#include <string>
#include <vector>

namespace relief::render {

// "-0.04", "+1.20" (signed) or "5.14"; "—" for a missing value.
std::string num(const std::optional<double>& value, int decimals = 2, bool sign = false);
// A lag in days after a session: "0", "+1", "+2".
std::string lag_text(int lag);
// "95% CI -0.18 to 0.10"
std::string ci_text(const std::optional<analysis::Interval>& ci, int decimals = 2);
// "-1.98 (95% CI -2.30 to -1.80; 7 sessions)": every estimate with its n.
std::string estimate_text(const analysis::Estimate& e, const std::string& n_phrase,
                          int decimals = 2, bool sign = true);

// How each finding reads.
std::string phrase(analysis::TrendLabel label);     // "no meaningful change"
std::string phrase(analysis::AfterVerdict verdict); // "pain was consistently lower after sessions"
std::string phrase(analysis::DoseVerdict verdict);
std::string phrase(analysis::SeriesVerdict verdict, const std::string& series);

// Whether an R4 note belongs in the plain list under the verdict: not the
// ones that restate the verdict, nor the one about the overlap measure
// (that is shown with --details only).
bool plain_note(analysis::NoteKind kind);

// R8, the answer: one line per question, in plain words.
struct AnswerLine {
    std::string question; // "Does massage help?"
    std::string text;
};
std::string answer_title(const analysis::Report& report); // "In short (8 weeks, 7 sessions)"
std::vector<AnswerLine> answer_lines(const analysis::Report& report);
// The caveats that go with the answer: "not randomised…" and the one that
// matters most for this journal, then "a rough guide" when it applies.
std::vector<std::string> answer_caveats(const analysis::Report& report);

// The text with its first letter in upper case (ASCII).
std::string capitalised(std::string text);

// A statistical term and what it means, for --details.
struct Term {
    const char* name;
    const char* meaning;
    bool on_page; // also on the printable page's short list
};
const std::vector<Term>& glossary();

// The footer: how the intervals were made and the caution about few weeks;
// `details` also names the methods.
std::string methods_text(const analysis::Report& report, bool details);
std::string window_text(const analysis::Report& report);
std::string coverage_text(const analysis::Report& report);
// "Your journal starts 2026-09-21: 10 weeks shown of the 26 asked." or "",
// or, for a window wholly before the journal, that it starts after it.
std::string cut_text(const analysis::Report& report);
// " (from your last 11 sessions, since 2026-08-20)" when the answer's window
// was widened (§1), else "": for the headings of what it computed.
std::string answer_window_note(const analysis::Report& report);
// " From your last 11 sessions (2026-06-01 to 2026-11-22): …" or "".
std::string answer_window_sentence(const analysis::Report& report);
// "Usual level" as a pain level: "about 4.8", or "" when there is none.
std::string usual_level_text(const analysis::Report& report);

} // namespace relief::render
