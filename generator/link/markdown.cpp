#include "link/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>

#include "core/utf8.hpp"

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

// Text nodes where glossary terms may be found: not inside a link, an image, code or raw HTML <a>.
std::vector<cmark_node*> linkable_text(cmark_node* doc) {
  std::vector<cmark_node*> out;
  int inside = 0, raw_inside = 0;
  cmark_iter* iter = cmark_iter_new(doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE: inside += ev == CMARK_EVENT_ENTER ? 1 : -1; break;
      case CMARK_NODE_HTML_INLINE: {
        const std::string_view tag = cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "";
        if (tag.starts_with("<a ") || tag.starts_with("<a>") || tag.starts_with("<code")) ++raw_inside;
        else if ((tag.starts_with("</a") || tag.starts_with("</code")) && raw_inside > 0) --raw_inside;
        break;
      }
      case CMARK_NODE_TEXT:
        if (inside == 0 && raw_inside == 0) out.push_back(node);
        break;
      default:  // raw HTML left open does not reach past its block (paragraph, heading, table cell)
        if (ev == CMARK_EVENT_EXIT && (cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK)
          raw_inside = 0;
        break;
    }
  }
  cmark_iter_free(iter);
  return out;
}

cmark_node* text_node(std::string_view text) {
  cmark_node* n = cmark_node_new(CMARK_NODE_TEXT);
  cmark_node_set_literal(n, std::string(text).c_str());
  return n;
}

// Finds terms in the text nodes; with `links`, wraps each first mention in its link.
void link_terms(cmark_node* doc, const TermMatcher& matcher, const std::vector<TermLink>* links,
                std::vector<std::uint32_t>& seen) {
  for (cmark_node* node : linkable_text(doc)) {
    const std::string literal = cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "";
    const auto found = matcher.find(literal, seen);
    if (!links || found.empty()) continue;
    std::size_t pos = 0;
    for (const auto& m : found) {
      if (m.pos > pos) cmark_node_insert_before(node, text_node(std::string_view(literal).substr(pos, m.pos - pos)));
      cmark_node* link = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
      cmark_node_set_on_enter(link, (*links)[m.term].open.c_str());
      cmark_node_set_on_exit(link, (*links)[m.term].close.c_str());
      cmark_node_append_child(link, text_node(std::string_view(literal).substr(m.pos, m.length)));
      cmark_node_insert_before(node, link);
      pos = m.pos + m.length;
    }
    if (pos < literal.size()) {
      cmark_node_set_literal(node, literal.substr(pos).c_str());
    } else {
      cmark_node_unlink(node);
      cmark_node_free(node);
    }
  }
}

// Turns each `[^marker]` of the text nodes into a link to its note (see NoteLinks).
void link_notes(cmark_node* doc, NoteLinks& notes) {
  for (cmark_node* node : linkable_text(doc)) {
    const std::string literal = cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "";
    std::size_t from = 0;
    bool changed = false;
    for (std::size_t at = literal.find("[^"); at != std::string::npos; at = literal.find("[^", at + 1)) {
      const std::size_t length = note_reference_at(literal, at);
      if (length == 0) continue;
      const std::string marker = literal.substr(at + 2, length);
      const auto known = std::find(notes.markers.begin(), notes.markers.end(), marker);
      if (known == notes.markers.end()) {
        notes.unknown.push_back(marker);
        continue;
      }
      if (at > from) cmark_node_insert_before(node, text_node(std::string_view(literal).substr(from, at - from)));
      cmark_node* link = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
      cmark_node_set_on_enter(link, notes.open(static_cast<std::size_t>(known - notes.markers.begin())).c_str());
      cmark_node_set_on_exit(link, notes.close.c_str());
      cmark_node_append_child(link, text_node(marker));
      cmark_node_insert_before(node, link);
      from = at + length + 3;
      changed = true;
    }
    if (!changed) continue;
    if (from < literal.size()) {
      cmark_node_set_literal(node, literal.substr(from).c_str());
    } else {
      cmark_node_unlink(node);
      cmark_node_free(node);
    }
  }
}

