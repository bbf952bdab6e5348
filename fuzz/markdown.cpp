// Any bytes as the Markdown of a statement: the shape bounds first, then rendering with glossary
// terms linked, as the link phase does it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/utf8.hpp"
#include "link/linked_site.hpp"
#include "link/markdown.hpp"
#include "link/markdown_limits.hpp"

namespace {
std::vector<pb::Term> terms() {
  std::vector<pb::Term> out(3);
  out[0].id = "sop";
  out[0].term = "safety organized practice";
  out[0].abbreviation = "SOP";
  out[1].id = "family";
  out[1].term = "resource family";
  out[1].aliases = {"foster family"};
  out[2].id = "tdm";
  out[2].term = "Team Decision Making™";
  out[2].abbreviation = "TDM";
  return out;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  // The loader refuses what is not UTF-8 text before anything reaches Markdown.
  if (pb::find_utf8_problem(text) || pb::markdown_too_complex(text)) return 0;
  static const std::vector<pb::Term> glossary = terms();
  static const pb::TermMatcher matcher(glossary);
  static const std::vector<pb::TermLink> links = [] {
    std::vector<pb::TermLink> l;
    for (const auto& t : glossary) l.push_back(pb::glossary_link(t, "A definition."));
    return l;
  }();
  static const pb::MarkdownRenderer safe(false), unsafe(true);
  std::vector<pb::MarkdownUrl> urls;
  const auto& md = size % 2 ? unsafe : safe;
  const auto line = md.render(text, pb::MarkdownShape::line, &matcher, &links, &urls);
  (void)line.with_root("../../");
  (void)md.render(text, pb::MarkdownShape::block, &matcher, nullptr, &urls);
  return 0;
}
