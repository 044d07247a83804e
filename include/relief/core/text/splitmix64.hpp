#pragma once
// SplitMix64 (docs/methods.md §3): the one random generator of relief, the same
// on every platform (no <random> distributions, whose algorithms differ).
#include <cstdint>

namespace relief {

class SplitMix64 {
  public:
    explicit SplitMix64(std::uint64_t seed) noexcept : m_state(seed) {}

    std::uint64_t next() noexcept {
        m_state += 0x9E3779B97F4A7C15ULL;
        std::uint64_t z = m_state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    // Uniform in [0, 1) from the top 53 bits.
    double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    // Uniform whole number in [low, high].
    int between(int low, int high) noexcept {
        const auto span = static_cast<std::uint64_t>(high - low + 1);
        return low + static_cast<int>(next() % span);
    }

    // Approximately normal (Irwin–Hall with 12 uniforms): mean 0, sd 1.
    double normal() noexcept {
        double sum = 0;
        for (int i = 0; i < 12; ++i) {
            sum += uniform();
        }
        return sum - 6.0;
    }

  private:
    std::uint64_t m_state;
};

} // namespace relief