void collect_urls(cmark_node* doc, std::vector<MarkdownUrl>& out) {
  cmark_iter* iter = cmark_iter_new(doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter);
    const auto type = cmark_node_get_type(node);
    if (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE) continue;
    const char* url = cmark_node_get_url(node);
    out.push_back({type == CMARK_NODE_IMAGE, url ? url : ""});
  }
  cmark_iter_free(iter);
}

// What cmark-gfm's HTML renderer escapes in text (houdini, not "secure"): the apostrophe stays.
void append_escaped(std::string& out, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
}

// A paragraph of plain text (see plain_paragraph) as cmark-gfm renders it: its one text node,
// escaped, with each glossary term the matcher finds wrapped in the term's link.
std::string render_plain(std::string_view text, const TermMatcher* matcher, const std::vector<TermLink>* links,
                         std::vector<std::uint32_t>& terms) {
  std::string out = "<p>";
  out.reserve(text.size() + 16);
  std::size_t pos = 0;
  if (matcher) {
    const auto found = matcher->find(text, terms);
    if (links)
      for (const auto& m : found) {
        append_escaped(out, text.substr(pos, m.pos - pos));
        out += (*links)[m.term].open;
        append_escaped(out, text.substr(m.pos, m.length));
        out += (*links)[m.term].close;
        pos = m.pos + m.length;
      }
  }
  append_escaped(out, text.substr(pos));
  out += "</p>";
  return out;
}

std::string render_html(std::string_view markdown, int options, const TermMatcher* matcher,
                        const std::vector<TermLink>* links, std::vector<std::uint32_t>& terms,
                        std::vector<MarkdownUrl>* urls = nullptr, NoteLinks* notes = nullptr, bool plain_fast = false) {
  if (plain_fast && plain_paragraph(markdown)) return render_plain(markdown, matcher, links, terms);
  std::string source(markdown);
  for (char& c : source)
    if (c == root_mark) c = ' ';
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(options));
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  cmark_parser_feed(parser.get(), source.data(), source.size());
  std::unique_ptr<cmark_node, NodeDeleter> doc(cmark_parser_finish(parser.get()));
  if (urls) collect_urls(doc.get(), *urls);
  if (matcher) link_terms(doc.get(), *matcher, links, terms);
  if (notes) link_notes(doc.get(), *notes);
  std::unique_ptr<char, CStringDeleter> html(
      cmark_render_html(doc.get(), options, cmark_parser_get_syntax_extensions(parser.get())));
  std::string out = html ? std::string(html.get()) : std::string{};
  // Safe mode leaves a comment where raw HTML was; nobody needs it in the page.
  const std::string_view omitted = "<!-- raw HTML omitted -->";
  for (auto pos = out.find(omitted); pos != std::string::npos; pos = out.find(omitted, pos))
    out.erase(pos, omitted.size());
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

// A single paragraph: drop its wrapper so the text can sit in a <li>, <h1> or <blockquote>.
std::string unwrap_paragraph(std::string html) {
  if (html.starts_with("<p>") && html.ends_with("</p>") && html.find("<p>", 3) == std::string::npos)
    return html.substr(3, html.size() - 7);
  return html;
}

}  // namespace

