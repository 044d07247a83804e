#pragma once
#include <string>

namespace relief {

// A random (version 4) UUID in lower case, from the system's entropy source.
std::string new_uuid();

} // namespace relief
