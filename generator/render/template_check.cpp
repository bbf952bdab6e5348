#include "render/template_check.hpp"

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include <algorithm>

#include "core/diagnostics.hpp"
#include "core/text_util.hpp"

namespace pb::inline render {

namespace {

using json = nlohmann::json;

struct Tag {
  char kind;           // 'v' printed, '#' section, '^' inverted, '/' close
  std::string name;
  std::size_t offset;  // in the template, for the line number
  std::size_t close = 0;  // for sections: index of the matching close tag
};

std::vector<Tag> parse_tags(std::string_view src) {
  std::vector<Tag> tags, open;
  for (std::size_t pos = src.find("{{"); pos != std::string_view::npos; pos = src.find("{{", pos)) {
    const bool triple = src.substr(pos, 3) == "{{{";
    const std::string_view closing = triple ? "}}}" : "}}";
    const std::size_t start = pos + (triple ? 3 : 2);
    const std::size_t end = src.find(closing, start);
    if (end == std::string_view::npos) break;
    std::string_view body = trim(src.substr(start, end - start));
    char kind = 'v';
    if (!triple && !body.empty() && std::string_view("#^/!>&=").find(body[0]) != std::string_view::npos) {
      kind = body[0] == '&' ? 'v' : body[0];
      body = trim(body.substr(1));
    }
    pos = end + closing.size();
    if (kind == '!' || kind == '>' || kind == '=') continue;  // comments, partials, delimiters
    tags.push_back({kind, std::string(body), start});
  }
  // Pair sections with their close tags.
  std::vector<std::size_t> stack;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    if (tags[i].kind == '#' || tags[i].kind == '^') stack.push_back(i);
    else if (tags[i].kind == '/' && !stack.empty()) {
      tags[stack.back()].close = i;
      stack.pop_back();
    }
  }
  return tags;
}

// Mustache's lookup: the innermost context that has the first part of the name, then down the dots.
const json* resolve(const std::vector<const json*>& stack, const std::string& name) {
  if (name == ".") return stack.back();
  const std::size_t dot = name.find('.');
  const std::string first = name.substr(0, dot);
  const json* found = nullptr;
  for (auto it = stack.rbegin(); it != stack.rend() && !found; ++it)
    if ((*it)->is_object() && (*it)->contains(first)) found = &(**it)[first];
  for (std::size_t from = dot; found && from != std::string::npos;) {
    const std::size_t next = name.find('.', from + 1);
    const std::string part = name.substr(from + 1, next == std::string::npos ? std::string::npos : next - from - 1);
    found = found->is_object() && found->contains(part) ? &(*found)[part] : nullptr;
    from = next;
  }
  return found;
}

bool truthy(const json* v) {
  if (!v || v->is_null()) return false;
  if (v->is_boolean()) return v->get<bool>();
  if (v->is_array()) return !v->empty();
  if (v->is_string()) return !v->get_ref<const std::string&>().empty();
  return true;
}

struct Walker {
  std::string_view src;
  const std::vector<Tag>& tags;
  std::vector<std::string> missing;

  void walk(std::size_t from, std::size_t to, std::vector<const json*>& stack) {
    for (std::size_t i = from; i < to; ++i) {
      const Tag& t = tags[i];
      if (t.kind == 'v') {
        if (!resolve(stack, t.name)) note(t);
        continue;
      }
      if (t.kind == '/') continue;
      const std::size_t close = t.close ? t.close : to;
      const json* v = resolve(stack, t.name);
      if (t.kind == '^') {
        if (!truthy(v)) walk(i + 1, close, stack);
      } else if (v && v->is_array()) {
        for (std::size_t k = 0; k < v->size() && k < 64; ++k) {  // enough items to meet every shape
          stack.push_back(&(*v)[k]);
          walk(i + 1, close, stack);
          stack.pop_back();
        }
      } else if (truthy(v)) {
        stack.push_back(v);
        walk(i + 1, close, stack);
        stack.pop_back();
      }
      i = close;
    }
  }

  void note(const Tag& t) {
    const std::string entry = fmt::format("{{{{{}}}}} (line {})", t.name, line_column_at(src, t.offset).first);
    if (std::find(missing.begin(), missing.end(), entry) == missing.end()) missing.push_back(entry);
  }
};

}  // namespace

std::vector<std::string> missing_names(std::string_view template_source, const json& data) {
  const std::vector<Tag> tags = parse_tags(template_source);
  Walker w{template_source, tags, {}};
  std::vector<const json*> stack{&data};
  w.walk(0, tags.size(), stack);
  return w.missing;
}

}  // namespace pb::render
