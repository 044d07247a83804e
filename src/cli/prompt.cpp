#include "prompt.hpp"

#include <fmt/format.h>
#include <functional>
#include <istream>
#include <ostream>

#include "relief/error.hpp"
#include "relief/text.hpp"
#include "relief/validate.hpp"

namespace relief::cli {
namespace {

struct EndOfInput {};

// One question: returns the answer (nullopt when skipped with Enter).
std::optional<std::string> ask(std::istream& in, std::ostream& out, std::string_view question,
                               const std::function<void(const std::string&)>& check) {
    while (true) {
        out << question << ' ' << std::flush;
        std::string line;
        if (!std::getline(in, line)) {
            out << '\n';
            throw EndOfInput{};
        }
        const std::string answer(trim(line));
        if (answer.empty()) {
            return std::nullopt;
        }
        try {
            check(answer);
            return answer;
        } catch (const InputError& e) {
            out << "  " << e.what() << '\n';
        }
    }
}

void check_scale(const std::string& field, const std::string& text) { parse_scale(field, text); }

} // namespace

std::optional<EntryValues> ask_entry_values(std::istream& in, std::ostream& out,
                                            const Config& config, EntryValues v) {
    const auto scale = [](std::string field) {
        return [field](const std::string& t) { check_scale(field, t); };
    };
    try {
        out << "Log a check-in (press Enter to skip a question, Ctrl-D to cancel).\n";
        v.pain = ask(in, out, "Pain now, 0-10:", scale("pain"));
        v.mood = ask(in, out, "Mood, 0-10:", scale("mood"));
        v.sleep = ask(in, out, "Hours slept last night (like 7.5):",
                      [](const std::string& t) { parse_sleep_hours("sleep", t); });
        v.sleep_quality = ask(in, out, "Sleep quality, 0-10:", scale("sleep-quality"));
        if (v.areas.empty()) {
            if (auto areas = ask(in, out, "Where does it hurt (like lower-back;neck):",
                                 [](const std::string& t) { parse_word_list("area", t); })) {
                v.areas.push_back(*areas);
            }
        }
        v.massage = ask(in, out, "Did a massage or other session just end? Its minutes (1-600):",
                        [](const std::string& t) { parse_minutes("massage", t); });
        if (v.massage) {
            const std::string kind_question =
                config.default_kind.empty()
                    ? std::string("Kind (like swedish, deep-tissue, myofascial):")
                    : fmt::format("Kind (Enter for {}):", config.default_kind);
            v.kind = ask(in, out, kind_question,
                         [](const std::string& t) { parse_word("kind", t); });
            v.therapist = ask(in, out, "Therapist:",
                              [](const std::string& t) { parse_therapist("therapist", t); });
            v.pain_before = ask(in, out, "Pain before the session, 0-10:", scale("pain-before"));
        }
        if (!v.note) {
            v.note = ask(in, out, "Note:", [](const std::string& t) { parse_note("note", t); });
        }
    } catch (const EndOfInput&) {
        return std::nullopt;
    }
    return v;
}

} // namespace relief::cli
