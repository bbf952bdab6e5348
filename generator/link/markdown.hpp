#pragma once
// cmark-gfm behind a small interface. cmark-gfm keeps global state (extension registry, character
// tables, arena): use one MarkdownRenderer on one thread only.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.hpp"
#include "link/glossary.hpp"

namespace pb::inline link {

// Rendered Markdown whose links to other pages of the site start at the site root. A page inserts
// its own path to the root ("../../") at `root_at` when it is built, so one rendering serves pages
// at every depth.
struct LinkedHtml {
  std::string html;
  std::vector<std::uint32_t> root_at;  // byte offsets into html, ascending
  std::vector<std::uint32_t> terms;    // glossary terms mentioned (indexes), in order of first mention
  bool terms_linked = false;           // the mentions are links (a page then needs their definitions)

  std::string with_root(std::string_view root) const;
};

// Stands for the path to the site root in TermLink::open. The renderer removes it from what it returns
// (its positions become LinkedHtml::root_at), and replaces it in sources before parsing them.
inline constexpr char root_mark = '\x01';

// How a linked glossary term is written: the link opens and closes around the text that names it.
struct TermLink {
  std::string open;   // "<a class=\"term\" href=\"" + root_mark + "glossary/x/index.html\" …>"
  std::string close;  // "</a>" and the tooltip
};

// A link or image address written in a text, for checking it against the allowed schemes.
struct MarkdownUrl {
  bool image = false;
  std::string url;
};

// The footnotes a text may refer to, written `[^marker]` as in GFM: its model's notes, which live on
// another page than most references, so the renderer links them instead of cmark's own footnotes.
struct NoteLinks {
  std::vector<std::string> markers;  // the model's footnote markers, in order
  // The opening of the link for the next reference to note `note` (an index into markers); the
  // renderer writes the marker and closes it with `close`.
  std::function<std::string(std::size_t note)> open;
  std::string close = "</a></sup>";
  std::vector<std::string> unknown;  // filled by the renderer: markers referred to that are not notes
};

// "[^marker]" at `pos` of a text: the marker's length, or 0 when none starts there.
std::size_t note_reference_at(std::string_view text, std::size_t pos);

// Whether cmark-gfm would read `text` as one paragraph of plain text: one line of letters, digits,
// spaces and punctuation that starts no Markdown construct (no emphasis, code, link, HTML, entity,
// escape, autolink, strikethrough or footnote; no list, heading or quote at its start). Most
// statements of a practice model are such text.
bool plain_paragraph(std::string_view text);

class MarkdownRenderer {
 public:
  // `plain_text_fast`: text for which plain_paragraph holds is escaped and wrapped here, as cmark-gfm
  // would render it, without a parser (off only to compare the two in tests).
  explicit MarkdownRenderer(bool allow_html = false, bool plain_text_fast = true);

  // A block of Markdown (paragraphs, lists, tables) to HTML.
  std::string block(std::string_view markdown) const;
  // One line of inline Markdown (a statement, a title) to HTML without the <p> wrapper.
  std::string inline_html(std::string_view markdown) const;

  // Renders a text of the site. With `matcher`, glossary terms are found on the document's text nodes
  // (never in code, links, raw HTML or attributes); with `links` (one per term) each term's first
  // mention becomes a link, otherwise terms are only counted.
  // Every link and image address of the text goes into `urls` when given; with `notes`, footnote
  // references become links to the notes.
  LinkedHtml render(std::string_view markdown, MarkdownShape shape, const TermMatcher* matcher = nullptr,
                    const std::vector<TermLink>* links = nullptr, std::vector<MarkdownUrl>* urls = nullptr,
                    NoteLinks* notes = nullptr) const;

 private:
  int options_;
  bool plain_text_fast_;
};

}  // namespace pb::link
