#pragma once
// The one exception hierarchy of relief. main() catches Error, prints
// "relief: error: <what>" and exits with exit_code(); see cli.md "Exit codes".
#include <stdexcept>
#include <string>
#include <utility>

namespace relief {

enum class ExitCode : int {
    ok = 0,
    no = 1,       // the answer is "no" (remind: not logged yet; check: problems)
    usage = 2,    // usage or invalid input
    unusable = 3, // journal or config cannot be used
    internal = 4, // a bug
};

class Error : public std::runtime_error {
  public:
    Error(ExitCode code, const std::string& message) : std::runtime_error(message), m_code(code) {}
    ExitCode exit_code() const noexcept { return m_code; }

  private:
    ExitCode m_code;
};

// Bad flags, bad values, bad input files: exit 2.
class InputError : public Error {
  public:
    explicit InputError(const std::string& message) : Error(ExitCode::usage, message) {}
};

// The journal or the config file cannot be used: exit 3.
class UnusableError : public Error {
  public:
    explicit UnusableError(const std::string& message) : Error(ExitCode::unusable, message) {}
};

// The journal file is damaged or is not a journal at all: exit 3, except in
// `relief check`, whose answer it is (listed as a problem, exit 1). damage()
// is the finding without the advice around it.
class DamagedError : public UnusableError {
  public:
    DamagedError(const std::string& message, std::string damage)
        : UnusableError(message), m_damage(std::move(damage)) {}
    const std::string& damage() const noexcept { return m_damage; }

  private:
    std::string m_damage;
};

} // namespace relief
