// The search index: the documents search.js hands to lunr, and the synonym groups it expands queries
// with. Everything a page shows that someone might look for is a document: statements and role actions,
// overviews and section pages, role and topic pages, glossary terms, rubric levels, letters, text
// blocks (with their tables) and footnotes.
#include "views/search_index.hpp"

#include <map>
#include <nlohmann/json.hpp>

#include "link/urls.hpp"
#include "views/page.hpp"

namespace pb::inline views {

using json = nlohmann::json;

namespace {

// The tables of the index: each URL, title and place is written once and referenced by position.
class IndexTables {
 public:
  json models = json::array(), roles = json::array(), pages = json::array(), places = json::array(),
       docs = json::array();
  std::map<std::string, int> model_index, role_index;

  int page(const std::string& url, const std::string& title, int model) {
    auto [it, inserted] = page_index_.emplace(url, static_cast<int>(pages.size()));
    if (inserted) pages.push_back({url, title, model});
    return it->second;
  }
  int place(int page, const std::string& label) {
    auto [it, inserted] = place_index_.emplace(std::to_string(page) + "|" + label, static_cast<int>(places.size()));
    if (inserted) places.push_back({page, label});
    return it->second;
  }
  // [kind, title, text, place, anchor, role, keywords]
  void doc(const char* kind, const std::string& title, const std::string& text, int place,
           const std::string& anchor = {}, int role = -1, const std::string& keywords = {}) {
    if (title.empty() && text.empty()) return;
    docs.push_back({kind, title, text, place, anchor, role, keywords});
  }

 private:
  std::map<std::string, int> page_index_, place_index_;
};

std::string section_title(const Section& s) { return s.label.empty() ? s.title : s.label + ": " + s.title; }

void join_into(std::string& out, const std::string& more) {
  if (more.empty()) return;
  if (!out.empty()) out += ' ';
  out += more;
}

// The overview of a model and everything on it that is not a statement.
void add_model_docs(const LinkedSite& linked, const Model& m, IndexTables& t) {
  const int mi = t.model_index[m.id];
  const int overview = t.page(urls::model(m), model_name(m), mi);
  const int top = t.place(overview, "");
  std::string about = m.subtitle;
  join_into(about, linked.plain_text(m.vision));
  join_into(about, linked.plain_text(m.intro));
  t.doc("p", model_name(m), about, top, "", -1, m.jurisdiction + " " + m.agency + " " + m.title);
  if (m.letter) {
    std::string body = linked.plain_text(m.letter->body);
    join_into(body, m.letter->signature);
    join_into(body, m.letter->signature_title);
    t.doc("x", m.letter->heading.empty() ? "Letter" : m.letter->heading, body, t.place(overview, "Letter"), "letter");
  }
  if (m.rubric) {
    // One document: its levels share the rubric's anchor, and one result is enough to reach them.
    const std::string title = m.rubric->title.empty() ? "Rubric" : m.rubric->title;
    std::string levels, text = linked.plain_text(m.rubric->intro);
    for (const auto& level : m.rubric->levels) {
      join_into(levels, level.name);
      join_into(text, level.name + ": " + linked.plain_text(level.description));
    }
    t.doc("l", title, text, t.place(overview, "Rubric levels: " + levels), "rubric", -1, "rubric levels " + levels);
  }
  if (m.framework) {
    const std::string heading = m.framework->heading.empty() ? "Framework" : m.framework->heading;
    t.doc("x", heading, linked.plain_text(m.framework->body), t.place(overview, heading), "framework");
  }
  if (!m.closing.empty()) t.doc("x", "", linked.plain_text(m.closing), t.place(overview, "Closing"));
  for (const auto& note : m.footnotes)
    t.doc("f", "", linked.plain_text(note.text), t.place(overview, "Notes"), "notes");
  for (const auto& s : m.sections) {
    const int p = t.page(urls::section(m, s), section_title(s), mi);
    std::string about_section = linked.plain_text(s.summary);
    join_into(about_section, linked.plain_text(s.intro));
    t.doc("p", section_title(s), about_section, t.place(p, ""));
    if (!s.definition.empty()) t.doc("x", "Definition", linked.plain_text(s.definition), t.place(p, "Definition"), "definition");
    for (const auto& b : s.blocks) {
      // A table's rows are found one by one, each at its anchor.
      for (std::size_t r = 0; r < b.table_rows.size(); ++r) {
        std::string row;
        for (const auto& cell : b.table_rows[r]) join_into(row, linked.plain_text(cell));
        t.doc("x", b.heading, row, t.place(p, b.heading), b.key + "-row-" + std::to_string(r + 1));
      }
      // Statements are documents of their own; a block adds its heading, intro and free text (tables too).
      std::string body = linked.plain_text(b.intro);
      join_into(body, linked.plain_text(b.text));
      if (body.empty()) continue;
      t.doc("x", b.heading, body, t.place(p, b.heading), b.heading.empty() ? "" : b.key);
    }
  }
}

}  // namespace

std::string build_search_index(const LinkedSite& linked, SearchIndexStats* stats) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  IndexTables t;
  // [id, name, archived, jurisdiction, family]: archived editions are searched only on request.
  for (const auto& m : site.models) {
    t.model_index[m.id] = static_cast<int>(t.models.size());
    t.models.push_back({m.id, model_name(m), m.superseded_by.empty() ? 0 : 1, m.jurisdiction, m.family});
  }
  for (const auto& r : site.roles) {
    t.role_index[r.id] = static_cast<int>(t.roles.size());
    t.roles.push_back({r.id, r.title, r.plural});
  }

