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

}  // namespace pb::views
