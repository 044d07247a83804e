#include "relief/render/svg.hpp"

#include <doctest/doctest.h>

using namespace relief::render;

TEST_CASE("linear scales") {
    const LinearScale y{0, 10, 170, 20}; // pain 0 at the bottom
    CHECK(y(0) == 170);
    CHECK(y(10) == 20);
    CHECK(y(5) == 95);
    const LinearScale flat{3, 3, 0, 100};
    CHECK(flat(3) == 50); // a zero-width domain maps to the middle
}

TEST_CASE("nice ticks cover the data in steps of 1, 2 or 5") {
    CHECK(nice_ticks(0, 10, 5) == std::vector<double>{0, 2, 4, 6, 8, 10});
    CHECK(nice_ticks(-1.52, 1, 4) == std::vector<double>{-2, -1, 0, 1});
    CHECK(nice_ticks(0, 0.9, 3) == std::vector<double>{0, 0.5, 1});
    CHECK(nice_ticks(10, 0, 5) == std::vector<double>{0, 2, 4, 6, 8, 10});
    const auto single = nice_ticks(5, 5, 4);
    REQUIRE(single.size() >= 2);
    CHECK(single.front() <= 5);
    CHECK(single.back() >= 5);
    CHECK(nice_ticks(0, 0, 4).size() >= 2);
    CHECK(nice_ticks(0, 1, 0).empty());
}

TEST_CASE("line charts: title, text alternative, gaps, empty and single points") {
    ChartFrame f;
    f.title = "Daily pain";
    f.description = "Pain <from> A & B";
    const std::string empty = line_chart(f, {}, 0, 10, {}, {});
    CHECK(empty.find("<title>Daily pain</title>") != std::string::npos);
    CHECK(empty.find("aria-label=\"Pain &lt;from&gt; A &amp; B\"") != std::string::npos);
    CHECK(empty.find("no data") != std::string::npos);

    const std::string single =
        line_chart(f, {Series{{std::nullopt, 4.0, std::nullopt}, "daily", false}}, 0, 10, {}, {});
    CHECK(single.find("<circle class=\"daily\"") != std::string::npos); // a lone point shows
    CHECK(single.find("no data") == std::string::npos);

    const std::string gap =
        line_chart(f, {Series{{1.0, 2.0, std::nullopt, 3.0, 4.0}, "daily", false}}, 0, 10,
                   {{0, "11-01"}}, {3});
    CHECK(gap.find(" M") != std::string::npos);                // the pen lifts at the gap
    CHECK(gap.find("class=\"session\"") != std::string::npos); // a session mark
    CHECK(gap.find(">11-01</text>") != std::string::npos);
}

TEST_CASE("bar charts around zero") {
    ChartFrame f;
    f.title = "After sessions";
    const std::string chart =
        bar_chart(f, {{"+1", -2.5, -2.0, "n=7"}, {"+2", 0.5, std::nullopt, "n=3"}});
    CHECK(chart.find("class=\"zero\"") != std::string::npos);
    CHECK(chart.find("<rect class=\"bar\"") != std::string::npos);
    CHECK(chart.find("class=\"dot\"") != std::string::npos);
    CHECK(chart.find(">n=7</text>") != std::string::npos);
    CHECK(chart.find(">-3</text>") != std::string::npos); // the axis reaches the lowest bar
    CHECK(bar_chart(f, {}).find("no data") != std::string::npos);
}

TEST_CASE("xml escaping") {
    CHECK(xml_escape("a<b & \"c\"'") == "a&lt;b &amp; &quot;c&quot;&#39;");
}
