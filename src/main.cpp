// relief: the whole program is the relief_cli library; main only hands over.
#include "cli/app.hpp"

int main(int argc, char** argv) {
    return relief::cli::run(argc, argv);
}
