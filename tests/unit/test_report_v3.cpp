// Version 3 of the analysis (docs/methods.md): the answer's window (how far
// it widens and where it stops), the counts of R8 with their reasons, the
// usual level as a pain level, and the notes that changed.
#include "analysis/answer_window.hpp"
#include "relief/analysis/report.hpp"
#include "relief/analysis/wording.hpp"
#include "report_fixtures.hpp"

#include <doctest/doctest.h>
#include <set>
#include <string>

using namespace relief;
using namespace relief::analysis;
using namespace relief::test;

namespace {

// `days` days ending on k_end with pain every day (4, or 2 on the two days
// after a session) and a session every `every` days, the last on day `last`
// days before the end.
ReportInput diary(int days, int every, int last = 3) {
    ReportInput in;
    const DayNumber start = k_end - days + 1;
    std::set<DayNumber> relief;
    for (DayNumber d = k_end - last; d >= start + 3; d -= every) {
        in.sessions.push_back(session(d));
        relief.insert({d + 1, d + 2});
    }
    for (DayNumber d = start; d <= k_end; ++d) {
        in.checkins.push_back(pain(d, relief.count(d) > 0 ? 2 : 4));
    }
    in.journal_start = start;
    return in;
}

// What the CLI does: the window asked for, then one more week at a time
// while the search wants it, and the report on what was read.
Report report_of(const Settings& s, const ReportInput& all) {
    const auto in_days = [&](DayNumber first, DayNumber last) {
        std::vector<CheckinInput> out;
        for (const CheckinInput& c : all.checkins) {
            if (c.day >= first && c.day <= last) {
                out.push_back(c);
            }
        }
        return out;
    };
    AnswerWindowSearch search(s, all.journal_start);
    ReportInput input = all;
    input.checkins = in_days(s.window.start(), s.window.end);
    search.add(input.checkins);
    while (!search.done(all.sessions)) {
        search.widen();
        const Window now{s.window.end, search.weeks()};
        const std::vector<CheckinInput> week = in_days(now.start(), now.start() + 6);
        search.add(week);
        input.checkins.insert(input.checkins.end(), week.begin(), week.end());
    }
    input.weeks_read = search.weeks();
    return build_report(s, std::move(input));
}

} // namespace

TEST_CASE("the answer's window widens week by week until it holds 8 usable sessions") {
    // Every 14 days for 40 weeks: 8 weeks hold 4 sessions; the 8th usable one
    // is 101 days before the end, its 3 days before inside 15 weeks.
    const ReportInput in = diary(280, 14);
    const Report r = report_of(settings(8), in);
    const AnswerWindow& aw = r.answer_window;
    CHECK(aw.widened());
    CHECK(aw.usable_sessions == 8);
    CHECK(aw.max_weeks == 40);
    // The smallest such window: one week fewer holds only 7.
    const int weeks = aw.window().weeks;
    CHECK(weeks == 15);
    CHECK(count_comparable(Window{k_end, weeks - 1}, build_report(settings(weeks - 1), in).daily,
                           in.sessions)
              .usable == 7);
    // The same report from all 40 weeks at once: the search stops at the same week.
    CHECK(build_report(settings(8), in).answer_window.window().weeks == weeks);
    // Everything but the answer stays on the 8 weeks asked.
    CHECK(r.window().weeks == 8);
    CHECK(r.weeks.size() == 8);
    CHECK(r.coverage.sessions == 4);
    CHECK(r.answer.sessions == 8);
    CHECK(r.answer.sessions_counted == 8);
    CHECK(r.after_sessions.valid_episodes == 8);
    CHECK(r.after_sessions.effects_counted == 8);
    CHECK(r.answer.helps != Helps::too_early);
}

TEST_CASE("the answer's window stops at the journal's start") {
    // 12 weeks of journal, a session every 14 days: at most 6 sessions.
    const Report r = report_of(settings(8), diary(84, 14));
    CHECK(r.answer_window.max_weeks == 12);
    CHECK(r.answer_window.window().weeks == 12);
    CHECK(r.answer_window.widened());
    CHECK(r.answer_window.usable_sessions == 6);
}

TEST_CASE("the answer's window stops at 52 weeks") {
    // Every 60 days: 6 sessions a year.
    const Report r = report_of(settings(8), diary(3 * 365, 60));
    CHECK(r.answer_window.max_weeks == 52);
    CHECK(r.answer_window.window().weeks == 52);
    CHECK(r.answer_window.usable_sessions == 6);
    CHECK(r.answer.helps != Helps::too_early); // 6 usable: an interval and a verdict
}

TEST_CASE("the answer's window is the window asked for when that holds 8, or has 52+ weeks") {
    const ReportInput weekly = diary(365, 7);
    const Report r = report_of(settings(8), weekly);
    CHECK_FALSE(r.answer_window.widened());
    CHECK(r.answer_window.window().weeks == 8);
    AnswerWindowSearch search(settings(8), weekly.journal_start);
    search.add(weekly.checkins);
    CHECK(search.done(weekly.sessions)); // the 8 weeks asked for hold 8: nothing more to read
    CHECK(search.weeks() == 8);
    // --weeks past 52 is never narrowed, and never widened further.
    const Report wide = report_of(settings(60), diary(3 * 365, 30));
    CHECK(wide.answer_window.window().weeks == 60);
    CHECK(wide.answer_window.max_weeks == 60);
    CHECK_FALSE(wide.answer_window.widened());
    // No journal: nothing to widen into.
    ReportInput none;
    AnswerWindowSearch empty(settings(8), none.journal_start);
    CHECK(empty.max_weeks() == 8);
    CHECK(empty.done(none.sessions));
    CHECK(report_of(settings(8), none).answer_window.window().weeks == 8);
}

