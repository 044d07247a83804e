#pragma once
// The answer's window (docs/methods.md §1): what it counts of a window's
// sessions. Private to the analysis.
#include "sections.hpp"

namespace relief::analysis {

// A window's sessions as R8 counts them: all of them, their episodes (R4
// step 1), the valid ones (step 2) and the usable ones (valid, with pain on
// one of lags 1–3: e_k defined).
struct Comparable {
    int sessions = 0;
    int episodes = 0;
    int valid = 0;
    int usable = 0;
};

// Needs only which days of `daily` (the series of `window`) have pain.
Comparable count_comparable(const Window& window, const DailySeries& daily,
                            const std::vector<SessionInput>& sessions);

} // namespace relief::analysis
