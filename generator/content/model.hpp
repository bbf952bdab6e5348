#pragma once
// The content model: what the sources say, with their positions. Filled by the loader, checked by
// validate, completed by assemble, then read-only for every later phase.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace pb::inline content {

// A Markdown source and, after the markdown phase, its HTML.
struct Markdown {
  std::string source;
  std::string html;
  SourceLocation where;

  bool empty() const { return source.empty(); }
};

struct Statement {
  std::string id;            // the anchor on its section page; explicit or derived
  bool explicit_id = false;
  Markdown text;             // inline Markdown
  std::vector<std::string> topics;
  std::vector<std::string> terms;  // glossary terms it mentions, in order (filled by the link phase)
  std::vector<Statement> children;
  SourceLocation id_where;   // where an explicit id was written
};

enum class BlockKind { principles, practice, beliefs, goals, actions, text };
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
  SourceLocation where;
};

struct Section {
  std::string id;
  std::string label;
  std::string title;
  Markdown summary;          // the sidebar quote; inline Markdown
  std::vector<std::string> summary_terms;  // glossary terms linked in the summary
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

struct SiteConfig {
  std::string title = "Practicebook";
  Markdown intro;
  std::string base_url;
  std::string edit_url;
  bool allow_html = false;
  std::string language = "en";
  double shared_language_threshold = 0.3;  // Jaccard similarity of word pairs, see README
  std::string file;
};

struct Site {
  SiteConfig config;
  std::vector<Role> roles;
  std::vector<Topic> topics;
  std::vector<Term> terms;
  std::vector<Model> models;  // sorted by jurisdiction, family, then newest edition first

  const Model* find_model(const std::string& id) const;
  const Role* find_role(const std::string& id) const;
  const Topic* find_topic(const std::string& id) const;
};

// Calls f(statement, depth) for every statement of a block, parents before children.
template <typename F>
void for_each_statement(const std::vector<Statement>& items, F&& f, int depth = 0) {
  for (const auto& s : items) {
    f(s, depth);
    for_each_statement(s.children, f, depth + 1);
  }
}

}  // namespace pb::content
