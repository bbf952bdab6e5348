#include "views/diff_html.hpp"

#include "core/text_util.hpp"

namespace pb::inline views {

std::string diff_to_html(const std::vector<DiffSpan>& spans) {
  std::string html;
  for (const auto& span : spans) {
    // Markdown markers are noise in a diff: show the words.
    std::string text;
    for (char c : span.text)
      if (c != '*' && c != '\\') text += c;
    switch (span.op) {
      case DiffOp::same: html += html_escape(text); break;
      case DiffOp::inserted:
        html += "<ins><span class=\"visually-hidden\">[added: </span>" + html_escape(text) +
                "<span class=\"visually-hidden\">]</span></ins>";
        break;
      case DiffOp::deleted:
        html += "<del><span class=\"visually-hidden\">[removed: </span>" + html_escape(text) +
                "<span class=\"visually-hidden\">]</span></del>";
        break;
    }
  }
  return html;
}

std::string words_html(std::string_view text) {
  std::string words;
  for (const auto& token : tokenize_for_diff(text)) words += token.text;
  return diff_to_html({{DiffOp::same, std::move(words)}});
}

std::string side_to_html(const std::vector<DiffSpan>& spans, DiffOp side, const std::string& label) {
  std::string html;
  for (const auto& span : spans) {
    if (span.op != DiffOp::same && span.op != side) continue;
    std::string text;
    for (char c : span.text)
      if (c != '*' && c != '\\') text += c;
    if (span.op == DiffOp::same) {
      html += html_escape(text);
      continue;
    }
    // The space before the words stays outside the mark, so marks do not start with a gap.
    const std::size_t lead = text.find_first_not_of(' ');
    if (lead == std::string::npos) continue;
    html += text.substr(0, lead) + "<mark class=\"only-here\"><span class=\"visually-hidden\">[only in " +
            html_escape(label) + ": </span>" + html_escape(text.substr(lead)) + "<span class=\"visually-hidden\">]</span></mark>";
  }
  return html;
}

}  // namespace pb::views
