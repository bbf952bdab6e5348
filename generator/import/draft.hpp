#pragma once
// The draft of a model that import recognises in a document, before it is written as YAML. Each part
// remembers the source lines it came from, so the report can account for every line.
#include <optional>
#include <string>
#include <vector>

namespace pb::inline import {

// A field filled from source lines ("vision", "letter body"), for the report.
struct Placed {
  std::string field;
  std::vector<int> lines;
};

struct DraftItem {
  std::string text;
  std::vector<int> lines;                 // 1-based source lines
  std::vector<DraftItem> children;
  std::vector<std::string> suggested_topics;  // filled after recognition, for the report and YAML comments
};

struct DraftBlock {
  std::string kind = "principles";        // principles | practice | beliefs | goals | actions | text
  std::string heading;
  std::string role;                       // for actions: a roles.yaml id, or the unresolved name
  bool role_known = true;
  std::string role_name;                  // as the heading names it: "caseworker"
  bool numbered = false;
  bool headed = false;                    // its heading came from the document (not inferred)
  std::string text;                       // for kind text
  std::vector<int> text_lines;
  std::vector<int> heading_lines;
  std::vector<DraftItem> items;
  // Role headings printed together after one list (a layout the extraction flattened): the list holds
  // the actions of all of them, in this order, and is split by import_model when it can tell where.
  std::vector<DraftBlock> stacked;
};

struct DraftSection {
  std::string id, label, title, summary, intro;
  std::vector<DraftBlock> blocks;
  std::vector<Placed> placed;
};

struct DraftLetter {
  std::string heading, body, closing, signature, signature_title;
};

struct DraftRubricLevel {
  std::string name, description;
};

struct DraftRubric {
  std::string title, intro;
  std::vector<DraftRubricLevel> levels;
};

// A role the model names in its own words ("Caseworker" for worker).
struct DraftRole {
  std::string id, title;
};

struct DraftFootnote {
  std::string marker, text;
};

struct DraftModel {
  std::string id, title, subtitle, jurisdiction, agency, family, supersedes, source;
  std::string edition, date;              // from a printed "June 2023"; empty when the document has none
  std::string intro, vision, closing, tagline;
  std::string priorities_heading, priorities_intro;
  bool priorities_numbered = false;
  std::vector<DraftItem> priorities;
  std::optional<DraftLetter> letter;
  std::optional<DraftRubric> rubric;
  std::vector<DraftFootnote> footnotes;
  std::vector<DraftRole> roles;
  std::vector<DraftSection> sections;
  std::vector<Placed> placed;
};

// Where each source line went (or why it was set aside), by 1-based line number; and what a person
// still has to do.
struct LineFate {
  std::string where;         // "sections/01-x.yaml: principles 3", "model.yaml: vision"
  bool set_aside = false;    // page furniture: a page number, a running header, an empty bullet
};

struct ImportNotes {
  std::vector<LineFate> lines;            // index 0 is line 1
  std::vector<std::string> to_do;         // what needs a person, one sentence each
};

}  // namespace pb::import
