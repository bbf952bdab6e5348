#pragma once
// The content model: what the sources say, with their positions. Filled by the loader, checked by
// validate, completed by assemble, then read-only for every later phase.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace pb::inline content {

// Marks a Markdown text or statement that assemble has not numbered (it is not part of the site).
inline constexpr std::uint32_t unnumbered = 0xFFFFFFFF;

// A Markdown source. Its HTML is derived by the link phase and kept in the LinkedSite, by `slot`.
struct Markdown {
  std::string source;
  SourceLocation where;
  std::uint32_t slot = unnumbered;  // set by assemble: this text's number in for_each_markdown order

  bool empty() const { return source.empty(); }
};

struct Statement {
  std::string id;            // the anchor on its section page; explicit or derived
  bool explicit_id = false;
  Markdown text;             // inline Markdown
  std::vector<std::string> topics;
  std::vector<Statement> children;
  std::string number;        // set by assemble for numbered lists: the marker shown, "12", "b", "iv"
  SourceLocation id_where;   // where an explicit id was written
  std::uint32_t index = unnumbered;  // set by assemble: its number among the site's statements
};

enum class BlockKind { principles, practice, beliefs, goals, actions, text, table };
const char* block_kind_name(BlockKind kind);
std::optional<BlockKind> parse_block_kind(const std::string& name);
const std::vector<std::string>& block_kind_names();

struct Block {
  BlockKind kind = BlockKind::text;
  std::string key;           // id prefix of its statements: "principles", "worker", "practice-b"
  std::string heading;
  Markdown intro;
  bool numbered = false;
  std::string role;          // for actions
  SourceLocation role_where;
  std::vector<Statement> items;
  Markdown text;             // for kind text
  // Numbering: `start` is the first number (0: go on from the previous numbered block of the section
  // when `continue_numbering`, else 1); `markers` the marker of each level: numbers, letters, roman,
  // bullets (default: numbers for a numbered top level, bullets below).
  int start = 0;
  bool continue_numbering = false;
  std::vector<std::string> markers;
  std::vector<Markdown> table_header;             // for kind table
  std::vector<std::vector<Markdown>> table_rows;  // for kind table
  SourceLocation where;
};

struct Section {
  std::string id;
  std::string label;
  std::string title;
  std::string short_title;   // a few words for the section pills on a phone; derived from the title when absent
  Markdown summary;          // the sidebar quote; inline Markdown
  Markdown definition;       // what the document says the unit is, when it defines it
  Markdown intro;
  std::vector<Block> blocks;
  std::string file;          // source path as shown to people
  std::string source_file;   // path relative to the content folder, for "Edit this page"
  SourceLocation where;      // position of `id`
};

struct Priorities {
  std::string heading;
  Markdown intro;
  bool numbered = false;
  std::vector<Statement> items;
};

struct Letter {
  std::string heading;
  Markdown body;
  std::string closing;
  std::string signature;
  std::string signature_title;
};

struct RubricLevel {
  std::string name;
  Markdown description;
};

struct Rubric {
  std::string title;
  Markdown intro;
  std::vector<RubricLevel> levels;
  std::string rates = "actions";    // actions | sections | model: what one row of a form rates
  std::vector<std::string> roles;   // the roles it applies to (empty: every role with actions)
  std::string reviewer = "Supervisor or coach";  // who rates with the person, on the forms; "" for nobody
  SourceLocation roles_where;
};

// The model's own words for what every page says about it (defaults: today's wording).
struct Vocabulary {
  std::string unit = "value";                   // one section: "value", "practice element", …
  bool unit_named = false;                      // the model says what its sections are
  std::string units;                            // default: unit + "s"
  std::string actions = "\"Do I…?\" actions";   // what its role actions are called
  std::string action;                           // one of them (default: `actions` made singular)
  bool actions_named = false;                   // the model names its actions ("practice behaviors")
  std::string action_prompt = "Do I…?";         // the prompt before a role's actions; may be empty
  std::string rubric = "CQI";                   // the rubric's short name, in form titles
  std::string jurisdiction = "State";           // what kind of jurisdiction: State, County, Tribe, …

  std::string units_or_default() const;
  // The plain word for its actions in headings, labels and counts: "actions" and "action", or the
  // model's own ("practice behaviors", "practice behavior").
  std::string actions_word() const;
  std::string action_word() const;
  std::string count_actions(std::size_t n) const;  // "1 action", "3 practice behaviors"
};

// A role the model addresses, named in its own words.
struct ModelRole {
  std::string id;            // an id or alias from roles.yaml (resolved to the id by validate)
  std::string title, plural;
  SourceLocation where;
};