bool plain_paragraph(std::string_view text) {
  // Bytes that start nothing in cmark-gfm's inline parser or its extensions (autolinks need ':', '@'
  // or "www."; '~' strikes through; '|' makes tables; '&' entities; '\\' escapes; '<' HTML), and
  // every byte of a UTF-8 character beyond ASCII (checked below: cmark would replace a bad one).
  static constexpr auto plain = [] {
    std::array<bool, 256> table{};
    for (int c = 'a'; c <= 'z'; ++c) table[c] = true;
    for (int c = 'A'; c <= 'Z'; ++c) table[c] = true;
    for (int c = '0'; c <= '9'; ++c) table[c] = true;
    for (const unsigned char c : std::string_view(" ,.;'\"()/%$?-")) table[c] = true;
    for (int c = 0x80; c <= 0xFF; ++c) table[c] = true;
    return table;
  }();
  if (text.empty()) return false;
  // A block starts with its first byte (a list's "-" or "1.", "#", ">", indentation): a letter or
  // a character beyond ASCII starts none. cmark drops a trailing space, which this would keep.
  const unsigned char first = static_cast<unsigned char>(text.front());
  if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || first >= 0x80)) return false;
  if (text.back() == ' ') return false;
  bool beyond_ascii = false;
  for (const char c : text) {
    if (!plain[static_cast<unsigned char>(c)]) return false;
    beyond_ascii |= static_cast<unsigned char>(c) >= 0x80;
  }
  if (beyond_ascii && find_utf8_problem(text)) return false;
  // The autolink extension links "www." in any letter case.
  for (std::size_t at = text.find('.'); at != std::string_view::npos; at = text.find('.', at + 1))
    if (at >= 3) {
      const std::string_view before = text.substr(at - 3, 3);
      if ((before[0] | 0x20) == 'w' && (before[1] | 0x20) == 'w' && (before[2] | 0x20) == 'w') return false;
    }
  return true;
}

std::size_t note_reference_at(std::string_view text, std::size_t pos) {
  constexpr std::size_t longest = 16;  // "*", "1", "12", "a", "†": a marker is short
  if (text.substr(pos, 2) != "[^") return 0;
  const std::size_t end = text.find(']', pos + 2);
  if (end == std::string_view::npos || end == pos + 2 || end - pos - 2 > longest) return 0;
  const std::string_view marker = text.substr(pos + 2, end - pos - 2);
  if (marker.find_first_of(" \t\n[^") != std::string_view::npos) return 0;
  return marker.size();
}

std::string LinkedHtml::with_root(std::string_view root) const {
  if (root_at.empty()) return html;
  std::string out;
  out.reserve(html.size() + root_at.size() * root.size());
  std::size_t from = 0;
  for (std::uint32_t at : root_at) {
    out.append(html, from, at - from);
    out.append(root);
    from = at;
  }
  out.append(html, from);
  return out;
}

MarkdownRenderer::MarkdownRenderer(bool allow_html, bool plain_text_fast)
    : options_(CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE | CMARK_OPT_FOOTNOTES |
               (allow_html ? CMARK_OPT_UNSAFE : 0)),
      plain_text_fast_(plain_text_fast) {
  register_extensions_once();
}

std::string MarkdownRenderer::block(std::string_view markdown) const {
  std::vector<std::uint32_t> none;
  return render_html(markdown, options_, nullptr, nullptr, none, nullptr, nullptr, plain_text_fast_);
}

std::string MarkdownRenderer::inline_html(std::string_view markdown) const { return unwrap_paragraph(block(markdown)); }

LinkedHtml MarkdownRenderer::render(std::string_view markdown, MarkdownShape shape, const TermMatcher* matcher,
                                    const std::vector<TermLink>* links, std::vector<MarkdownUrl>* urls,
                                    NoteLinks* notes) const {
  LinkedHtml out;
  out.terms_linked = links != nullptr;
  std::string html = render_html(markdown, options_, matcher, links, out.terms, urls, notes, plain_text_fast_);
  if (shape == MarkdownShape::line) html = unwrap_paragraph(std::move(html));
  if ((links || notes) && html.find(root_mark) != std::string::npos) {
    out.html.reserve(html.size());
    for (char c : html) {
      if (c == root_mark) out.root_at.push_back(static_cast<std::uint32_t>(out.html.size()));
      else out.html += c;
    }
  } else {
    out.html = std::move(html);
  }
  return out;
}

}  // namespace pb::link
