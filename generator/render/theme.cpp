#include "render/theme.hpp"

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <regex>

#include "core/files.hpp"
#include "render/embedded_theme.hpp"

namespace fs = std::filesystem;
namespace mstch = kainjow::mustache;

namespace pb::inline render {

namespace {

// kainjow's parser makes every space of a template's text a component of its own, and renders each
// through a std::function call and an append of one byte: between the tags of a statement list, most
// of what it renders. Spaces next to a character of text (not a tag's) are compiled as the byte
// below instead, so the text around them is one component, and the page gets its spaces back. Their
// line has text, so kainjow drops exactly the lines it dropped before (those that hold only section
// tags and whitespace); byte for byte, so its error offsets stay right. Line breaks are left alone:
// in these templates nearly all of them have a tag on one side. Sources never hold the byte (the
// loader rejects control characters); a template that does, or that changes its delimiters, is
// compiled as written.
constexpr char packed_space = '\x02';

std::optional<std::string> packed_spaces(std::string source) {
  if (source.find(packed_space) != std::string::npos || source.find("{{=") != std::string::npos) return std::nullopt;
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  bool packed = false;
  std::size_t text_from = 0;  // where the text after the last tag begins
  for (std::size_t i = 0; i < source.size();) {
    if (source.compare(i, 2, "{{") == 0) {  // a tag, left as it is
      const bool triple = source.compare(i, 3, "{{{") == 0;
      const std::size_t end = source.find(triple ? "}}}" : "}}", i + (triple ? 3 : 2));
      if (end == std::string::npos) return std::nullopt;  // kainjow reports it
      i = text_from = end + (triple ? 3 : 2);
      continue;
    }
    if (source[i] != ' ') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < source.size() && source[j] == ' ') ++j;
    const bool text_before = i > text_from && !blank(source[i - 1]);
    const bool text_after = j < source.size() && !blank(source[j]) && source.compare(j, 2, "{{") != 0;
    if (text_before || text_after) {
      std::fill(source.begin() + std::ptrdiff_t(i), source.begin() + std::ptrdiff_t(j), packed_space);
      packed = true;
    }
    i = j;
  }
  if (!packed) return std::nullopt;
  return source;
}

// Every byte stored, whether it changes or not: a loop the compiler turns into vector instructions
// (std::replace stores only the bytes that change, one at a time).
void unpack_spaces(std::string& html) {
  char* p = html.data();
  const std::size_t n = html.size();
  for (std::size_t i = 0; i < n; ++i) p[i] = p[i] == packed_space ? ' ' : p[i];
}

}  // namespace

struct Theme::Compiled {
  mstch::mustache tmpl;
  bool packed = false;  // spaces compiled as packed_space, to be put back in the page
  // The size of the last page rendered from it, reserved for the next one (pages of one template
  // are alike): a page that outgrew a fixed guess was copied each time its buffer doubled.
  std::size_t last_size = 0;
  explicit Compiled(const std::string& source) : Compiled(source, packed_spaces(source)) {}

 private:
  Compiled(const std::string& source, const std::optional<std::string>& packed_source)
      : tmpl(packed_source ? *packed_source : source), packed(packed_source.has_value()) {}
};

Theme::Theme() = default;
Theme::Theme(Theme&&) noexcept = default;
Theme& Theme::operator=(Theme&&) noexcept = default;
Theme::~Theme() = default;
Theme::Theme(const Theme& other) : assets_(other.assets_), sources_(other.sources_) {
  for (const auto& [name, compiled] : other.templates_) templates_.emplace(name, std::make_unique<Compiled>(*compiled));
}

namespace {

// What {{name}} prints: kainjow's own escape appends one character at a time (a tenth of a build's
// instructions); this one copies the runs between the five characters it replaces, with the same
// entities, so pages are byte for byte what they were.
std::string escape_html(const std::string& text) {
  static constexpr auto special = [] {
    std::array<bool, 256> table{};
    for (const unsigned char c : {'&', '<', '>', '"', '\''}) table[c] = true;
    return table;
  }();
  // Most texts have nothing to replace: the first special character is found with strcspn, which
  // reads many bytes at a step. It also stops at a NUL byte, the text's end or one inside it.
  std::size_t first = 0;
  for (;;) {
    first += std::strcspn(text.c_str() + first, "&<>\"'");
    if (first >= text.size()) return text;
    if (text[first] != '\0') break;
    ++first;
  }
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t from = 0;
  for (std::size_t i = first;; ++i) {
    while (i < text.size() && !special[static_cast<unsigned char>(text[i])]) ++i;
    if (i == text.size()) break;
    const char* entity = "&apos;";  // unless it is one of the other four
    switch (text[i]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      default: break;
    }
    out.append(text, from, i - from);
    out += entity;
    from = i + 1;
  }
  out.append(text, from, std::string::npos);
  return out;
}

void add_file(const std::string& path, std::string bytes, const std::string& shown,
              std::map<std::string, std::string>& template_sources, std::map<std::string, std::string>& template_files,
              std::map<std::string, std::string>& assets) {
  if (path.starts_with("templates/")) {
    const std::string name = path.substr(10);
    template_sources[name] = std::move(bytes);
    template_files[name] = shown;
  } else if (path.starts_with("assets/")) {
    assets[path.substr(7)] = std::move(bytes);
  }
}

}  // namespace

