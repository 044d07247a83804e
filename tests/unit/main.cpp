// doctest with a main of our own: every test runs in UTC unless it says
// otherwise, and TempDir folders of failed tests stay on disk.
#define DOCTEST_CONFIG_IMPLEMENT
#include "testutil.hpp"

#include <cstdlib>
#include <ctime>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>

namespace relief::test {

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "relief-unit-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error("mkdtemp failed");
    }
    m_path = pattern;
}

TempDir::~TempDir() {
    if (doctest::is_running_in_test &&
        doctest::detail::g_cs->numAssertsFailedCurrentTest_atomic == 0) {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
}

ScopedZone::ScopedZone(const char* tz) {
    if (const char* old = std::getenv("TZ")) {
        m_previous = old;
        m_had_previous = true;
    }
    ::setenv("TZ", tz, 1);
    ::tzset();
}

ScopedZone::~ScopedZone() {
    if (m_had_previous) {
        ::setenv("TZ", m_previous.c_str(), 1);
    } else {
        ::unsetenv("TZ");
    }
    ::tzset();
}

void write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

} // namespace relief::test

int main(int argc, char** argv) {
    ::setenv("TZ", "UTC0", 1);
    ::tzset();
    doctest::Context context(argc, argv);
    return context.run();
}