struct Framework {
  std::string heading;
  Markdown body;
};

struct Footnote {
  std::string marker;
  Markdown text;
};

struct Model {
  std::string id;
  std::string title;
  std::string subtitle;
  std::string jurisdiction;
  std::string agency;
  std::string family;        // defaults to the id
  std::string edition;
  std::string date;          // "", "YYYY", "YYYY-MM" or "YYYY-MM-DD"
  std::string supersedes;
  SourceLocation supersedes_where;
  Markdown source;
  Markdown intro;
  Markdown vision;
  std::optional<Priorities> priorities;
  std::optional<Letter> letter;
  std::optional<Rubric> rubric;
  Markdown closing;
  std::vector<Footnote> footnotes;
  std::string state;         // the state a county, tribe or city belongs to (default: the jurisdiction)
  std::string tagline;       // a closing line, as printed
  Vocabulary vocabulary;
  std::vector<ModelRole> roles;  // declared roles (optional; the action blocks' roles are addressed anyway)
  std::optional<Framework> framework;
  std::vector<Section> sections;
  std::string file;          // model.yaml as shown to people
  std::string source_file;   // "models/<id>/model.yaml", relative to the content folder
  std::string dir;           // the model's folder as shown to people
  SourceLocation where;

  // Filled by assemble: the edition that replaces this one, if any.
  std::string superseded_by;
};

struct Role {
  std::string id, title, plural;
  std::vector<std::string> aliases;  // other names models use: "caseworker", "social worker"
  std::string part_of;               // a broader role whose cross-model page includes this one
  Markdown description;
  SourceLocation where;
};

struct Topic {
  std::string id, title;
  Markdown description;
  SourceLocation where;
};

struct Term {
  std::string id, term, abbreviation;
  std::vector<std::string> aliases;
  Markdown definition;
  std::vector<std::string> see_also;
  SourceLocation where;
};

// A statement named by its address: "<model>/<section>#<statement-id>", or "<model>#<statement-id>" for
// a priority (the statement's page address without models/ and index.html).
struct StatementAddress {
  std::string model, section, id;
  SourceLocation where;

  std::string text() const { return model + (section.empty() ? "" : "/" + section) + "#" + id; }
};

// One rated item of an external framework (CFSR item 1, a systemic factor) and which statements speak
// to it: those with one of `topics` whose text has one of `keywords` (every keyword when none is
// given), plus `statements`, minus `exclude`.
struct FrameworkItem {
  std::string id, label, title;
  Markdown description;
  std::vector<std::string> topics;
  // Each entry matches when all of its terms are in the text; a term is a word or phrase, matched
  // whole and in any letter case, or a prefix when it ends in '*' ("investigat*").
  std::vector<std::vector<std::string>> keywords;
  std::vector<StatementAddress> statements, exclude;
  SourceLocation where, topics_where;
};

struct FrameworkGroup {  // an outcome and its items; a part without groups has one unnamed group
  std::string id, label, title;
  Markdown description;
  std::vector<FrameworkItem> items;
  SourceLocation where;
};

struct FrameworkPart {  // "Outcomes and items", "Systemic factors"
  std::string id, title;
  Markdown intro;
  std::vector<FrameworkGroup> groups;
  SourceLocation where;
};

// An external framework the models are compared against (content/frameworks/<id>.yaml).
struct ExternalFramework {
  std::string id;            // the file name without .yaml
  std::string title, short_title, edition;
  Markdown description, source;
  std::vector<FrameworkPart> parts;
  std::string file;          // as shown to people
  std::string source_file;   // "frameworks/<id>.yaml", relative to the content folder
  SourceLocation where;

  std::string name() const { return short_title.empty() ? title : short_title; }
};

struct SiteConfig {
  std::string title = "Practicebook";
  Markdown intro;
  std::string base_url;
  std::string edit_url;
  bool allow_html = false;
  bool allow_outside_images = false;  // the site makes no outside request unless this says so
  std::string language = "en";
  double shared_language_threshold = 0.3;  // same words: Jaccard similarity of word pairs, see README
  double same_idea_threshold = 0.55;       // same idea: cosine of IDF-weighted content words
  std::string file;
};

// Words and phrases that mean the same to someone searching (content/synonyms.yaml).
struct SynonymGroup {
  std::vector<std::string> words;
  SourceLocation where;
};