  for (const auto& m : site.models) add_model_docs(linked, m, t);

  PageBuilder labeller(linked, urls::search());
  for (const auto& ref : graph.statements()) {
    const Model& model = linked.model(ref);
    const Section* section = linked.section(ref);
    const Block* block = linked.block(ref);
    const Statement& statement = linked.statement(ref);
    const std::string page_url = section ? urls::section(model, *section) : urls::model(model);
    const std::string page_title = section ? section_title(*section) : model_name(model);
    const int p = t.page(page_url, page_title, t.model_index[model.id]);
    const bool action = block && block->kind == BlockKind::actions;
    const auto role = action ? t.role_index.find(block->role) : t.role_index.end();
    t.doc(action ? "a" : "s", "", linked.plain_text(statement.text), t.place(p, labeller.place_of(ref)), statement.id,
          role == t.role_index.end() ? -1 : role->second);
  }

  // Role pages: one per model and role, and the role across every model.
  for (const auto& r : site.roles) {
    const int ri = t.role_index[r.id];
    for (const auto& m : site.models) {
      if (graph.actions(m, r.id).empty()) continue;
      const std::string own = role_title(site, m, r.id) + " actions";  // the model's name for the role
      const int p = t.page(urls::model_role(m, r.id), own, t.model_index[m.id]);
      t.doc("r", own, linked.plain_text(r.description), t.place(p, "Role page"), "", ri, r.plural);
    }
    if (!role_addressed(linked, r)) continue;  // no page
    const int p = t.page(urls::role(r.id), "What is expected of " + in_sentence(r.plural), -1);
    t.doc("r", "What is expected of " + in_sentence(r.plural), linked.plain_text(r.description), t.place(p, "Role page"), "", ri,
          r.title + " " + r.plural);
  }
  for (const auto& topic : site.topics) {
    const int p = t.page(urls::compare_topic(topic.id), topic.title, -1);
    t.doc("c", topic.title, linked.plain_text(topic.description), t.place(p, "Topic across models"));
  }
  // A framework's page: found by its name and by the titles of its items ("placement with siblings").
  for (const auto& fw : site.frameworks) {
    const int p = t.page(urls::framework(fw.id), fw.title, -1);
    std::string items = fw.short_title;
    for (const auto& part : fw.parts)
      for (const auto& group : part.groups) {
        join_into(items, group.title);
        for (const auto& item : group.items) join_into(items, item.label + " " + item.title);
      }
    t.doc("c", fw.title, linked.plain_text(fw.description), t.place(p, "Framework across models"), "", -1, items);
  }
  for (const auto& term : site.terms) {
    const int p = t.page(urls::term(term.id), term.term, -1);
    std::string keywords = term.abbreviation;
    for (const auto& alias : term.aliases) join_into(keywords, alias);
    t.doc("t", term.term, linked.plain_text(term.definition), t.place(p, "Glossary"), "", -1, keywords);
  }

  // Synonym groups: content/synonyms.yaml, then each glossary term with its abbreviation and aliases.
  json synonyms = json::array();
  for (const auto& group : site.synonyms) synonyms.push_back(group.words);
  for (const auto& term : site.terms) {
    json words = json::array({term.term});
    if (!term.abbreviation.empty()) words.push_back(term.abbreviation);
    for (const auto& alias : term.aliases) words.push_back(alias);
    if (words.size() > 1) synonyms.push_back(std::move(words));
  }

  json index{{"version", 2},          {"models", std::move(t.models)}, {"roles", std::move(t.roles)},
             {"pages", std::move(t.pages)}, {"places", std::move(t.places)}, {"synonyms", std::move(synonyms)},
             {"docs", std::move(t.docs)}};
  std::string js = "window.PRACTICEBOOK_SEARCH=" + index.dump() + ";\n";
  if (stats) {
    stats->documents = index["docs"].size();
    stats->bytes = js.size();
  }
  return js;
}

}  // namespace pb::views
