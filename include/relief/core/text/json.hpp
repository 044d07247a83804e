#pragma once
// A small streaming JSON writer: objects, arrays, strings, numbers, null.
// Numbers are written at full precision (shortest round-trip form); a NaN or
// infinity becomes null, so the output is always valid JSON.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relief {

std::string json_quote(std::string_view text);

class JsonWriter {
  public:
    // indent = 0 writes everything on one line.
    explicit JsonWriter(int indent = 2) : m_indent(indent) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);

    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(double number);
    JsonWriter& value(int number) { return value(static_cast<long long>(number)); }
    JsonWriter& value(long long number);
    JsonWriter& value(bool flag);
    JsonWriter& null();
    template <class T> JsonWriter& value(const std::optional<T>& v) {
        return v ? value(*v) : null();
    }
    JsonWriter& value(const std::vector<std::string>& words);

    const std::string& str() const noexcept { return m_out; }

  private:
    void before_value();
    JsonWriter& close(char bracket);
    void newline();
    std::string m_out;
    std::vector<bool> m_has_items; // one per open container
    bool m_after_key = false;
    int m_indent;
};

} // namespace relief
