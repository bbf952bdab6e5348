#pragma once
// In-page navigation of long pages: "On this page" (a right rail on desktop, a collapsible
// "Contents" at the top on a phone) and, on section pages, the role filter ("Show: everyone |
// workers | …"), plain anchors that work without JavaScript.
#include <string>
#include <utility>
#include <vector>

#include "views/page_data.hpp"

#include "content/model.hpp"

namespace pb::inline views {

// Sets `toc` (entries of {href: "#id", title}) and `has_toc` when a page has at least `min_entries`.
void add_page_toc(Data& data, const std::vector<std::pair<std::string, std::string>>& entries,
                  std::size_t min_entries = 3);

// A section page: its blocks (from data["blocks"]: id, heading, kind, role) as contents, and the role
// filter over its actions blocks, in the order of roles.yaml, each role named in the model's words.
void add_section_navigation(const Site& site, const Model& model, Data& data);

// A model overview: the parts it shows (vision, priorities, contents, roles, rubric, letter, …).
void add_overview_navigation(Data& data);

// The few words of a section's pill in the navigation on a phone: its short_title, else its title up
// to the first comma, colon or full stop, cut to about 24 characters at a word ("Relationships…").
std::string pill_title(const Section& section);

// Pages that list models or letters: the role across models, the glossary, a topic across models.
void add_role_navigation(Data& data);
void add_glossary_navigation(Data& data);
void add_topic_navigation(Data& data);

}  // namespace pb::views
