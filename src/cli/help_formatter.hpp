#pragma once
// CLI11's help pages, wrapped to 80 columns: a description or an option's
// help that is longer than a line continues under itself, never past the
// edge of a terminal or a printed page.
#include <CLI/CLI.hpp>
#include <memory>

namespace relief::cli {

inline constexpr std::size_t k_help_width = 80;

std::shared_ptr<CLI::Formatter> wrapping_formatter();

} // namespace relief::cli
