#include "views/page_nav.hpp"

#include <set>

namespace pb::inline views {

void add_page_toc(Data& data, const std::vector<std::pair<std::string, std::string>>& entries, std::size_t min_entries) {
  Data toc = list();
  for (const auto& [id, title] : entries)
    if (!id.empty() && !title.empty()) push(toc, object("href", "#" + id, "title", title));
  set(data, "has_toc", items(toc).size() >= min_entries);
  set(data, "toc", std::move(toc));
}

void add_section_navigation(const Site& site, const Model& model, Data& data) {
  std::vector<std::pair<std::string, std::string>> entries;
  Data roles = list();
  for (const auto& block : items_at(data, "blocks")) {
    const std::string heading = text_of(block, "heading");
    if (!heading.empty()) entries.emplace_back(text_of(block, "id"), heading);
  }
  // The filter lists the roles in the order of roles.yaml, each linking to its first actions block.
  for (const auto& role : site.roles)
    for (const auto& block : items_at(data, "blocks"))
      if (text_of(block, "kind") == "actions" && text_of(block, "role") == role.id && !text_of(block, "heading").empty()) {
        push(roles, object("role", role.id, "title", role_title(site, model, role.id, true), "href", "#" + text_of(block, "id")));
        break;
      }
  if (flag(data, "has_roles")) entries.emplace_back("related-roles", "Every " + model.vocabulary.action_word() + " by role");
  add_page_toc(data, entries);
  set(data, "has_role_filter", items(roles).size() >= 2);
  set(data, "role_filter", std::move(roles));
}

void add_overview_navigation(Data& data) {
  std::vector<std::pair<std::string, std::string>> entries;
  auto heading_of = [&](const char* key, const char* member, const char* missing) {
    return text_of(*get(data, key), member, missing);
  };
  if (present(data, "vision_html")) entries.emplace_back("vision", "Vision");
  if (present(data, "priorities")) entries.emplace_back("priorities", heading_of("priorities", "heading", "Priorities"));
  if (present(data, "framework")) entries.emplace_back("framework", heading_of("framework", "heading", "Framework"));
  entries.emplace_back("contents", "Contents");
  entries.emplace_back("roles", "What each role does");
  if (present(data, "letter")) entries.emplace_back("letter", heading_of("letter", "heading", "Letter"));
  if (present(data, "rubric")) entries.emplace_back("rubric", heading_of("rubric", "title", "Rubric"));
  if (flag(data, "has_footnotes")) entries.emplace_back("notes", "Notes");
  if (flag(data, "has_editions")) entries.emplace_back("editions", "Other editions");
  add_page_toc(data, entries);
}

}  // namespace pb::views

namespace pb::inline views {

std::string pill_title(const Section& section) {
  constexpr std::size_t fits = 24;
  if (!section.short_title.empty()) return section.short_title;
  std::string title = section.title.substr(0, section.title.find_first_of(",:;."));
  if (title.size() <= fits) return title;
  // Whole words that fit, without a small word left hanging at the end.
  static const std::set<std::string> small{"a", "an", "and", "by", "for", "in", "of", "on", "or", "that", "the", "to", "with"};
  std::string cut = title.substr(0, title.rfind(' ', fits));
  while (cut.find(' ') != std::string::npos && small.count(cut.substr(cut.rfind(' ') + 1)))
    cut.erase(cut.rfind(' '));
  return cut + "\u2026";
}

void add_role_navigation(Data& data) {
  std::vector<std::pair<std::string, std::string>> entries;
  for (const auto& m : items_at(data, "models")) entries.emplace_back(text_of(m, "anchor"), text_of(m, "jurisdiction") + ": " + text_of(m, "title"));
  for (const auto& m : items_at(data, "without")) entries.emplace_back(text_of(m, "anchor"), text_of(m, "jurisdiction") + ": " + text_of(m, "title"));
  if (flag(data, "has_archived")) entries.emplace_back("archived-editions", "In archived editions");
  add_page_toc(data, entries, 2);
}

void add_glossary_navigation(Data& data) {
  std::vector<std::pair<std::string, std::string>> entries;
  for (const auto& l : items_at(data, "letters")) entries.emplace_back(text_of(l, "anchor"), text_of(l, "letter"));
  add_page_toc(data, entries);
}

void add_topic_navigation(Data& data) {
  std::vector<std::pair<std::string, std::string>> entries;
  for (const auto& c : items_at(data, "columns"))
    entries.emplace_back(text_of(c, "id"), text_of(c, "jurisdiction") + ": " + text_of(c, "title") +
                                               (text_of(c, "edition").empty() ? "" : " (" + text_of(c, "edition") + ")"));
  add_page_toc(data, entries);
}

}  // namespace pb::views
