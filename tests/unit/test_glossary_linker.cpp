// Glossary term linking: word boundaries, plurals, abbreviations; only on the text of the parsed
// Markdown, never inside links, code, raw HTML tags or attributes.
#include <doctest/doctest.h>

#include "link/glossary.hpp"
#include "link/linked_site.hpp"
#include "link/markdown.hpp"

using namespace pb;

namespace {

std::vector<Term> sample_terms() {
  std::vector<Term> terms(5);
  terms[0].id = "sop";
  terms[0].term = "safety organized practice";
  terms[0].abbreviation = "SOP";
  terms[0].aliases = {"safety-organized practice"};
  terms[1].id = "genogram";
  terms[1].term = "genogram";
  terms[2].id = "resource-family";
  terms[2].term = "resource family";
  terms[3].id = "safety-network";
  terms[3].term = "safety network";
  terms[4].id = "sdm";
  terms[4].term = "Structured Decision Making®";
  terms[4].abbreviation = "SDM";
  return terms;
}

// Renders one statement as the link phase does, with its glossary links.
struct Linker {
  explicit Linker(std::vector<Term> t = sample_terms(), bool allow_html = false)
      : terms(std::move(t)), matcher(terms), md(allow_html) {
    for (const auto& term : terms) links.push_back(glossary_link(term, "Definition of " + term.id + "."));
  }
  LinkedHtml operator()(std::string_view markdown) const {
    return md.render(markdown, MarkdownShape::line, &matcher, &links);
  }
  std::string html(std::string_view markdown) const { return (*this)(markdown).with_root("../../"); }

  std::vector<Term> terms;
  TermMatcher matcher;
  std::vector<TermLink> links;
  MarkdownRenderer md;
};

// The linked words of a result, in order, e.g. {"SOP", "genograms"}.
std::vector<std::string> linked_words(const std::string& html) {
  std::vector<std::string> out;
  for (auto pos = html.find("<a class=\"term\""); pos != std::string::npos; pos = html.find("<a class=\"term\"", pos + 1)) {
    const auto start = html.find('>', pos) + 1;
    out.push_back(html.substr(start, html.find("</a>", start) - start));
  }
  return out;
}

}  // namespace

TEST_CASE("terms are linked by name, abbreviation and alias, first mention only") {
  const Linker link;
  auto r = link("Use the SOP approach; safety organized practice and SOP again.");
  CHECK(linked_words(r.html) == std::vector<std::string>{"SOP"});
  REQUIRE(r.terms.size() == 1);
  CHECK(link.terms[r.terms[0]].id == "sop");
  CHECK(linked_words(link.html("Understand safety-organized practice (SOP).")) ==
        std::vector<std::string>{"safety-organized practice"});
}

TEST_CASE("plurals: -s, -es and y → ies") {
  const Linker link;
  CHECK(linked_words(link.html("Use ecomaps, genograms, or circles.")) == std::vector<std::string>{"genograms"});
  CHECK(linked_words(link.html("Support resource families.")) == std::vector<std::string>{"resource families"});
  CHECK(linked_words(link.html("One resource family.")) == std::vector<std::string>{"resource family"});
}

TEST_CASE("never inside another word, and abbreviations are case-sensitive") {
  const Linker link;
  CHECK(linked_words(link.html("SOPHIA and the sop of bread.")).empty());
  CHECK(linked_words(link.html("Genogramming is not a word.")).empty());
  CHECK(linked_words(link.html("A Genogram helps.")) == std::vector<std::string>{"Genogram"});
}

TEST_CASE("the longest spelling wins, and trademark signs stay outside an abbreviation") {
  const Linker link;
  CHECK(linked_words(link.html("Conduct Structured Decision Making® (SDM) assessments and test the safety network.")) ==
        std::vector<std::string>{"Structured Decision Making®", "safety network"});
  CHECK(linked_words(link.html("Use SDM® assessments.")) == std::vector<std::string>{"SDM"});
}

TEST_CASE("terms are found across emphasis, and text around them keeps its escaping") {
  const Linker link;
  const std::string html = link.html("Draw a *genogram* & map the safety network, 1 < 2.");
  CHECK(linked_words(html) == std::vector<std::string>{"genogram", "safety network"});
  CHECK(html.find("<em><a class=\"term\"") != std::string::npos);
  CHECK(html.find(" &amp; map the ") != std::string::npos);
  CHECK(html.find(", 1 &lt; 2.") != std::string::npos);
}

