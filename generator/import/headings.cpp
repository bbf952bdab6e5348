#include "import/headings.hpp"

#include <regex>

#include "core/text_util.hpp"

namespace pb::inline import {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}


HeadingInfo model_part(HeadingKind kind) { return {kind, {}, {}, true, {}}; }
HeadingInfo block_info(std::string kind, std::string role, bool role_known) {
  return {HeadingKind::block, std::move(kind), std::move(role), role_known, {}};
}

HeadingInfo classify(const std::string& heading, const RoleResolver& resolve_role) {
  const std::string h = lower(trim(heading));
  if (h == "vision" || h == "our vision" || h.starts_with("vision:")) return model_part(HeadingKind::vision);
  if (h.ends_with("priorities") || h.ends_with("priorities:")) return model_part(HeadingKind::priorities);
  if (h.starts_with("from the ") || h.starts_with("a message from") || h.starts_with("letter from") ||
      h.starts_with("message from"))
    return model_part(HeadingKind::letter);
  if (h.find("quality improvement") != std::string::npos || h.find("rubric") != std::string::npos ||
      h.find("fidelity scale") != std::string::npos || h.find("practice profile") != std::string::npos)
    return model_part(HeadingKind::rubric);
  static const std::regex role_heading(
      R"(^(?:key\s+)?([a-z][a-z /-]*?)\s+(?:actions|behaviors|behaviours|activities|responsibilities|expectations)\b.*$)");
  std::smatch m;
  if (std::regex_match(h, m, role_heading)) {
    const std::string name = m[1];
    // "Caseworker practice behaviors": the role is the longest run of leading words that names one.
    HeadingInfo info;
    for (std::string words = name; !words.empty() && info.kind != HeadingKind::block;) {
      if (auto id = resolve_role(words)) {
        info = block_info("actions", *id);
        info.role_name = words;
      }
      const auto space = words.rfind(' ');
      words = space == std::string::npos ? "" : words.substr(0, space);
    }
    if (info.kind != HeadingKind::block && h.find("do i") != std::string::npos) {
      info = block_info("actions", slugify(name), false);
      info.role_name = name;
    }
    if (info.kind == HeadingKind::block) return info;
  }
  std::string bare = h;
  while (!bare.empty() && (bare.back() == '.' || bare.back() == ':' || bare.back() == ' ')) bare.pop_back();
  // A role's name alone ("Supervisors:") heads that role's actions.
  if (auto id = resolve_role(bare)) {
    HeadingInfo info = block_info("actions", *id);
    info.role_name = bare;
    return info;
  }
  if (bare == "guiding principles" || bare == "principles" || bare == "our principles" || bare == "core principles")
    return block_info("principles");
  if (bare == "agency practice" || bare == "agency practices" || bare == "practice" || bare == "practices")
    return block_info("practice");
  if (bare == "beliefs" || bare == "we believe" || bare == "our beliefs" || bare == "core beliefs")
    return block_info("beliefs");
  if (bare == "goals" || bare == "our goals") return block_info("goals");
  return {};
}

// What a list with no heading holds, from the words of its section's title.
std::string default_kind(const std::string& section_title) {
  const std::string t = lower(section_title);
  if (t.find("goal") != std::string::npos) return "goals";
  if (t.find("believe") != std::string::npos || t.find("belief") != std::string::npos) return "beliefs";
  if (t.find("practice") != std::string::npos && t.find("principle") == std::string::npos) return "practice";
  return "principles";
}

bool is_closing_word(const std::string& text) {
  static const std::regex closing(R"(^(sincerely|respectfully|with gratitude|warm regards|best regards|regards|yours truly),?$)",
                                  std::regex::icase);
  return std::regex_match(std::string(trim(text)), closing);
}

}  // namespace pb::import
