#include "link/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <memory>
#include <mutex>

namespace pb::inline link {

namespace {

void register_extensions_once() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct CStringDeleter {
  void operator()(char* s) const { free(s); }  // cmark returns malloc'd strings
};

std::string render(std::string_view markdown, int options) {
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(options));
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, NodeDeleter> doc(cmark_parser_finish(parser.get()));
  std::unique_ptr<char, CStringDeleter> html(
      cmark_render_html(doc.get(), options, cmark_parser_get_syntax_extensions(parser.get())));
  return html ? std::string(html.get()) : std::string{};
}

}  // namespace

MarkdownRenderer::MarkdownRenderer(bool allow_html)
    : options_(CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE | CMARK_OPT_FOOTNOTES |
               (allow_html ? CMARK_OPT_UNSAFE : 0)) {
  register_extensions_once();
}

std::string MarkdownRenderer::block(std::string_view markdown) const {
  std::string html = render(markdown, options_);
  // Safe mode leaves a comment where raw HTML was; nobody needs it in the page.
  for (std::string marker : {"<!-- raw HTML omitted -->"}) {
    for (auto pos = html.find(marker); pos != std::string::npos; pos = html.find(marker, pos))
      html.erase(pos, marker.size());
  }
  while (!html.empty() && html.back() == '\n') html.pop_back();
  return html;
}

std::string MarkdownRenderer::inline_html(std::string_view markdown) const {
  std::string html = block(markdown);
  // A single paragraph: drop its wrapper so the text can sit in a <li>, <h1> or <blockquote>.
  if (html.starts_with("<p>") && html.ends_with("</p>") && html.find("<p>", 3) == std::string::npos)
    return html.substr(3, html.size() - 7);
  return html;
}

namespace {
struct SiteMarkdownWalker {
  const MarkdownRenderer& md;
  std::size_t count = 0;

  void block(Markdown& m) {
    if (m.empty()) return;
    m.html = md.block(m.source);
    ++count;
  }
  void line(Markdown& m) {
    if (m.empty()) return;
    m.html = md.inline_html(m.source);
    ++count;
  }
  void statements(std::vector<Statement>& items) {
    for (auto& s : items) {
      line(s.text);
      statements(s.children);
    }
  }
};
}  // namespace

std::size_t render_site_markdown(Site& site, const MarkdownRenderer& renderer) {
  SiteMarkdownWalker w{renderer};
  w.block(site.config.intro);
  for (auto& r : site.roles) w.line(r.description);
  for (auto& t : site.topics) w.line(t.description);
  for (auto& t : site.terms) w.block(t.definition);
  for (auto& m : site.models) {
    w.line(m.source);
    w.block(m.intro);
    w.line(m.vision);
    w.block(m.closing);
    if (m.priorities) {
      w.block(m.priorities->intro);
      w.statements(m.priorities->items);
    }
    if (m.letter) w.block(m.letter->body);
    if (m.rubric) {
      w.block(m.rubric->intro);
      for (auto& level : m.rubric->levels) w.line(level.description);
    }
    for (auto& note : m.footnotes) w.line(note.text);
    for (auto& section : m.sections) {
      w.line(section.summary);
      w.block(section.intro);
      for (auto& block : section.blocks) {
        w.block(block.intro);
        w.block(block.text);
        w.statements(block.items);
      }
    }
  }
  return w.count;
}

}  // namespace pb::link
