#include "relief/render/svg.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace relief::render {

double LinearScale::operator()(double v) const {
    if (d1 == d0) {
        return (r0 + r1) / 2;
    }
    return r0 + (v - d0) / (d1 - d0) * (r1 - r0);
}

std::vector<double> nice_ticks(double lo, double hi, int target) {
    if (!std::isfinite(lo) || !std::isfinite(hi) || target < 1) {
        return {};
    }
    if (hi < lo) {
        std::swap(lo, hi);
    }
    if (hi == lo) {
        const double pad = lo == 0 ? 1 : std::fabs(lo) * 0.1;
        lo -= pad;
        hi += pad;
    }
    const double raw = (hi - lo) / target;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (const double m : {1.0, 2.0, 5.0, 10.0}) {
        if (raw <= m * magnitude) {
            step = m * magnitude;
            break;
        }
    }
    // From the step at or below lo to the step at or above hi: the ticks cover the data.
    std::vector<double> ticks;
    const double first = std::floor(lo / step + 1e-9);
    const double last = std::ceil(hi / step - 1e-9);
    for (double k = first; k <= last; k += 1) {
        const double v = k * step;
        ticks.push_back(std::fabs(v) < step * 1e-9 ? 0.0 : v);
    }
    return ticks;
}

std::string xml_escape(const std::string& text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

namespace {

std::string open_svg(const ChartFrame& f) {
    return fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
                       "role=\"img\" aria-label=\"{}\"><title>{}</title>\n"
                       "<text class=\"chart-title\" x=\"{}\" y=\"14\">{}</text>\n",
                       f.width, f.height, xml_escape(f.description), xml_escape(f.title), f.left,
                       xml_escape(f.title));
}

std::string format_tick(double v) {
    return std::fabs(v - std::round(v)) < 1e-9 ? fmt::format("{:.0f}", v)
                                               : fmt::format("{:.1f}", v);
}

} // namespace

std::string line_chart(const ChartFrame& f, const std::vector<Series>& series, double y_lo,
                       double y_hi, const std::vector<std::pair<int, std::string>>& x_ticks,
                       const std::vector<int>& marks) {
    std::size_t n = 0;
    for (const Series& s : series) {
        n = std::max(n, s.y.size());
    }
    const LinearScale x{0, static_cast<double>(n > 1 ? n - 1 : 1), f.left, f.width - f.right};
    const LinearScale y{y_lo, y_hi, f.height - f.bottom, f.top};
    std::string svg = open_svg(f);
    for (const double t : nice_ticks(y_lo, y_hi, 5)) {
        if (t < y_lo - 1e-9 || t > y_hi + 1e-9) {
            continue;
        }
        svg += fmt::format("<line class=\"grid\" x1=\"{:.1f}\" x2=\"{:.1f}\" y1=\"{:.1f}\" "
                           "y2=\"{:.1f}\"/><text class=\"tick\" x=\"{:.1f}\" y=\"{:.1f}\" "
                           "text-anchor=\"end\">{}</text>\n",
                           f.left, f.width - f.right, y(t), y(t), f.left - 4, y(t) + 3,
                           format_tick(t));
    }
    for (const auto& [index, text] : x_ticks) {
        svg += fmt::format("<text class=\"tick\" x=\"{:.1f}\" y=\"{:.1f}\" "
                           "text-anchor=\"middle\">{}</text>\n",
                           x(index), f.height - f.bottom + 12, xml_escape(text));
    }
    for (const int m : marks) {
        svg += fmt::format("<path class=\"session\" d=\"M{:.1f} {:.1f}l-3.5 -6h7z\"/>\n", x(m),
                           f.height - f.bottom - 1);
    }
    if (n == 0) {
        svg += fmt::format("<text class=\"empty\" x=\"{:.1f}\" y=\"{:.1f}\" "
                           "text-anchor=\"middle\">no data</text>\n",
                           f.width / 2, f.height / 2);
    }
    for (const Series& s : series) {
        std::string path;
        bool pen_down = false;
        for (std::size_t i = 0; i < s.y.size(); ++i) {
            if (!s.y[i]) {
                pen_down = false;
                continue;
            }
            const double px = x(static_cast<double>(i));
            const double py = y(*s.y[i]);
            path += fmt::format("{}{:.1f} {:.1f}", pen_down ? " L" : " M", px, py);
            pen_down = true;
            const bool lonely = (i == 0 || !s.y[i - 1]) && (i + 1 >= s.y.size() || !s.y[i + 1]);
            if (s.markers || lonely) {
                svg += fmt::format("<circle class=\"{}\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.2\"/>\n",
                                   s.css_class, px, py);
            }
        }
        if (!path.empty()) {
            svg += fmt::format("<path class=\"{}\" d=\"{}\"/>\n", s.css_class, path.substr(1));
        }
    }
    if (!f.y_label.empty()) {
        svg += fmt::format("<text class=\"axis\" transform=\"translate(10 {:.1f}) rotate(-90)\" "
                           "text-anchor=\"middle\">{}</text>\n",
                           (f.top + f.height - f.bottom) / 2, xml_escape(f.y_label));
    }
    if (!f.x_label.empty()) {
        svg += fmt::format("<text class=\"axis\" x=\"{:.1f}\" y=\"{:.1f}\" "
                           "text-anchor=\"middle\">{}</text>\n",
                           (f.left + f.width - f.right) / 2, f.height - 2, xml_escape(f.x_label));
    }
    return svg + "</svg>\n";
}

