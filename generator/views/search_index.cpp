// The search index: the documents search-core.js hands to lunr, and the synonym groups it expands
// queries with. Everything a page shows that someone might look for is a document: statements and role
// actions, overviews and section pages (with their definitions), role and topic pages, glossary terms,
// rubric levels, letters, frameworks, text blocks, tables and footnotes. Labels use each model's own
// words: its role titles and what it calls its actions.
#include "views/search_index.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "link/urls.hpp"
#include "views/json_object.hpp"
#include "views/json_text.hpp"
#include "views/page.hpp"

namespace pb::inline views {

using json = nlohmann::json;

namespace {

// The tables of one shard: each URL, title and place is written once and referenced by position.
// Models and roles are referenced by their position in the site (the head lists them in that order).
// Rows are written as JSON text as they come (a shard holds a few hundred thousand values: as a
// nlohmann tree, each was allocated, copied out of a brace list and freed).
class IndexTables {
 public:
  int page(const std::string& url, const std::string& title, int model) {
    auto [it, inserted] = page_index_.emplace(url, page_count_);
    if (inserted) {
      ++page_count_;
      row(pages_, url, title, model);
    }
    return it->second;
  }
  int place(int page, const std::string& label) {
    auto [it, inserted] = place_index_.emplace(std::to_string(page) + "|" + label, place_count_);
    if (inserted) {
      ++place_count_;
      row(places_, page, label);
    }
    return it->second;
  }
  // [kind, title, text, place, anchor, role, keywords]
  void doc(const char* kind, const std::string& title, const std::string& text, int place,
           const std::string& anchor = {}, int role = -1, const std::string& keywords = {}) {
    if (title.empty() && text.empty()) return;
    row(docs_, std::string_view(kind), title, text, place, anchor, role, keywords);
  }

  // {"docs":[…],"pages":[…],"places":[…]}: the keys in the order nlohmann's json sorts them.
  void append_to(std::string& out) const {
    out += "{\"docs\":[";
    out += docs_;
    out += "],\"pages\":[";
    out += pages_;
    out += "],\"places\":[";
    out += places_;
    out += "]}";
  }

 private:
  static void value(std::string& out, std::string_view text) { append_json_string(out, text); }
  static void value(std::string& out, int n) { out += std::to_string(n); }
  template <typename... Values>
  static void row(std::string& table, const Values&... values) {
    if (!table.empty()) table += ',';
    table += '[';
    bool first = true;
    auto item = [&](const auto& v) {
      if (!first) table += ',';
      first = false;
      value(table, v);
    };
    (item(values), ...);
    table += ']';
  }

