#pragma once
// JSON files (model.json, the search index, shared-language.json) as text, byte for byte what
// nlohmann's dump() writes. dump() escapes strings one byte at a time through a UTF-8 decoder: on
// 500 models that was two thirds of the time spent on these files, about 3% of a build. These
// functions copy the runs of bytes that need no escape whole, and hand nlohmann what they do not
// handle themselves (floating-point numbers, and text that is not valid UTF-8, for which dump()
// throws). JsonWriter writes with no tree at all; append_json writes a nlohmann tree through it.
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pb::inline views {

// A JSON string, quoted, as dump() writes it (and nlohmann's exception for text that is not UTF-8).
void append_json_string(std::string& out, std::string_view text);

// The most bytes append_json_string writes for `text` (its quotes and escapes included): for sizing a
// file before writing it.
std::size_t json_string_size_bound(std::string_view text);

// JSON written as it is made, with no tree in between: the same text as dump(indent) of the tree the
// same calls would build. Values go where the writer stands: after key() in an object, or as the next
// item of an array. For files built from many small values (model.json: a model's every statement).
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out, int indent = -1) : out_(out), indent_(indent) {}

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  JsonWriter& key(std::string_view name) {
    item();
    append_json_string(out_, name);
    out_ += indent_ >= 0 ? ": " : ":";
    after_key_ = true;
    return *this;
  }
  JsonWriter& value(std::string_view text) { return scalar([&] { append_json_string(out_, text); }); }
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(bool flag) { return scalar([&] { out_ += flag ? "true" : "false"; }); }
  JsonWriter& value(int number) { return scalar([&] { out_ += std::to_string(number); }); }
  JsonWriter& value(std::nullptr_t) { return scalar([&] { out_ += "null"; }); }
  // A value already written as JSON (a number in nlohmann's own form).
  JsonWriter& raw(std::string_view json) { return scalar([&] { out_ += json; }); }
  JsonWriter& value(const std::vector<std::string>& texts) {
    begin_array();
    for (const auto& text : texts) value(text);
    return end_array();
  }
  // key(name) then value(v), the way an object is mostly written.
  template <typename Value>
  JsonWriter& member(std::string_view name, const Value& v) {
    key(name);
    return value(v);
  }

 private:
  // Before a value: a comma after the one before, then the line and indent of an array's item.
  void item() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (open_.empty()) return;
    if (!open_.back()) out_ += ',';
    open_.back() = false;
    if (indent_ >= 0) new_line(open_.size());
  }
  template <typename Write>
  JsonWriter& scalar(Write write) {
    item();
    write();
    return *this;
  }
  JsonWriter& open(char bracket) {
    item();
    out_ += bracket;
    open_.push_back(true);
    return *this;
  }
  JsonWriter& close(char bracket) {
    const bool empty = open_.back();
    open_.pop_back();
    if (!empty && indent_ >= 0) new_line(open_.size());
    out_ += bracket;
    return *this;
  }
  void new_line(std::size_t depth) {
    out_ += '\n';
    out_.append(static_cast<std::size_t>(indent_) * depth, ' ');
  }

  std::string& out_;
  int indent_;
  std::vector<bool> open_;  // for each open object or array: whether it has no member yet
  bool after_key_ = false;
};

// A nlohmann tree written through a JsonWriter: what j.dump() of the writer's indent returns.
template <typename Json>
void write_json(JsonWriter& w, const Json& j) {
  using value_t = typename Json::value_t;
  switch (j.type()) {
    case value_t::object:
      w.begin_object();
      for (const auto& [key, value] : j.template get_ref<const typename Json::object_t&>()) write_json(w.key(key), value);
      w.end_object();
      return;
    case value_t::array:
      w.begin_array();
      for (const auto& item : j.template get_ref<const typename Json::array_t&>()) write_json(w, item);
      w.end_array();
      return;
    case value_t::string: w.value(j.template get_ref<const std::string&>()); return;
    case value_t::boolean: w.value(j.template get<bool>()); return;
    case value_t::null: w.value(nullptr); return;
    case value_t::number_integer:
    case value_t::number_unsigned: {
      char digits[24];
      const auto end = j.type() == value_t::number_integer
                           ? std::to_chars(digits, digits + sizeof digits, j.template get<std::int64_t>()).ptr
                           : std::to_chars(digits, digits + sizeof digits, j.template get<std::uint64_t>()).ptr;
      w.raw(std::string_view(digits, static_cast<std::size_t>(end - digits)));
      return;
    }
    default: w.raw(j.dump()); return;  // floating point (nlohmann's shortest form), binary, discarded
  }
}

// What j.dump(indent) returns, appended to `out`: indent < 0 is compact, otherwise one member per
// line, `indent` spaces a level.
template <typename Json>
void append_json(std::string& out, const Json& j, int indent = -1) {
  JsonWriter w(out, indent);
  write_json(w, j);
}

template <typename Json>
std::string json_text(const Json& j, int indent = -1) {
  std::string out;
  append_json(out, j, indent);
  return out;
}

}  // namespace pb::views