TEST_CASE("the search needs only which days have pain") {
    ReportInput in = diary(280, 14);
    const Report r = report_of(settings(8), in);
    for (CheckinInput& c : in.checkins) {
        c.pain = 9; // same days, other values: same window
    }
    CHECK(report_of(settings(8), in).answer_window.window().weeks ==
          r.answer_window.window().weeks);
}

TEST_CASE("R8 counts every session of the answer's window, with why some were not compared") {
    ReportInput in;
    const DayNumber start = k_end - 55;
    for (int t = 0; t < 56; ++t) {
        // No pain on days 20–22 (before the session of day 23), nor 45–47
        // (after the session of day 44).
        if ((t >= 20 && t <= 22) || (t >= 45 && t <= 47)) {
            continue;
        }
        in.checkins.push_back(pain(start + t, 5));
    }
    for (const int t : {5, 12, 14, 23, 30, 37, 44}) { // day 14: 2 days after day 12
        in.sessions.push_back(session(start + t));
    }
    in.sessions.push_back(session(start + 30, 16)); // a second on day 30
    in.journal_start = start;
    const Report r = build_report(settings(8), in);
    const Answer& a = r.answer;
    CHECK(a.sessions == 8);
    CHECK(a.not_compared.same_episode == 2);        // day 14, and day 30's second
    CHECK(a.not_compared.days_before_missing == 1); // day 23
    CHECK(a.not_compared.days_after_missing == 1);  // day 44 (pain after it missing)
    CHECK(a.sessions_counted == 4);
    CHECK(a.sessions_counted + a.not_compared.same_episode + a.not_compared.days_before_missing +
              a.not_compared.days_after_missing ==
          a.sessions);
    CHECK(a.helps == Helps::too_early);
    CHECK(a.more_sessions_needed == 2); // 6 − 4 usable
}

TEST_CASE("'log N more' counts usable sessions, not valid ones") {
    // Six sessions with pain before them, but none after the last three.
    ReportInput in;
    const DayNumber start = k_end - 55;
    for (int t = 0; t < 40; ++t) {
        in.checkins.push_back(pain(start + t, 5));
    }
    for (int t = 45; t < 56; t += 4) {
        in.checkins.push_back(pain(start + t, 5)); // the days before 47, 51, 55 … and not after
    }
    for (const int t : {8, 16, 24, 32}) {
        in.sessions.push_back(session(start + t));
    }
    in.journal_start = start;
    const Report r = build_report(settings(8), in);
    CHECK(r.answer.helps == Helps::too_early);
    CHECK(r.answer.sessions_counted == 4);
    CHECK(r.answer.more_sessions_needed == 2);
}

TEST_CASE("usual_pain is the usual level as a pain level on the answer's line") {
    const Report r = report_of(settings(8), diary(280, 14));
    REQUIRE(r.after_sessions.usual_level);
    REQUIRE(r.usual_pain_level());
    const double T = r.answer_window.window().days();
    CHECK(*r.usual_pain_level() == doctest::Approx(*r.after_sessions.usual_level + r.answer_line.a +
                                                   r.answer_line.b * (T - 1)));
    CHECK(*r.usual_pain_level() == doctest::Approx(4.0).epsilon(0.02)); // pain 4 away from sessions
}

TEST_CASE("'a rough guide' only beside a verdict") {
    // 4 usable sessions: an estimate, no interval, too early: no note.
    ReportInput in = diary(56, 14);
    const Report early = build_report(settings(8), in);
    REQUIRE(early.after_sessions.available);
    CHECK(early.after_sessions.effect.value);
    CHECK(early.after_sessions.verdict == AfterVerdict::too_few_sessions);
    for (const Note& n : early.notes) {
        CHECK(n.kind != NoteKind::rough_guide);
    }
    // 7 usable sessions in 8 weeks: a verdict, and the note.
    const Report weekly = build_report(settings(8), diary(56, 7));
    REQUIRE(weekly.after_sessions.verdict != AfterVerdict::too_few_sessions);
    bool rough = false;
    for (const Note& n : weekly.notes) {
        rough = rough || n.kind == NoteKind::rough_guide;
    }
    CHECK(rough);
}

TEST_CASE("the day-after note names deep massage only when most sessions were deep") {
    // Pain 7 on the day after each weekly session, 4 otherwise.
    ReportInput in;
    const DayNumber start = k_end - 55;
    for (int t = 0; t < 56; ++t) {
        in.checkins.push_back(pain(start + t, t >= 8 && t % 7 == 1 ? 7 : 4));
    }
    for (int t = 7; t < 56; t += 7) {
        SessionInput s = session(start + t);
        s.kind = t < 28 ? "deep-tissue" : "swedish";
        in.sessions.push_back(s);
    }
    in.journal_start = start;
    const auto note_of = [](const Report& r) {
        for (const Note& n : r.after_sessions.notes) {
            if (n.kind == NoteKind::day_after_higher) {
                return note_text(n);
            }
        }
        return std::string("none");
    };
    const Report mixed = build_report(settings(8), in);
    REQUIRE(mixed.after_sessions.day_after_higher);
    CHECK(note_of(mixed) == "pain was higher on the day after sessions (+3.0, 7 sessions)");
    for (SessionInput& s : in.sessions) {
        s.kind = "deep-tissue";
    }
    CHECK(note_of(build_report(settings(8), in)) ==
          "pain was higher on the day after sessions (+3.0, 7 sessions) — soreness after deep "
          "massage is common");
}