  std::string pages_, places_, docs_;
  int page_count_ = 0, place_count_ = 0;
  std::map<std::string, int> page_index_, place_index_;
};

std::string section_title(const Section& s) { return s.label.empty() ? s.title : s.label + ": " + s.title; }

void join_into(std::string& out, const std::string& more) {
  if (more.empty()) return;
  if (!out.empty()) out += ' ';
  out += more;
}

int role_position(const Site& site, const std::string& id) {
  for (std::size_t i = 0; i < site.roles.size(); ++i)
    if (site.roles[i].id == id) return static_cast<int>(i);
  return -1;
}

// A table as text: the header, then each row, cells apart.
std::string table_text(const LinkedSite& linked, const Block& b) {
  std::string text;
  for (const auto& cell : b.table_header) join_into(text, linked.plain_text(cell));
  for (const auto& row : b.table_rows)
    for (const auto& cell : row) join_into(text, linked.plain_text(cell));
  return text;
}

// The overview of a model and everything on it that is not a statement.
void add_overview_docs(const LinkedSite& linked, const Model& m, int mi, IndexTables& t) {
  const int overview = t.page(urls::model(m), model_name(m), mi);
  const int top = t.place(overview, "");
  std::string about = m.subtitle;
  join_into(about, linked.plain_text(m.vision));
  join_into(about, linked.plain_text(m.intro));
  join_into(about, m.tagline);
  std::string names = m.jurisdiction + " " + m.agency + " " + m.title;
  if (!m.state.empty() && m.state != m.jurisdiction) join_into(names, m.state);
  t.doc("p", model_name(m), about, top, "", -1, names);
  if (m.framework)
    t.doc("x", m.framework->heading.empty() ? "Framework" : m.framework->heading, linked.plain_text(m.framework->body),
          t.place(overview, m.framework->heading.empty() ? "Framework" : m.framework->heading));
  if (m.priorities && !m.priorities->intro.empty())
    t.doc("x", m.priorities->heading, linked.plain_text(m.priorities->intro),
          t.place(overview, m.priorities->heading.empty() ? "Priorities" : m.priorities->heading));
  if (m.letter) {
    std::string body = linked.plain_text(m.letter->body);
    join_into(body, m.letter->signature);
    join_into(body, m.letter->signature_title);
    t.doc("x", m.letter->heading.empty() ? "Letter" : m.letter->heading, body, t.place(overview, "Letter"), "letter");
  }
  if (m.rubric) {
    // One document: its levels share the rubric's anchor, and one result is enough to reach them.
    const std::string title = m.rubric->title.empty() ? m.vocabulary.rubric + " rubric" : m.rubric->title;
    std::string levels, text = linked.plain_text(m.rubric->intro);
    for (const auto& level : m.rubric->levels) {
      join_into(levels, level.name);
      join_into(text, level.name + ": " + linked.plain_text(level.description));
    }
    t.doc("l", title, text, t.place(overview, "Rubric levels: " + levels), "rubric", -1,
          "rubric levels " + m.vocabulary.rubric + " " + levels);
  }
  if (!m.closing.empty()) t.doc("x", "", linked.plain_text(m.closing), t.place(overview, "Closing"));
  for (const auto& note : m.footnotes)
    t.doc("f", "", linked.plain_text(note.text), t.place(overview, "Notes"), "notes");
}

// A section page: its summary, definition and intro, and each block's heading, intro, text and table.
void add_section_docs(const LinkedSite& linked, const Model& m, const Section& s, int mi, IndexTables& t) {
  const int p = t.page(urls::section(m, s), section_title(s), mi);
  std::string about = linked.plain_text(s.summary);
  join_into(about, linked.plain_text(s.definition));
  join_into(about, linked.plain_text(s.intro));
  t.doc("p", section_title(s), about, t.place(p, ""));
  for (const auto& b : s.blocks) {
    // Statements are documents of their own; a block adds its heading, intro and free text.
    std::string body = linked.plain_text(b.intro);
    join_into(body, linked.plain_text(b.text));
    if (b.kind == BlockKind::table) join_into(body, table_text(linked, b));
    if (body.empty()) continue;
    t.doc("x", b.heading, body, t.place(p, b.heading), b.heading.empty() ? "" : b.key);
  }
}

// Where a statement is, in its model's words: "Value 2 · Supervisor · "Do I…?" actions".
std::string statement_place(const Site& site, const Model& m, const Section* section, const Block* block) {
  if (!section) return m.priorities && !m.priorities->heading.empty() ? m.priorities->heading : "Priorities";
  std::string where = section->label.empty() ? section->title : section->label;
  if (block && block->kind == BlockKind::actions)
    where += " \u00b7 " + role_title(site, m, block->role) + " \u00b7 " + m.vocabulary.actions;
  else if (block && !block->heading.empty())
    where += " \u00b7 " + block->heading;
  return where;
}

// The model's statements [from, to) (counted in site order within the model).
void add_statement_docs(const LinkedSite& linked, std::uint32_t mi, std::size_t from, std::size_t to, IndexTables& t) {
  const Site& site = linked.site();
  const auto& all = linked.graph().statements();
  // Statements are in site order, so a model's are one run, and a block's too: its page, place and
  // role are looked up once.
  const std::size_t first = linked.graph().statements_of(mi).first;
  const Model& model = site.models[mi];
  const Section* section = nullptr;
  const Block* block = nullptr;
  int place = -1, role = -1;
  for (std::size_t k = first + from; k < first + to; ++k) {
    const StatementRef& ref = all[k];
    if (place < 0 || linked.section(ref) != section || linked.block(ref) != block) {
      section = linked.section(ref);
      block = linked.block(ref);
      const int p = t.page(section ? urls::section(model, *section) : urls::model(model),
                           section ? section_title(*section) : model_name(model), static_cast<int>(mi));
      place = t.place(p, statement_place(site, model, section, block));
      role = block && block->kind == BlockKind::actions ? role_position(site, block->role) : -1;
    }
    t.doc(block && block->kind == BlockKind::actions ? "a" : "s", "", linked.plain_text(linked.statement(ref).text), place,
          linked.statement(ref).id, role);
  }
}

// A model's role pages, titled in its words ("Caseworker practice behaviors").
void add_model_role_docs(const LinkedSite& linked, const Model& m, int mi, IndexTables& t) {
  const Site& site = linked.site();
  for (std::size_t ri = 0; ri < site.roles.size(); ++ri) {
    const Role& r = site.roles[ri];
    if (linked.graph().actions(m, r.id).empty()) continue;
    const std::string title = role_title(site, m, r.id) + " " + m.vocabulary.actions;
    const int p = t.page(urls::model_role(m, r.id), title, mi);
    t.doc("r", title, linked.plain_text(r.description), t.place(p, "Role page"), "", static_cast<int>(ri),
          r.plural + " " + role_title(site, m, r.id, true));
  }
}

// Role pages across models, topic pages, frameworks and the glossary (its terms most used first):
// units [begin, end) of them, in the order across_unit_bytes weighs them.
void add_docs_across_models(const LinkedSite& linked, ResultRun range, IndexTables& t) {
  const Site& site = linked.site();
  std::size_t unit = 0;
  auto wanted = [&] { return range.begin <= unit && unit < range.end; };
  for (std::size_t ri = 0; ri < site.roles.size(); ++ri, ++unit) {
    const Role& r = site.roles[ri];
    if (!wanted() || !role_addressed(linked, r)) continue;  // no page: no model addresses the role
    const int p = t.page(urls::role(r.id), "What is expected of " + in_sentence(r.plural), -1);
    std::string keywords = r.title + " " + r.plural;
    for (const auto& alias : r.aliases) join_into(keywords, alias);
    t.doc("r", "What is expected of " + in_sentence(r.plural), linked.plain_text(r.description), t.place(p, "Role page"), "",
          static_cast<int>(ri), keywords);
  }
  for (const auto& topic : site.topics) {
    if (wanted()) {
      const int p = t.page(urls::compare_topic(topic.id), topic.title, -1);
      t.doc("c", topic.title, linked.plain_text(topic.description), t.place(p, "Topic across models"));
    }
    ++unit;
  }
  // A framework's page: found by its name and by the titles of its items ("placement with siblings").
  for (const auto& fw : site.frameworks) {
    if (wanted()) {
      const int p = t.page(urls::framework(fw.id), fw.title, -1);
      std::string items = fw.short_title;
      for (const auto& part : fw.parts)
        for (const auto& group : part.groups) {
          join_into(items, group.title);
          for (const auto& item : group.items) join_into(items, item.label + " " + item.title);
        }
      t.doc("c", fw.title, linked.plain_text(fw.description), t.place(p, "Framework across models"), "", -1, items);
    }
    ++unit;
  }
  for (std::uint32_t index : terms_by_use(linked)) {
    const Term& term = site.terms[index];
    if (wanted()) {
      const int p = t.page(urls::term(term.id), term.term, -1);
      std::string keywords = term.abbreviation;
      for (const auto& alias : term.aliases) join_into(keywords, alias);
      t.doc("t", term.term, linked.plain_text(term.definition), t.place(p, "Glossary"), "", -1, keywords);
    }
    ++unit;
  }
}

}  // namespace

std::string build_search_head(const LinkedSite& linked, const SearchShards& shards) {
  const Site& site = linked.site();
  // Each model's first and last shard: the same one unless the model is larger than a shard (its parts
  // are then in consecutive shards).
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::vector<std::size_t> first_shard(site.models.size(), none), last_shard(site.models.size(), 0);
  for (std::size_t n = 0; n < shards.parts.size(); ++n)
    for (const ModelPart& part : shards.parts[n]) {
      if (first_shard[part.model] == none) first_shard[part.model] = n;
      last_shard[part.model] = n;
    }
  // [id, name, archived, jurisdiction, family, shard, agency, state, last shard]: archived editions are
  // searched on request; state is the state a county, tribe or city belongs to, when it is not the
  // jurisdiction.
  json models = json::array(), roles = json::array(), list = json::array();
  for (std::size_t i = 0; i < site.models.size(); ++i) {
    const Model& m = site.models[i];
    models.push_back({m.id, model_name(m), m.superseded_by.empty() ? 0 : 1, m.jurisdiction, m.family, first_shard[i],
                      m.agency, m.state == m.jurisdiction ? "" : m.state, last_shard[i]});
  }
  for (const auto& r : site.roles) roles.push_back({r.id, r.title, r.plural});
  // [path, estimated bytes]: the browser loads shards in order until a budget is spent.
  for (std::size_t n = 0; n < shards.parts.size(); ++n) list.push_back({urls::search_shard(n), shards.estimated_bytes[n]});

  // Synonym groups: content/synonyms.yaml, then each glossary term with its abbreviation and aliases.
  json synonyms = json::array();
  for (const auto& group : site.synonyms) synonyms.push_back(group.words);
  for (const auto& term : site.terms) {
    json words = json::array({term.term});
    if (!term.abbreviation.empty()) words.push_back(term.abbreviation);
    for (const auto& alias : term.aliases) words.push_back(alias);
    if (words.size() > 1) synonyms.push_back(std::move(words));
  }
  // across: how many shards, from the first, hold what is across models (every search starts with them).
  json head = json_object("version", 5, "models", std::move(models), "roles", std::move(roles), "synonyms", std::move(synonyms),
                          "shards", std::move(list), "across", shards.across.size());
  std::string out = "window.PRACTICEBOOK_SEARCH=";
  append_json(out, head);
  out += ";\n";
  return out;
}

std::string build_search_shard(const LinkedSite& linked, const SearchShards& shards, std::size_t n) {
  const Site& site = linked.site();
  IndexTables t;
  if (n < shards.across.size()) add_docs_across_models(linked, shards.across[n], t);
  for (const ModelPart& part : shards.parts.at(n)) {
    const std::uint32_t mi = part.model;
    const Model& m = site.models[mi];
    const SearchUnits units = search_units(linked, mi);
    // The part's units of each kind: [from, to) clipped to where that kind's units lie.
    auto in_part = [&](std::uint32_t kind_begin, std::uint32_t kind_end) {
      return std::pair<std::uint32_t, std::uint32_t>{std::max(part.begin, kind_begin) - kind_begin,
                                                     std::max(std::min(part.end, kind_end), kind_begin) - kind_begin};
    };
    if (part.begin <= units.overview && units.overview < part.end) add_overview_docs(linked, m, static_cast<int>(mi), t);
    for (auto [s, end] = in_part(units.first_section, units.first_statement); s < end; ++s)
      add_section_docs(linked, m, m.sections[s], static_cast<int>(mi), t);
    if (const auto [from, to] = in_part(units.first_statement, units.roles); from < to) add_statement_docs(linked, mi, from, to, t);
    if (part.begin <= units.roles && units.roles < part.end) add_model_role_docs(linked, m, static_cast<int>(mi), t);
  }
  // Shards may arrive in any order: each files itself under its number.
  std::string out = "(window.PRACTICEBOOK_SEARCH_SHARDS=window.PRACTICEBOOK_SEARCH_SHARDS||[])[" + std::to_string(n) + "]=";
  t.append_to(out);
  out += ";\n";
  return out;
}

}  // namespace pb::views
