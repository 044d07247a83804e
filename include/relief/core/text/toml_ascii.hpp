#pragma once
// toml++ 3.3 (the version Debian ships) reaches __builtin_unreachable() on
// some non-ASCII characters (marzer/tomlplusplus#190, #295; found by
// tests/fuzz/fuzz_config.cpp): undefined behaviour on a user's config file.
// So toml++ is only ever given ASCII: this rewrites a config's text into
// ASCII TOML that means the same.
#include <string>
#include <string_view>

namespace relief {

// Non-ASCII characters in "basic strings" (one- or multi-line) become \uXXXX
// escapes; a 'literal string' holding them becomes the equal basic string; in
// comments they are blanked. Lines stay where they were. Anywhere else a
// non-ASCII byte, and invalid UTF-8 anywhere, is an InputError naming the
// line ("3: not valid TOML: …"): TOML allows neither.
std::string to_ascii_toml(std::string_view text);

} // namespace relief
