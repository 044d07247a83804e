#include "prompt.hpp"

#include "relief/core/error.hpp"
#include "relief/core/record/validate.hpp"
#include "relief/core/text/text.hpp"

#include <csignal>
#include <fmt/format.h>
#include <functional>
#include <istream>
#include <ostream>
#include <unistd.h>

namespace relief::cli {
namespace {

struct EndOfInput {};

// Ctrl-C at a question cancels like Ctrl-D. Nothing has been written while
// the questions are asked (the journal is opened after them), so leaving at
// once is safe, and write/_exit are all a signal handler may call.
extern "C" void cancel_at_prompt(int) {
    constexpr char k_message[] = "\nCancelled; nothing was written.\n";
    [[maybe_unused]] const auto ignored = ::write(STDERR_FILENO, k_message, sizeof k_message - 1);
    ::_exit(1);
}

class CancelOnInterrupt {
  public:
    CancelOnInterrupt() { m_previous = std::signal(SIGINT, cancel_at_prompt); }
    ~CancelOnInterrupt() { std::signal(SIGINT, m_previous); }
    CancelOnInterrupt(const CancelOnInterrupt&) = delete;
    CancelOnInterrupt& operator=(const CancelOnInterrupt&) = delete;

  private:
    void (*m_previous)(int) = SIG_DFL;
};

enum class Answer { text, number };

// One question: returns the answer (nullopt when skipped with Enter).
std::optional<std::string> ask(std::istream& in, std::ostream& out, std::string_view question,
                               const std::function<void(const std::string&)>& check,
                               Answer kind = Answer::number) {
    while (true) {
        out << question << ' ' << std::flush;
        std::string line;
        if (!std::getline(in, line)) {
            out << '\n';
            throw EndOfInput{};
        }
        const std::string typed(trim(line));
        const std::string answer = kind == Answer::number ? with_decimal_point(typed) : typed;
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

void check_scale(const std::string& field, const std::string& text) {
    parse_scale(field, text);
}

} // namespace

std::optional<EntryValues> ask_entry_values(std::istream& in, std::ostream& out,
                                            const Config& config, EntryValues v) {
    const auto scale = [](std::string field) {
        return [field](const std::string& t) { check_scale(field, t); };
    };
    const CancelOnInterrupt cancel_on_ctrl_c;
    try {
        out << "Log an entry (press Enter to skip a question, Ctrl-D or Ctrl-C to cancel).\n";
        // The session first, so that "pain before" comes before "pain now".
        v["minutes"] = ask(in, out, "Did a massage or other session just end? Its minutes (1-600):",
                           [](const std::string& t) { parse_minutes("massage", t); });
        if (v["minutes"]) {
            const std::string kind_question =
                config.default_kind.empty()
                    ? std::string("Kind (like swedish, deep-tissue, myofascial):")
                    : fmt::format("Kind (Enter for {}):", config.default_kind);
            v["kind"] = ask(
                in, out, kind_question, [](const std::string& t) { parse_word("kind", t); },
                Answer::text);
            v["therapist"] = ask(
                in, out,
                "Therapist:", [](const std::string& t) { parse_therapist("therapist", t); },
                Answer::text);
            v["pain_before"] = ask(in, out, "Pain before the session, 0-10:", scale("pain-before"));
        }
        v["pain"] = ask(in, out, "Pain now, 0-10:", scale("pain"));
        v["mood"] = ask(in, out, "Mood, 0-10:", scale("mood"));
        v["sleep_hours"] = ask(in, out, "Hours slept last night (like 7.5):",
                               [](const std::string& t) { parse_sleep_hours("sleep", t); });
        v["sleep_quality"] = ask(in, out, "Sleep quality, 0-10:", scale("sleep-quality"));
        if (v.list("areas").empty()) {
            if (auto areas = ask(
                    in, out, "Where does it hurt (like lower-back, neck):",
                    [](const std::string& t) { parse_word_list("area", t); }, Answer::text)) {
                v.list("areas").push_back(*areas);
            }
        }
        if (!v["note"]) {
            v["note"] = ask(
                in, out, "Note:", [](const std::string& t) { parse_note("note", t); },
                Answer::text);
        }
    } catch (const EndOfInput&) {
        return std::nullopt;
    }
    return v;
}

} // namespace relief::cli