TEST_CASE("no term is linked inside an existing link or code") {
  const Linker link;
  const std::string html = link.html("See [the SOP guide](https://example.org/sop) and `SOP` then genogram.");
  CHECK(linked_words(html) == std::vector<std::string>{"genogram"});
  CHECK(html.find(R"(<a href="https://example.org/sop">the SOP guide</a>)") != std::string::npos);
  CHECK(html.find("<code>SOP</code>") != std::string::npos);
}

TEST_CASE("with raw HTML allowed, tags, attributes and raw links are never written into") {
  const Linker link(sample_terms(), /*allow_html=*/true);
  const std::string html = link.html(R"(<span title="genogram SOP">x</span> <a href="/g">a genogram</a> SOP)");
  CHECK(html.find(R"(<span title="genogram SOP">x</span>)") != std::string::npos);
  CHECK(html.find(R"(<a href="/g">a genogram</a>)") != std::string::npos);
  CHECK(linked_words(html) == std::vector<std::string>{"SOP"});  // only the text after the raw link
}

TEST_CASE("links start at the site root, resolved by each page; with the definition and a tooltip") {
  const Linker link;
  const LinkedHtml r = link("A genogram.");
  REQUIRE(r.root_at.size() == 1);
  CHECK(r.html.find('\x01') == std::string::npos);  // no marker is left in what pages receive
  CHECK(r.with_root("../../").find(R"(href="../../glossary/genogram/index.html")") != std::string::npos);
  CHECK(r.with_root("").find(R"(href="glossary/genogram/index.html")") != std::string::npos);
  CHECK(r.html.find(R"(aria-describedby="def-genogram")") != std::string::npos);
  CHECK(r.html.find(R"(data-tip="genogram: Definition of genogram.")") != std::string::npos);
}

TEST_CASE("a long definition gives its links a tooltip of its first words, not all of it") {
  std::string definition;
  for (int i = 0; definition.size() < 5000; ++i) definition += "word" + std::to_string(i) + " ";
  const Term term = sample_terms().front();
  const TermLink link = glossary_link(term, definition);
  const auto tip = link.close.find("data-tip=\"") + 10;
  const std::string shown = link.close.substr(tip, link.close.find('"', tip) - tip);
  CHECK(shown.starts_with(term.term + ": word0 word1 "));
  CHECK(shown.ends_with("…"));
  CHECK(shown.size() <= term.term.size() + 2 + max_term_tip_bytes + 3);
  CHECK(shown.size() > term.term.size() + max_term_tip_bytes / 2);
}

TEST_CASE("a control byte in a source cannot pose as a link's root") {
  const Linker link;
  const LinkedHtml r = link("Odd \x01 byte, then a genogram.");
  CHECK(r.root_at.size() == 1);
  CHECK(r.html.find('\x01') == std::string::npos);
}

TEST_CASE("entries claiming the same spelling are reported") {
  auto terms = sample_terms();
  terms[1].aliases = {"SOP"};
  TermMatcher matcher(terms);
  Diagnostics diags;
  matcher.report_shadowing(diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.sorted()[0].message == "glossary entries 'sop' and 'genogram' both claim the spelling 'sop'");
}

TEST_CASE("plain text skips the parser and renders exactly as cmark-gfm does") {
  // Texts made of pieces that are plain and pieces that start Markdown (emphasis, links, entities,
  // autolinks, lists, headings, spaces at either end), with glossary terms among them: the fast way
  // must give what the parser gives, byte for byte, and must be taken for plain text.
  const std::vector<std::string> pieces = {
      "family", "Resource families", "SOP", "genogram", "safety network", "SDM", "the", "Do I", "...?", ",", ".",
      "'s", "\"voice\"", "(CFSR)", "50%", "$5", "a/b", "-", "—", "“tried”", "é", "1.", "2)", "#", ">", "*x*", "_y_",
      "`c`", "[l](u)", "&amp;", "<b>", "a\\b", "~~s~~", "www.example.org", "WWW.x", "http://x.org", "a@b.org",
      "[^1]", "|", ":", "!", "\t", "  ", "\n"};
  const Linker fast;
  const std::vector<Term> terms = sample_terms();
  const TermMatcher matcher(terms);
  std::vector<TermLink> links;
  for (const auto& term : terms) links.push_back(glossary_link(term, "Definition of " + term.id + "."));
  const MarkdownRenderer parser_only(false, false);
  std::uint32_t seed = 17;
  auto next = [&seed] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7FFF; };
  std::size_t plain = 0;
  for (int n = 0; n < 4000; ++n) {
    std::string text;
    for (std::uint32_t k = 0, count = 1 + next() % 8; k < count; ++k) {
      const std::string& piece = pieces[next() % (next() % 4 == 0 ? pieces.size() : 22)];  // mostly plain
      text += (k && next() % 3 ? " " : "") + piece;
    }
    if (next() % 10 == 0) text = " " + text;
    INFO(text);
    plain += plain_paragraph(text);
    for (const MarkdownShape shape : {MarkdownShape::line, MarkdownShape::block}) {
      const LinkedHtml a = fast.md.render(text, shape, &matcher, &links);
      const LinkedHtml b = parser_only.render(text, shape, &matcher, &links);
      CHECK(a.html == b.html);
      CHECK(a.root_at == b.root_at);
      CHECK(a.terms == b.terms);
      CHECK(fast.md.render(text, shape, &matcher).terms == parser_only.render(text, shape, &matcher).terms);
    }
  }
  CHECK(plain > 1000);  // the fast way was taken, and compared, for many texts
  CHECK(plain < 4000);  // and not for all: the others start Markdown
  CHECK(plain_paragraph("Do I visit the family's home, weekly?"));
  CHECK_FALSE(plain_paragraph("Do I visit www.example.org?"));
  CHECK_FALSE(plain_paragraph("1. Do I visit?"));
  CHECK_FALSE(plain_paragraph("Do I visit? "));
  CHECK_FALSE(plain_paragraph("Do I *visit*?"));
  // Bytes that are not UTF-8 are left to cmark-gfm, which replaces them.
  CHECK(plain_paragraph("Do I visit the caf\xC3\xA9?"));
  CHECK_FALSE(plain_paragraph("Do I visit the caf\xC3?"));
  CHECK(fast.md.render("caf\xC3 visit", MarkdownShape::line).html == parser_only.render("caf\xC3 visit", MarkdownShape::line).html);
}
