#pragma once
// What a heading of a practice model names: a part of the model (vision, priorities, letter, rubric), a
// block of a section (principles, practice, beliefs, goals, a role's actions), or something else (a
// section's title); and the other words recognition keys on.
#include <string>

#include "import/recognize.hpp"

namespace pb::inline import {

enum class HeadingKind { vision, priorities, letter, rubric, block, other };

struct HeadingInfo {
  HeadingKind kind = HeadingKind::other;
  std::string block_kind;  // for blocks
  std::string role;        // for actions
  bool role_known = true;
  std::string role_name;   // for actions: the role as the heading names it ("caseworker")
};

HeadingInfo model_part(HeadingKind kind);
HeadingInfo block_info(std::string kind, std::string role = {}, bool role_known = true);

// "Key Area Leadership Actions: Do I..." → an actions block of area-leadership (through `resolve_role`).
HeadingInfo classify(const std::string& heading, const RoleResolver& resolve_role);

// What a list with no heading holds, from the words of its section's title ("goals", "beliefs", …).
std::string default_kind(const std::string& section_title);

// "Sincerely," and the like: the letter's closing, after which come the signature and its title.
bool is_closing_word(const std::string& text);

std::string lower(std::string_view text);

}  // namespace pb::import
