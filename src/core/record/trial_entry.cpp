#include "relief/core/record/trial_entry.hpp"

#include "relief/core/text/splitmix64.hpp"

namespace relief {

std::vector<bool> trial_massage_first(std::uint64_t seed, int pairs) {
    SplitMix64 rng(seed);
    std::vector<bool> bits;
    for (int p = 0; p < pairs; ++p) {
        bits.push_back((rng.next() >> 63) == 1);
    }
    return bits;
}

} // namespace relief
