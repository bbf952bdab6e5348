#pragma once
// Templates and assets: the built-in default theme, overridden file by file by --theme DIR.
// Each template is compiled once; rendering needs a non-const Theme (kainjow's render is not const),
// so give each rendering thread its own copy.
#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "views/page_data.hpp"

namespace pb::inline render {

struct EmbeddedFile;

// A rendered page as its layout, with the place where the page template's output goes in it, and
// that output: written out from the three parts (SiteWriter::write), the page is never copied into
// its layout, a copy of every byte of the site.
struct RenderedPage {
  std::string frame;   // the layout's output (the whole page when `body` is empty)
  std::size_t at = 0;  // where `body` goes in `frame`
  std::string body;

  std::array<std::string_view, 3> parts() const {
    const std::string_view f = frame;
    return {f.substr(0, at), body, f.substr(at)};
  }
  std::size_t size() const { return frame.size() + body.size(); }
  // The page in one string (the page's own text inserted into the layout's, no further copy).
  std::string joined() && { return std::move(frame.insert(at, body)); }
  // A page rendered in one piece.
  static RenderedPage whole(std::string page) {
    const std::size_t end = page.size();
    return RenderedPage{std::move(page), end, {}};
  }
};

class Theme {
 public:
  // Loads templates/*.html and assets/* from the default theme, then from `override_dir` if given.
  static std::optional<Theme> load(const std::optional<std::filesystem::path>& override_dir, Diagnostics& diags);

  Theme(const Theme&);
  Theme(Theme&&) noexcept;
  Theme& operator=(Theme&&) noexcept;
  ~Theme();

  bool has_template(const std::string& name) const;
  std::size_t template_count() const { return templates_.size(); }
  // Each template's name and source, for checking the names it uses against page data.
  const std::map<std::string, std::string>& template_sources() const { return sources_; }
  // Renders a template with the page data; "name" is the file name in templates/ ("section.html").
  std::string render(const std::string& name, Data data);
  // Renders a page template and the layout around it (its output goes in {{{content}}}).
  RenderedPage render_page_parts(const std::string& name, const std::string& layout, Data data);
  std::string render_page(const std::string& name, const std::string& layout, Data data) {
    return render_page_parts(name, layout, std::move(data)).joined();
  }

  // Static files copied as they are: relative path under assets/ → bytes, sorted.
  const std::map<std::string, std::string>& assets() const { return assets_; }

 private:
  Theme();
  struct Compiled;
  std::map<std::string, std::unique_ptr<Compiled>> templates_;
  std::map<std::string, std::string> assets_;
  std::map<std::string, std::string> sources_;
};

}  // namespace pb::render
