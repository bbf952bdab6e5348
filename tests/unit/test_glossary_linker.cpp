// Glossary term linking: word boundaries, plurals, abbreviations, never inside links or other words.
#include <doctest/doctest.h>

#include "link/glossary.hpp"
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
  for (auto& t : terms) t.definition.html = "<p>Definition of " + t.id + ".</p>";
  return terms;
}

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
  const auto terms = sample_terms();
  TermMatcher matcher(terms);
  auto r = matcher.link("Use the SOP approach; safety organized practice and SOP again.");
  CHECK(linked_words(r.html) == std::vector<std::string>{"SOP"});
  REQUIRE(r.terms.size() == 1);
  CHECK(terms[r.terms[0]].id == "sop");
  CHECK(linked_words(matcher.link("Understand safety-organized practice (SOP).").html) ==
        std::vector<std::string>{"safety-organized practice"});
}

TEST_CASE("plurals: -s, -es and y → ies") {
  TermMatcher matcher(sample_terms());
  CHECK(linked_words(matcher.link("Use ecomaps, genograms, or circles.").html) == std::vector<std::string>{"genograms"});
  CHECK(linked_words(matcher.link("Support resource families.").html) == std::vector<std::string>{"resource families"});
  CHECK(linked_words(matcher.link("One resource family.").html) == std::vector<std::string>{"resource family"});
}

TEST_CASE("never inside another word, and abbreviations are case-sensitive") {
  TermMatcher matcher(sample_terms());
  CHECK(linked_words(matcher.link("SOPHIA and the sop of bread.").html).empty());
  CHECK(linked_words(matcher.link("Genogramming is not a word.").html).empty());
  CHECK(linked_words(matcher.link("A Genogram helps.").html) == std::vector<std::string>{"Genogram"});
}

TEST_CASE("the longest spelling wins, and trademark signs stay outside an abbreviation") {
  TermMatcher matcher(sample_terms());
  auto r = matcher.link("Conduct Structured Decision Making® (SDM) assessments and test the safety network.");
  CHECK(linked_words(r.html) == std::vector<std::string>{"Structured Decision Making®", "safety network"});
  CHECK(linked_words(matcher.link("Use SDM® assessments.").html) == std::vector<std::string>{"SDM"});
}

TEST_CASE("no term is linked inside an existing link, a tag or code") {
  TermMatcher matcher(sample_terms());
  MarkdownRenderer md;
  const std::string html = md.inline_html("See [the SOP guide](https://example.org/sop) and `SOP` then genogram.");
  auto r = matcher.link(html);
  CHECK(linked_words(r.html) == std::vector<std::string>{"genogram"});
  CHECK(r.html.find("https://example.org/sop") != std::string::npos);
  // An attribute value is never touched.
  CHECK(linked_words(matcher.link(R"(<span title="genogram">x</span>)").html).empty());
}

TEST_CASE("links carry the root marker, the definition for screen readers and a tooltip") {
  TermMatcher matcher(sample_terms());
  const auto html = matcher.link("A genogram.").html;
  CHECK(html.find(std::string(R"(href=")") + std::string(root_marker) + "glossary/genogram/index.html\"") != std::string::npos);
  CHECK(html.find(R"(aria-describedby="def-genogram")") != std::string::npos);
  CHECK(html.find(R"(data-tip="genogram: Definition of genogram.")") != std::string::npos);
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
