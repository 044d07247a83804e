#pragma once
// R4's episodes (docs/methods.md "Pain in the days after a session"): which
// are valid and their values (steps 2–3), and what the comparison cannot see
// (step 12). Private to after_sessions*.cpp.
#include "sections.hpp"

#include <array>
#include <optional>
#include <vector>

namespace relief::analysis::r4 {

inline constexpr int k_lags = 8; // lags 0 … 7

// What R4 keeps of one valid episode.
struct EpisodeValues {
    std::size_t index = 0;                             // k among all episodes
    double before = 0;                                 // b_k: mean r over P_k
    double before_raw = 0;                             // braw_k: mean y over P_k
    std::array<std::optional<double>, k_lags> value{}; // the lag's value (r, or lag 0's)
    NapPairs raw;                                      // y(P_k) and y at used lags 1–3
    std::optional<double> mean_after() const {         // mean of the values at lags 1–3
        double sum = 0;
        int n = 0;
        for (int lag = 1; lag <= 3; ++lag) {
            if (value[static_cast<std::size_t>(lag)]) {
                sum += *value[static_cast<std::size_t>(lag)];
                ++n;
            }
        }
        return n > 0 ? std::optional<double>(sum / n) : std::nullopt;
    }
};

// Steps 2–3: the valid episodes (pain on 2 of the 3 days before), their
// before-levels and lag values. `session_days` and `pain_after` may be null
// (only counting, when R4 cannot run): lag 0 then has no value.
std::vector<EpisodeValues> valid_episodes(const Window& window, const DailySeries& daily,
                                          const std::vector<Episode>& episodes,
                                          const std::function<double(int)>& line,
                                          const SessionDays* session_days,
                                          const PainAfter* pain_after);

// Step 12: carry-over from the episode before, and uneven logging.
void carryover(AfterSessions& r4, const std::vector<Episode>& episodes,
               const std::vector<EpisodeValues>& valid);
void uneven_logging(AfterSessions& r4, const JournalWindow& jw, const DailySeries& daily,
                    const std::vector<Episode>& episodes);

} // namespace relief::analysis::r4