std::optional<Theme> Theme::load(const std::optional<fs::path>& override_dir, Diagnostics& diags) {
  std::map<std::string, std::string> sources, files;
  std::map<std::string, std::string> assets;
  for (const auto& f : embedded_default_theme())
    add_file(std::string(f.path), std::string(f.bytes), "themes/default/" + std::string(f.path), sources, files, assets);

  if (override_dir) {
    std::error_code ec;
    if (!fs::is_directory(*override_dir, ec)) {
      diags.error(location_of(*override_dir),
                  "the theme folder does not exist", "pass --theme DIR, a folder with templates/ and/or assets/");
      return std::nullopt;
    }
    std::vector<fs::path> paths;
    for (fs::recursive_directory_iterator it(*override_dir, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_regular_file(ec)) paths.push_back(it->path());
    std::sort(paths.begin(), paths.end());
    bool readable = true;
    for (const auto& p : paths) {
      std::optional<std::string> bytes = read_file_reporting(p, location_of(p), diags, "this theme file");
      if (!bytes) {
        readable = false;
        continue;
      }
      add_file(p.lexically_relative(*override_dir).generic_string(), std::move(*bytes), p.generic_string(), sources,
               files, assets);
    }
    if (!readable) return std::nullopt;
  }

  Theme theme;
  theme.assets_ = std::move(assets);
  bool ok = true;
  static const std::regex at_offset(R"( at (\d+)$)");
  for (auto& [name, source] : sources) {
    auto compiled = std::make_unique<Compiled>(source);
    if (!compiled->tmpl.is_valid()) {
      ok = false;
      std::string message = compiled->tmpl.error_message();
      int line = 1, column = 1;
      std::smatch m;
      if (std::regex_search(message, m, at_offset)) {
        std::tie(line, column) = line_column_at(source, std::stoul(m[1].str()));
        message = m.prefix().str();
      }
      diags.error(location_in(std::make_shared<const std::string>(files[name]), line, column),
                  fmt::format("template error: {}", message), "every {{#section}} needs a matching {{/section}}");
      continue;
    }
    // Source text never contains markup the page did not ask for: escape everything {{x}} prints.
    compiled->tmpl.set_custom_escape(escape_html);
    theme.templates_.emplace(name, std::move(compiled));
  }
  if (!ok) return std::nullopt;
  theme.sources_ = std::move(sources);
  return theme;
}

bool Theme::has_template(const std::string& name) const { return templates_.count(name) > 0; }

std::string Theme::render(const std::string& name, Data data) {
  return render_page(name, "", std::move(data));
}

RenderedPage Theme::render_page_parts(const std::string& name, const std::string& layout, Data view) {
  auto body = templates_.find(name);
  if (body == templates_.end()) throw std::logic_error("no template named " + name);
  // The page template and the layout around it read the same data.
  // kainjow's render() returning a string goes through a string stream; its handler form appends to
  // our own string, reserved for a page, with no stream and no final copy.
  auto render_into = [](Compiled& compiled, const mstch::data& values, std::size_t reserve) {
    std::string out;
    out.reserve(std::max(reserve, compiled.last_size + compiled.last_size / 8));
    compiled.tmpl.render(values, [&out](const std::string& text) { out += text; });
    if (compiled.packed) unpack_spaces(out);
    compiled.last_size = out.size();
    return out;
  };
  std::string html = render_into(*body->second, view, 32 * 1024);
  if (layout.empty()) return RenderedPage::whole(std::move(html));
  auto frame = templates_.find(layout);
  if (frame == templates_.end()) throw std::logic_error("no template named " + layout);
  // The page goes into the layout after it is rendered: kainjow would copy a {{{content}}} of 30 KB
  // three times (the value, its line buffer, the output). The layout is rendered around a marker
  // found once, as written: a layout that printed it escaped ({{content}}: the "<" changes), or data
  // that says it too, takes the ordinary way.
  static const std::string marker = "\x01<practicebook-page-content>\x01";
  set(view, "content", marker);
  std::string frame_html = render_into(*frame->second, view, 16 * 1024);
  const std::size_t at = frame_html.find(marker);
  if (at != std::string::npos && frame_html.find(marker, at + marker.size()) == std::string::npos) {
    frame_html.erase(at, marker.size());
    return RenderedPage{std::move(frame_html), at, std::move(html)};
  }
  const std::size_t size = html.size();
  set(view, "content", std::move(html));
  return RenderedPage::whole(render_into(*frame->second, view, size + 16 * 1024));
}

}  // namespace pb::render
