#pragma once
// Small SVG chart builders for the printable report: scales, ticks and the
// three charts. Pure string building; every chart has a <title> and an
// aria-label so it reads without the picture.
#include <optional>
#include <string>
#include <vector>

namespace relief::render {

// Maps [d0, d1] onto [r0, r1]; a zero-width domain maps to the middle.
struct LinearScale {
    double d0 = 0, d1 = 1, r0 = 0, r1 = 1;
    double operator()(double v) const;
};

// "Nice" tick values (steps of 1, 2 or 5 × 10^k) covering [lo, hi], about
// `target` of them. A single value (lo == hi) gets ticks around it.
std::vector<double> nice_ticks(double lo, double hi, int target);

struct Point {
    double x = 0;
    double y = 0;
};

struct ChartFrame {
    double width = 640, height = 200;
    double left = 40, right = 12, top = 22, bottom = 30; // margins
    std::string title;                                   // shown and in <title>
    std::string description;                             // aria-label: the chart in words
    std::string x_label, y_label;
};

// A series: points in data units; gaps split the line (nullopt y).
struct Series {
    std::vector<std::optional<double>> y; // one per x = 0, 1, 2, …
    std::string css_class;                // colour and dash from the stylesheet
    bool markers = false;
};

// A line chart over x = 0 … n−1 with y in [y_lo, y_hi], x tick labels
// `x_ticks` (index, text), and vertical markers at `marks` (session days).
std::string line_chart(const ChartFrame& frame, const std::vector<Series>& series, double y_lo,
                       double y_hi, const std::vector<std::pair<int, std::string>>& x_ticks,
                       const std::vector<int>& marks);

// Bars around zero per category (the after-session profile), with optional
// dots for a second measure and a label under each bar.
struct BarItem {
    std::string label;
    std::optional<double> bar;
    std::optional<double> dot;
    std::string note; // under the label, e.g. "n=7"
};
std::string bar_chart(const ChartFrame& frame, const std::vector<BarItem>& items);

std::string xml_escape(const std::string& text);

} // namespace relief::render
