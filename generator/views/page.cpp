#include "views/page.hpp"

#include <algorithm>
#include <cstring>
#include <fmt/format.h>

#include "link/urls.hpp"

namespace pb::inline views {

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

std::string PageBuilder::html(const Markdown& m) { return html(linked_.html(m)); }

std::string PageBuilder::html(const LinkedHtml& h) {
  if (h.terms_linked) terms_used_.insert(h.terms.begin(), h.terms.end());  // it links them
  return h.with_root(root_);
}

namespace {
constexpr std::size_t max_description_bytes = 400;
}  // namespace

Data PageBuilder::layout(const std::string& title, const std::string& description) const {
  Data d = object_with_room(64);  // the layout's dozen members and the page's own
  set(d, "lang", site().config.language);
  set(d, "site_title", site().config.title);
  set(d, "page_title", title);
  // The meta description: its first words (a term's page is described by its definition, which may be long).
  set(d, "description", first_words(description, max_description_bytes));
  set(d, "home_href", href(urls::home()));
  set(d, "stylesheet_href", href(urls::asset("style.css")));
  set(d, "search_href", href(urls::search()));
  set(d, "site_root", root_);  // for search.js, which loads the search index and lunr from the root
  set(d, "compare_href", href(urls::compare()));
  set(d, "glossary_href", href(urls::glossary()));
  set(d, "is_home", path_ == urls::home());
  Data nav = list();
  auto add = [&](const char* label, const std::string& target, const char* prefix) {
    push(nav, object("title", label, "href", href(target), "current", path_.starts_with(prefix)));
  };
  // Models and Roles go to the home page's lists: "what is expected of me" is one click from anywhere.
  if (!site().models.empty()) push(nav, object("title", "Models", "href", href(urls::home()) + "#models-heading", "current", false));
  // The home page lists the roles that models address: some model has actions by role.
  if (graph().any_actions()) push(nav, object("title", "Roles", "href", href(urls::home()) + "#roles-heading", "current", false));
  if (!site().topics.empty()) add("Compare", urls::compare(), "compare/");
  if (!site().terms.empty()) add("Glossary", urls::glossary(), "glossary/");
  add("Handouts", urls::handouts(), "handouts/");
  set(d, "nav", std::move(nav));
  // The framework crosswalks (compare/frameworks/), for any template that links them.
  Data frameworks = list();
  for (const auto& fw : site().frameworks)
    push(frameworks, object("title", fw.name() + " crosswalk", "href", href(urls::framework(fw.id))));
  set(d, "has_frameworks", !items(frameworks).empty());
  set(d, "frameworks", std::move(frameworks));
  return d;
}

void PageBuilder::edit_link(Data& data, const std::string& source) const {
  if (site().config.edit_url.empty() || source.empty()) return;
  std::string base = site().config.edit_url;
  if (base.back() != '/') base += '/';
  set(data, "edit_href", base + source);
  set(data, "edit_source", "content/" + source);
}

void PageBuilder::breadcrumbs(Data& data, const std::vector<std::pair<std::string, std::string>>& trail) const {
  Data crumbs = list();
  for (std::size_t i = 0; i < trail.size(); ++i) {
    const bool last = i + 1 == trail.size();
    push(crumbs, object("title", trail[i].first, "href", last ? "" : href(trail[i].second), "current", last));
  }
  set(data, "breadcrumbs", std::move(crumbs));
  set(data, "has_breadcrumbs", !trail.empty());
}

Data PageBuilder::statement(const Statement& s) {
  Data chips = list(s.topics.size());
  for (const auto& id : s.topics)
    if (const Topic* topic = site().find_topic(id))
      push(chips, object("title", topic->title, "href", href(urls::compare_topic(id))));
  Data children = list(s.children.size());
  for (const auto& child : s.children) push(children, statement(child));
  // "Also said in": the statements of other model families in its shared-language clusters; a
  // sentence said in 150 models lists a few and links to its cluster for the rest.
  constexpr std::size_t shown_others = 5;
  Data similar = list();
  std::size_t more = 0;
  std::string more_href;
  bool paraphrase_only = true;
  for (std::size_t c : graph().clusters_of(s.index)) {
    const Cluster& cluster = graph().shared_language()[c];
    if (cluster.kind == ClusterKind::same_words) paraphrase_only = false;
    for (const auto& member : cluster.members) {
      if (member.text == s.index) continue;
      if (items(similar).size() >= shown_others) {
        ++more;
        if (more_href.empty()) more_href = href(urls::shared_language()) + "#" + cluster_anchor(cluster);
        continue;
      }
      const StatementRef& other = graph().statements()[member.text];
      const Model& model = linked_.model(other);
      push(similar, object("title", model.title, "jurisdiction", model.jurisdiction, "place", place_of(other),
                               "href", href(other.url)));
    }
  }
  // What is shown only beside sub-points or other models' statements is set where there are some:
  // most statements have neither. (Block pages replace the tags around sub-points: set_child_tags.)
  const bool has_children = !items(children).empty(), has_similar = !items(similar).empty();
  Data d = object("id", s.id,
                "has_similar", has_similar,
                "similar", std::move(similar),
                "html", html(s.text),
                "permalink_label", "Permalink to statement " + s.id,
                "has_topics", !items(chips).empty(),
                "topics", std::move(chips),
                "has_children", has_children,
                "children", std::move(children));
  if (has_children) {
    set(d, "children_open", "<ul class=\"statements sub-statements\">");
    set(d, "children_close", "</ul>");
  }
  if (has_similar) {
    set(d, "similar_label", paraphrase_only ? "Said in other words in" : "Also said in");
    set(d, "similar_more", more ? std::to_string(more) : "");
    set(d, "similar_more_href", more_href);
  }
  return d;
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

Data PageBuilder::statement_ref(const StatementRef& ref) {
  // Lists of statements from elsewhere show the text and where it comes from, nothing more: these
  // pages (topics, roles across models, glossary uses) grow with the number of models.
  return object("html", html(linked_.statement_html(ref)), "href", href(ref.url), "place", place_of(ref));
}

Page PageBuilder::finish(std::string template_name, Data data) {
  Data definitions = list();
  for (std::uint32_t t : terms_used_) {  // in glossary order: a set of indexes
    const Term& term = site().terms[t];
    push(definitions, object("id", term.id, "term", term.term, "text", linked_.term_definition_text(t)));
  }
  set(data, "has_definitions", !items(definitions).empty());
  set(data, "definitions", std::move(definitions));
  return Page{path_, std::move(template_name), std::move(data), {}};
}

std::string in_sentence(std::string name) {
  // A name in title case ("Social Workers", "Native American Liaisons") stays as written: lowering
  // its first letter alone would read "social Workers", and which of its words are proper nouns is
  // not ours to guess.
  for (std::size_t i = 1; i + 1 < name.size(); ++i)
    if (name[i] == ' ' && name[i + 1] >= 'A' && name[i + 1] <= 'Z') return name;
  if (name.size() >= 2 && name[0] >= 'A' && name[0] <= 'Z' && !(name[1] >= 'A' && name[1] <= 'Z'))
    name[0] = static_cast<char>(name[0] - 'A' + 'a');
  return name;
}

bool role_addressed(const LinkedSite& linked, const Role& role) {
  for (const auto& r : linked.site().roles)
    if ((r.id == role.id || r.part_of == role.id) && linked.graph().role_has_actions(r.id)) return true;
  return false;
}

Data table_data(const Block& block, PageBuilder& page) {
  Data header = list(), rows = list();
  for (const auto& cell : block.table_header) push(header, object("html", page.html(cell)));
  for (std::size_t r = 0; r < block.table_rows.size(); ++r) {
    Data cells = list();
    for (std::size_t c = 0; c < block.table_rows[r].size(); ++c)
      push(cells, object("html", page.html(block.table_rows[r][c]), "first", c == 0));
    push(rows, object("id", fmt::format("{}-row-{}", block.key, r + 1), "cells", std::move(cells)));
  }
  return object("caption", block.heading.empty() ? "Table" : block.heading,
                "has_header", !items(header).empty(), "header", std::move(header), "rows", std::move(rows));
}

std::string model_name(const Model& m) {
  return m.edition.empty() ? m.title : fmt::format("{} ({})", m.title, m.edition);
}

std::pair<std::string, std::string> list_tags(const Block& block, std::size_t depth, const std::string& classes) {
  const std::string style = depth < block.markers.size() ? block.markers[depth]
                            : depth == 0 && block.numbered ? "numbers" : "bullets";
  if (style == "bullets") return {"<ul class=\"" + classes + "\">", "</ul>"};
  std::string open = "<ol class=\"" + classes + "\"";
  if (depth == 0 && block.start > 1) open += fmt::format(" start=\"{}\"", block.start);
  if (style == "letters") open += " type=\"a\"";
  if (style == "roman") open += " type=\"i\"";
  return {open + ">", "</ol>"};
}

}  // namespace pb::views
