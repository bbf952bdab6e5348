#include "views/page.hpp"

#include <algorithm>
#include <cstring>
#include <fmt/format.h>

#include "link/urls.hpp"

namespace pb::inline views {

using json = nlohmann::json;

PageBuilder::PageBuilder(const LinkedSite& linked, std::string path)
    : linked_(linked), path_(std::move(path)), root_(urls::relative(path_, "")) {}

// urls::relative, with this page's way to the root worked out once.
std::string PageBuilder::href(const std::string& target) const {
  const auto hash = target.find('#');
  if (hash == path_.size() && target.compare(0, hash, path_) == 0) return target.substr(hash);  // same page
  std::string out;
  out.reserve(root_.size() + target.size());
  out += root_;
  out += target;
  return out;
}

std::string PageBuilder::html(const Markdown& m) {
  const LinkedHtml& h = linked_.html(m);
  if (h.terms_linked) terms_used_.insert(h.terms.begin(), h.terms.end());  // it links them
  return h.with_root(root_);
}

json PageBuilder::layout(const std::string& title, const std::string& description) const {
  json d;
  d["lang"] = site().config.language;
  d["site_title"] = site().config.title;
  d["page_title"] = title;
  d["description"] = description;
  d["home_href"] = href(urls::home());
  d["stylesheet_href"] = href(urls::asset("style.css"));
  d["search_href"] = href(urls::search());
  d["site_root"] = root_;  // for search.js, which loads the search index and lunr from the root
  d["compare_href"] = href(urls::compare());
  d["glossary_href"] = href(urls::glossary());
  d["is_home"] = path_ == urls::home();
  json nav = json::array();
  auto add = [&](const char* label, const std::string& target, const char* prefix) {
    nav.push_back(object("title", label, "href", href(target), "current", path_.starts_with(prefix)));
  };
  // Models and Roles go to the home page's lists: "what is expected of me" is one click from anywhere.
  if (!site().models.empty()) nav.push_back(object("title", "Models", "href", href(urls::home()) + "#models-heading", "current", false));
  // The home page lists the roles that models address: some model has actions by role.
  if (graph().any_actions()) nav.push_back(object("title", "Roles", "href", href(urls::home()) + "#roles-heading", "current", false));
  if (!site().topics.empty()) add("Compare", urls::compare(), "compare/");
  if (!site().terms.empty()) add("Glossary", urls::glossary(), "glossary/");
  add("Handouts", urls::handouts(), "handouts/");
  d["nav"] = std::move(nav);
  // The framework crosswalks (compare/frameworks/), for any template that links them.
  json frameworks = json::array();
  for (const auto& fw : site().frameworks)
    frameworks.push_back(object("title", fw.name() + " crosswalk", "href", href(urls::framework(fw.id))));
  d["has_frameworks"] = !frameworks.empty();
  d["frameworks"] = std::move(frameworks);
  return d;
}

void PageBuilder::edit_link(json& data, const std::string& source) const {
  if (site().config.edit_url.empty() || source.empty()) return;
  std::string base = site().config.edit_url;
  if (base.back() != '/') base += '/';
  data["edit_href"] = base + source;
  data["edit_source"] = "content/" + source;
}

void PageBuilder::breadcrumbs(json& data, const std::vector<std::pair<std::string, std::string>>& trail) const {
  json list = json::array();
  for (std::size_t i = 0; i < trail.size(); ++i) {
    const bool last = i + 1 == trail.size();
    list.push_back(object("title", trail[i].first, "href", last ? "" : href(trail[i].second), "current", last));
  }
  data["breadcrumbs"] = std::move(list);
  data["has_breadcrumbs"] = !trail.empty();
}

json PageBuilder::statement(const Statement& s) {
  json chips = json::array();
  for (const auto& id : s.topics)
    if (const Topic* topic = site().find_topic(id))
      chips.push_back(object("title", topic->title, "href", href(urls::compare_topic(id))));
  json children = json::array();
  for (const auto& child : s.children) children.push_back(statement(child));
  // "Also said in": the statements of other model families in its shared-language clusters; a
  // sentence said in 150 models lists a few and links to its cluster for the rest.
  constexpr std::size_t shown_others = 5;
  json similar = json::array();
  std::size_t more = 0;
  std::string more_href;
  bool paraphrase_only = true;
  for (std::size_t c : graph().clusters_of(s.index)) {
    const Cluster& cluster = graph().shared_language()[c];
    if (cluster.kind == ClusterKind::same_words) paraphrase_only = false;
    for (const auto& member : cluster.members) {
      if (member.text == s.index) continue;
      if (similar.size() >= shown_others) {
        ++more;
        if (more_href.empty()) more_href = href(urls::shared_language()) + "#" + cluster_anchor(cluster);
        continue;
      }
      const StatementRef& other = graph().statements()[member.text];
      const Model& model = linked_.model(other);
      similar.push_back(object("title", model.title, "jurisdiction", model.jurisdiction, "place", place_of(other),
                               "href", href(other.url)));
    }
  }
  return object("id", s.id,
                "has_similar", !similar.empty(),
                "similar", std::move(similar),
                "similar_label", paraphrase_only ? "Said in other words in" : "Also said in",
                "similar_more", more ? std::to_string(more) : "",
                "similar_more_href", more_href,
                "html", html(s.text),
                "permalink_label", "Permalink to statement " + s.id,
                "has_topics", !chips.empty(),
                "topics", std::move(chips),
                "has_children", !children.empty(),
                "children_open", "<ul class=\"statements sub-statements\">",
                "children_close", "</ul>",
                "children", std::move(children));
}

std::string_view shared_sentence(const LinkedSite& linked, const ClusterMember& member) {
  const std::string& text = linked.statement(linked.graph().statements()[member.text]).text.source;
  return std::string_view(text).substr(member.sentence.begin, member.sentence.end - member.sentence.begin);
}

std::string PageBuilder::cluster_anchor(const Cluster& cluster) const {
  const ClusterMember& first = cluster.members.front();
  const StatementRef& ref = graph().statements()[first.text];
  const Section* section = linked_.section(ref);
  std::string anchor = fmt::format("c-{}--{}--{}", linked_.model(ref).id, section ? section->id : "overview",
                                   linked_.statement(ref).id);
  if (first.sentence.begin > 0) anchor += fmt::format("-{}", first.sentence.begin);  // its second sentence, …
  return anchor;
}

std::string PageBuilder::place_of(const StatementRef& ref) const {
  const Model& model = linked_.model(ref);
  const Section* section = linked_.section(ref);
  if (!section) return model.priorities && !model.priorities->heading.empty() ? model.priorities->heading : "Priorities";
  std::string where = section->label.empty() ? section->title : section->label;
  const Block& block = *linked_.block(ref);
  if (block.kind == BlockKind::actions) {
    where += " · " + role_title(site(), model, block.role) + " action";
  } else if (!block.heading.empty()) {
    where += " · " + block.heading;
  }
  return where;
}

json PageBuilder::statement_ref(const StatementRef& ref) {
  // Lists of statements from elsewhere show the text and where it comes from, nothing more: these
  // pages (topics, roles across models, glossary uses) grow with the number of models.
  return object("html", html(linked_.statement(ref).text), "href", href(ref.url), "place", place_of(ref));
}

Page PageBuilder::finish(std::string template_name, json data) {
  json definitions = json::array();
  for (std::uint32_t t : terms_used_) {  // in glossary order: a set of indexes
    const Term& term = site().terms[t];
    definitions.push_back(object("id", term.id, "term", term.term, "text", plain(term.definition)));
  }
  data["has_definitions"] = !definitions.empty();
  data["definitions"] = std::move(definitions);
  return Page{path_, std::move(template_name), std::move(data), {}};
}

std::string in_sentence(std::string name) {
  if (name.size() >= 2 && name[0] >= 'A' && name[0] <= 'Z' && !(name[1] >= 'A' && name[1] <= 'Z'))
    name[0] = static_cast<char>(name[0] - 'A' + 'a');
  return name;
}

bool role_addressed(const LinkedSite& linked, const Role& role) {
  for (const auto& r : linked.site().roles)
    if ((r.id == role.id || r.part_of == role.id) && linked.graph().role_has_actions(r.id)) return true;
  return false;
}

json table_data(const Block& block, PageBuilder& page) {
  json header = json::array(), rows = json::array();
  for (const auto& cell : block.table_header) header.push_back(object("html", page.html(cell)));
  for (std::size_t r = 0; r < block.table_rows.size(); ++r) {
    json cells = json::array();
    for (std::size_t c = 0; c < block.table_rows[r].size(); ++c)
      cells.push_back(object("html", page.html(block.table_rows[r][c]), "first", c == 0));
    rows.push_back(object("id", fmt::format("{}-row-{}", block.key, r + 1), "cells", std::move(cells)));
  }
  return object("caption", block.heading.empty() ? "Table" : block.heading,
                "has_header", !header.empty(), "header", std::move(header), "rows", std::move(rows));
}

std::string model_name(const Model& m) {
  return m.edition.empty() ? m.title : fmt::format("{} ({})", m.title, m.edition);
}

}  // namespace pb::views
