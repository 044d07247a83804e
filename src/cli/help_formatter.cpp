#include "help_formatter.hpp"

#include "relief/core/text/text.hpp"

#include <string>

namespace relief::cli {
namespace {

// Each line of `text` (a help text may hold line breaks of its own) wrapped
// with `indent` before every line but the first, which starts with `first`.
std::string wrapped(const std::string& text, const std::string& first, const std::string& indent) {
    std::string out;
    bool at_start = true;
    for (const std::string& line : split(text, '\n')) {
        out += line.empty() ? std::string("\n")
                            : wrap(line, k_help_width, at_start ? first : indent, indent);
        at_start = false;
    }
    return out;
}

class WrappingFormatter : public CLI::Formatter {
  public:
    std::string make_description(const CLI::App* app) const override {
        const std::string desc = CLI::Formatter::make_description(app);
        if (desc.empty()) {
            return desc;
        }
        return wrapped(desc.substr(0, desc.size() - 1), "", "");
    }

    std::string make_option(const CLI::Option* opt, bool is_positional) const override {
        const std::size_t column = get_column_width();
        std::string left = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
        const std::string desc = make_option_desc(opt);
        if (desc.empty()) {
            return left + "\n";
        }
        const std::string indent(column, ' ');
        // A long name gets its help on the next line, as CLI11 does.
        if (left.size() >= column) {
            return left + "\n" + wrapped(desc, indent, indent);
        }
        left.append(column - left.size(), ' ');
        return wrapped(desc, left, indent);
    }
};

} // namespace

std::shared_ptr<CLI::Formatter> wrapping_formatter() {
    return std::make_shared<WrappingFormatter>();
}

} // namespace relief::cli