struct Site {
  SiteConfig config;
  std::vector<Role> roles;
  std::vector<Topic> topics;
  std::vector<Term> terms;
  std::vector<SynonymGroup> synonyms;
  std::vector<Model> models;  // sorted by jurisdiction, family, then newest edition first
  std::vector<ExternalFramework> frameworks;  // in file name order

  const Model* find_model(const std::string& id) const;
  const Role* find_role(const std::string& id) const;
  // A role by its id, or by an alias, title or plural (any letter case), as models name it.
  const Role* resolve_role(const std::string& name) const;
  const Topic* find_topic(const std::string& id) const;
};

// ASCII letters in lower case, for names compared in any letter case (role names).
std::string lowercase(std::string text);

// How a model names a role: its own title (or plural) when it declares one, else the shared one.
std::string role_title(const Site& site, const Model& model, const std::string& role_id, bool plural = false);

// Calls f(statement, depth) for every statement of a list, parents before children.
template <typename F>
void for_each_statement(const std::vector<Statement>& items, F&& f, int depth = 0) {
  for (const auto& s : items) {
    f(s, depth);
    for_each_statement(s.children, f, depth + 1);
  }
}

// How a Markdown text is rendered, and whether glossary terms are linked in it.
enum class MarkdownShape { block, line };  // paragraphs, lists, tables / one line, no <p> wrapper
// Statements, summaries, definitions, frameworks and table cells link terms; other texts count them.
enum class TermLinks { linked, counted };

// Calls f(markdown, shape, links, field) for every Markdown text of the site in one fixed order: the
// order of Markdown::slot. `field` names it for people ("statement", "letter body"). Works on a Site
// or a const Site.
template <typename SiteT, typename F>
void for_each_markdown(SiteT& site, F&& f) {
  using enum MarkdownShape;
  constexpr auto linked = TermLinks::linked, counted = TermLinks::counted;
  auto statements = [&](auto& self, auto& items) -> void {
    for (auto& s : items) {
      f(s.text, line, linked, "statement");
      self(self, s.children);
    }
  };
  f(site.config.intro, block, counted, "site intro");
  for (auto& r : site.roles) f(r.description, line, counted, "role description");
  for (auto& t : site.topics) f(t.description, line, counted, "topic description");
  for (auto& t : site.terms) f(t.definition, block, counted, "glossary definition");
  for (auto& m : site.models) {
    f(m.source, line, counted, "source");
    f(m.intro, block, counted, "model intro");
    f(m.vision, line, counted, "vision");
    f(m.closing, block, counted, "closing");
    if (m.framework) f(m.framework->body, block, linked, "framework");
    if (m.priorities) {
      f(m.priorities->intro, block, counted, "priorities intro");
      statements(statements, m.priorities->items);
    }
    if (m.letter) f(m.letter->body, block, counted, "letter body");
    if (m.rubric) {
      f(m.rubric->intro, block, counted, "rubric intro");
      for (auto& level : m.rubric->levels) f(level.description, line, counted, "rubric level");
    }
    for (auto& note : m.footnotes) f(note.text, line, counted, "footnote");
    for (auto& section : m.sections) {
      f(section.summary, line, linked, "section summary");
      f(section.definition, block, linked, "section definition");
      f(section.intro, block, counted, "section intro");
      for (auto& b : section.blocks) {
        f(b.intro, block, counted, "block intro");
        f(b.text, block, counted, "text block");
        for (auto& cell : b.table_header) f(cell, line, counted, "table header");
        for (auto& row : b.table_rows)
          for (auto& cell : row) f(cell, line, linked, "table cell");
        statements(statements, b.items);
      }
    }
  }
  for (auto& fw : site.frameworks) {
    f(fw.description, block, counted, "framework description");
    f(fw.source, line, counted, "framework source");
    for (auto& part : fw.parts) {
      f(part.intro, line, counted, "framework part intro");
      for (auto& group : part.groups) {
        f(group.description, line, counted, "framework group description");
        for (auto& item : group.items) f(item.description, line, counted, "framework item description");
      }
    }
  }
}

// Calls f(statement) for every statement of the site in the order of Statement::index: each model's
// priorities, then its sections' blocks, parents before children.
template <typename SiteT, typename F>
void for_each_site_statement(SiteT& site, F&& f) {
  auto walk = [&](auto& self, auto& items) -> void {
    for (auto& s : items) {
      f(s);
      self(self, s.children);
    }
  };
  for (auto& m : site.models) {
    if (m.priorities) walk(walk, m.priorities->items);
    for (auto& section : m.sections)
      for (auto& b : section.blocks) walk(walk, b.items);
  }
}

}  // namespace pb::content
