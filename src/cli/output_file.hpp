#pragma once
// Where a report goes (report, trial report): stdout, or --output FILE.
#include <string>

namespace relief::cli {

// `text` to stdout (no `output`, or "-"), or to a new private file (mode
// 0600) written beside `output` and linked into place; an existing file is
// replaced only with `force`, and never the journal or one of its files.
// InputError (exit 2) for what the person can fix, UnusableError otherwise.
void write_output(const std::string& output, bool force, const std::string& journal,
                  const std::string& text);

} // namespace relief::cli
