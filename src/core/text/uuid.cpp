#include "relief/core/text/uuid.hpp"

#include <array>
#include <cstdint>
#include <fmt/format.h>
#include <random>

namespace relief {

std::string new_uuid() {
    // Identity, not statistics: std::random_device is the right tool here
    // (the seeded, portable generator of docs/methods.md §3 is for the bootstrap).
    std::random_device device;
    std::array<std::uint8_t, 16> b{};
    for (std::size_t i = 0; i < b.size(); i += 4) {
        const std::uint32_t word = device();
        for (std::size_t k = 0; k < 4; ++k) {
            b[i + k] = static_cast<std::uint8_t>(word >> (8 * k));
        }
    }
    b[6] = static_cast<std::uint8_t>((b[6] & 0x0F) | 0x40); // version 4
    b[8] = static_cast<std::uint8_t>((b[8] & 0x3F) | 0x80); // RFC 4122 variant
    return fmt::format("{:02x}{:02x}{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}-"
                       "{:02x}{:02x}{:02x}{:02x}{:02x}{:02x}",
                       b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11],
                       b[12], b[13], b[14], b[15]);
}

} // namespace relief