std::string bar_chart(const ChartFrame& f, const std::vector<BarItem>& items) {
    double lo = 0;
    double hi = 0;
    for (const BarItem& item : items) {
        for (const auto& v : {item.bar, item.dot}) {
            if (v) {
                lo = std::min(lo, *v);
                hi = std::max(hi, *v);
            }
        }
    }
    const std::vector<double> ticks = nice_ticks(std::min(lo, -1.0), std::max(hi, 1.0), 4);
    const double y_lo = ticks.empty() ? -1 : ticks.front();
    const double y_hi = ticks.empty() ? 1 : ticks.back();
    const LinearScale y{y_lo, y_hi, f.height - f.bottom, f.top};
    const double slot =
        (f.width - f.left - f.right) / static_cast<double>(std::max<std::size_t>(items.size(), 1));
    std::string svg = open_svg(f);
    for (const double t : ticks) {
        svg += fmt::format("<line class=\"{}\" x1=\"{:.1f}\" x2=\"{:.1f}\" y1=\"{:.1f}\" "
                           "y2=\"{:.1f}\"/><text class=\"tick\" x=\"{:.1f}\" y=\"{:.1f}\" "
                           "text-anchor=\"end\">{}</text>\n",
                           t == 0 ? "zero" : "grid", f.left, f.width - f.right, y(t), y(t),
                           f.left - 4, y(t) + 3, (t > 0 ? "+" : "") + format_tick(t));
    }
    if (items.empty()) {
        svg += fmt::format("<text class=\"empty\" x=\"{:.1f}\" y=\"{:.1f}\" "
                           "text-anchor=\"middle\">no data</text>\n",
                           f.width / 2, f.height / 2);
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        const BarItem& item = items[i];
        const double cx = f.left + slot * (static_cast<double>(i) + 0.5);
        if (item.bar) {
            const double top = std::min(y(*item.bar), y(0));
            const double height = std::max(std::fabs(y(*item.bar) - y(0)), 0.8);
            svg += fmt::format("<rect class=\"bar\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" "
                               "height=\"{:.1f}\"/>\n",
                               cx - slot * 0.3, top, slot * 0.6, height);
        }
        if (item.dot) {
            svg += fmt::format("<path class=\"dot\" d=\"M{:.1f} {:.1f}l3.5 3.5l-3.5 3.5l-3.5 "
                               "-3.5z\"/>\n",
                               cx, y(*item.dot) - 3.5);
        }
        svg += fmt::format("<text class=\"tick\" x=\"{:.1f}\" y=\"{:.1f}\" "
                           "text-anchor=\"middle\">{}</text>\n",
                           cx, f.height - f.bottom + 12, xml_escape(item.label));
        svg += fmt::format("<text class=\"note\" x=\"{:.1f}\" y=\"{:.1f}\" "
                           "text-anchor=\"middle\">{}</text>\n",
                           cx, f.height - f.bottom + 22, xml_escape(item.note));
    }
    if (!f.y_label.empty()) {
        svg += fmt::format("<text class=\"axis\" transform=\"translate(10 {:.1f}) rotate(-90)\" "
                           "text-anchor=\"middle\">{}</text>\n",
                           (f.top + f.height - f.bottom) / 2, xml_escape(f.y_label));
    }
    return svg + "</svg>\n";
}

} // namespace relief::render
