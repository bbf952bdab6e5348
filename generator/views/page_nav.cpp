#include "views/page_nav.hpp"

#include <set>

#include <fmt/format.h>

#include "views/json_object.hpp"

namespace pb::inline views {

using json = nlohmann::json;

void add_page_toc(json& data, const std::vector<std::pair<std::string, std::string>>& entries, std::size_t min_entries) {
  json toc = json::array();
  for (const auto& [id, title] : entries)
    if (!id.empty() && !title.empty()) toc.push_back(object("href", "#" + id, "title", title));
  data["has_toc"] = toc.size() >= min_entries;
  data["toc"] = std::move(toc);
}

void add_section_navigation(const Site& site, const Model& model, json& data) {
  std::vector<std::pair<std::string, std::string>> entries;
  json roles = json::array();
  if (data.contains("blocks")) {
    for (const auto& block : data["blocks"]) {
      const std::string heading = block.value("heading", "");
      const std::string id = block.value("id", "");
      if (!heading.empty()) entries.emplace_back(id, heading);
    }
    // The filter lists the roles in the order of roles.yaml, each linking to its first actions block.
    for (const auto& role : site.roles) {
      for (const auto& block : data["blocks"]) {
        if (block.value("kind", "") != "actions" || block.value("role", "") != role.id || block.value("heading", "").empty())
          continue;
        roles.push_back(object("role", role.id, "title", role_title(site, model, role.id, true), "href", fmt::format("#{}", block.value("id", ""))));
        break;
      }
    }
  }
  if (data.value("has_roles", false)) entries.emplace_back("related-roles", "Every action by role");
  add_page_toc(data, entries);
  data["has_role_filter"] = roles.size() >= 2;
  data["role_filter"] = std::move(roles);
}

void add_overview_navigation(json& data) {
  std::vector<std::pair<std::string, std::string>> entries;
  auto present = [&](const char* key) {
    return data.contains(key) && !data[key].is_null() && data[key] != false && data[key] != "" &&
           !(data[key].is_array() && data[key].empty());
  };
  if (present("vision_html")) entries.emplace_back("vision", "Vision");
  if (present("priorities")) entries.emplace_back("priorities", data["priorities"].value("heading", "Priorities"));
  if (present("framework")) entries.emplace_back("framework", data["framework"].value("heading", "Framework"));
  entries.emplace_back("contents", "Contents");
  entries.emplace_back("roles", "What each role does");
  if (present("letter")) entries.emplace_back("letter", data["letter"].value("heading", "Letter"));
  if (present("rubric")) entries.emplace_back("rubric", data["rubric"].value("title", "Rubric"));
  if (data.value("has_footnotes", false)) entries.emplace_back("notes", "Notes");
  if (data.value("has_editions", false)) entries.emplace_back("editions", "Other editions");
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

void add_role_navigation(json& data) {
  std::vector<std::pair<std::string, std::string>> entries;
  if (data.contains("models"))
    for (const auto& m : data["models"]) entries.emplace_back(m.value("anchor", ""), m.value("jurisdiction", "") + ": " + m.value("title", ""));
  if (data.contains("without"))
    for (const auto& m : data["without"]) entries.emplace_back(m.value("anchor", ""), m.value("jurisdiction", "") + ": " + m.value("title", ""));
  if (data.value("has_archived", false)) entries.emplace_back("archived-editions", "In archived editions");
  add_page_toc(data, entries, 2);
}

void add_glossary_navigation(json& data) {
  std::vector<std::pair<std::string, std::string>> entries;
  if (data.contains("letters"))
    for (const auto& l : data["letters"]) entries.emplace_back(l.value("anchor", ""), l.value("letter", ""));
  add_page_toc(data, entries);
}

void add_topic_navigation(json& data) {
  std::vector<std::pair<std::string, std::string>> entries;
  if (data.contains("columns"))
    for (const auto& c : data["columns"])
      entries.emplace_back(c.value("id", ""), c.value("jurisdiction", "") + ": " + c.value("title", "") +
                                                  (c.value("edition", "").empty() ? "" : " (" + c.value("edition", "") + ")"));
  add_page_toc(data, entries);
}

}  // namespace pb::views
