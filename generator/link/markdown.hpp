#pragma once
// cmark-gfm behind a small interface. cmark-gfm keeps global state (extension registry, character
// tables, arena): use one MarkdownRenderer on one thread only.
#include <string>
#include <string_view>

#include "content/model.hpp"

namespace pb::inline link {

class MarkdownRenderer {
 public:
  explicit MarkdownRenderer(bool allow_html = false);

  // A block of Markdown (paragraphs, lists, tables) to HTML.
  std::string block(std::string_view markdown) const;
  // One line of inline Markdown (a statement, a title) to HTML without the <p> wrapper.
  std::string inline_html(std::string_view markdown) const;

 private:
  int options_;
};

// Renders every Markdown field of the site once, in place.
std::size_t render_site_markdown(Site& site, const MarkdownRenderer& renderer);

}  // namespace pb::link
