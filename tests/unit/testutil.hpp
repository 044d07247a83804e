#pragma once
// Helpers for the unit tests: a private temporary folder per test (left
// behind when the test fails, for a look), and a fixed local time zone.
#include <string>

namespace relief::test {

class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const noexcept { return m_path; }
    std::string file(const std::string& name) const { return m_path + "/" + name; }

  private:
    std::string m_path;
};

// Sets TZ for the lifetime of the object (a POSIX TZ string needs no tzdata).
class ScopedZone {
  public:
    explicit ScopedZone(const char* tz);
    ~ScopedZone();
    ScopedZone(const ScopedZone&) = delete;
    ScopedZone& operator=(const ScopedZone&) = delete;

  private:
    std::string m_previous;
    bool m_had_previous = false;
};

// New York with its 2007 rules, as a POSIX string.
inline constexpr const char* k_new_york = "EST5EDT,M3.2.0,M11.1.0";

void write_file(const std::string& path, const std::string& text);

} // namespace relief::test
