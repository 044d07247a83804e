#include <doctest/doctest.h>
#include "relief/civil.hpp"
using namespace relief;
TEST_CASE("x") { CHECK(days_from_civil(1970,1,1) == 0); }
