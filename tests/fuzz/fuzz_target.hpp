#pragma once
// What every fuzz target shares. A target defines LLVMFuzzerTestOneInput and
// must never crash, leak, hit undefined behaviour or throw anything but the
// InputError that bad input is meant to get. Built two ways (CMakeLists.txt):
// with libFuzzer under clang (RELIEF_FUZZ), and in every build with
// replay_main.cpp, which runs the saved corpus as a regression test.
#include "relief/core/time/instant.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace relief::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// The input cut at each NUL: one field per argument of a target that takes several.
inline std::vector<std::string_view> fields(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '\0') {
            out.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    return out;
}

// A fixed "now" (2026-11-23 20:00 at UTC-05:00): runs are reproducible.
inline Instant fixed_now() {
    return Instant{1795482000, -300};
}

// A broken invariant: report it and abort, so the fuzzer keeps the input.
inline void require(bool condition, const char* what) {
    if (!condition) {
        std::fprintf(stderr, "invariant broken: %s\n", what);
        std::abort();
    }
}

} // namespace relief::fuzz
