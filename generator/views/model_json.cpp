#include "views/model_json.hpp"

#include <nlohmann/json.hpp>

#include "views/json_object.hpp"
#include "views/json_text.hpp"

namespace pb::inline views {

namespace {

using ojson = nlohmann::ordered_json;

// Absent values are null, so every model.json has the same keys.
ojson text_or_null(const std::string& s) { return s.empty() ? ojson(nullptr) : ojson(s); }

ojson statements_json(const std::vector<Statement>& items) {
  auto list = ojson::array();
  for (const auto& s : items) {
    ojson j = json_object<ojson>("id", s.id, "text", s.text.source, "topics", s.topics);
    if (!s.number.empty()) j["number"] = s.number;
    if (!s.children.empty()) j["items"] = statements_json(s.children);
    list.push_back(std::move(j));
  }
  return list;
}

ojson cells_json(const std::vector<Markdown>& cells) {
  auto list = ojson::array();
  for (const auto& c : cells) list.push_back(c.source);
  return list;
}

ojson block_json(const Block& b) {
  ojson j = json_object<ojson>("kind", block_kind_name(b.kind), "id", b.key, "heading", b.heading, "intro", b.intro.source);
  if (!b.role.empty()) j["role"] = b.role;
  if (b.kind == BlockKind::text) {
    j["text"] = b.text.source;
  } else if (b.kind == BlockKind::table) {
    j["header"] = cells_json(b.table_header);
    auto rows = ojson::array();
    for (const auto& row : b.table_rows) rows.push_back(cells_json(row));
    j["rows"] = std::move(rows);
  } else {
    if (b.start != 0) j["start"] = b.start;
    if (b.continue_numbering) j["start"] = "continue";
    if (!b.markers.empty()) j["markers"] = b.markers;
    j["numbered"] = b.numbered;
    j["items"] = statements_json(b.items);
  }
  return j;
}

ojson section_json(const Section& s) {
  auto blocks = ojson::array();
  for (const auto& b : s.blocks) blocks.push_back(block_json(b));
  return json_object<ojson>("id", s.id, "label", s.label, "title", s.title, "summary", s.summary.source, "definition",
                       s.definition.source, "intro", s.intro.source, "url", s.id + "/index.html", "blocks",
                       std::move(blocks));
}

}  // namespace

std::string model_json(const Model& model) {
  ojson j = json_object<ojson>("id", model.id, "title", model.title, "subtitle", model.subtitle, "jurisdiction",
                          model.jurisdiction, "state", model.state, "agency", model.agency, "family", model.family,
                          "edition", model.edition, "date", text_or_null(model.date), "supersedes",
                          text_or_null(model.supersedes), "superseded_by", text_or_null(model.superseded_by),
                          "source", model.source.source, "intro", model.intro.source, "vision", model.vision.source);
  const Vocabulary& v = model.vocabulary;
  j["vocabulary"] = json_object<ojson>("unit", v.unit, "units", v.units_or_default(), "actions", v.actions, "action_prompt",
                                  v.action_prompt, "rubric", v.rubric, "jurisdiction", v.jurisdiction);
  auto roles = ojson::array();
  for (const auto& r : model.roles) roles.push_back(json_object<ojson>("id", r.id, "title", r.title, "plural", r.plural));
  j["roles"] = std::move(roles);
  if (model.framework)
    j["framework"] = json_object<ojson>("heading", model.framework->heading, "body", model.framework->body.source);
  if (model.priorities)
    j["priorities"] = json_object<ojson>("heading", model.priorities->heading, "intro", model.priorities->intro.source,
                                    "numbered", model.priorities->numbered, "items",
                                    statements_json(model.priorities->items));
  if (model.letter)
    j["letter"] = json_object<ojson>("heading", model.letter->heading, "body", model.letter->body.source, "closing",
                                model.letter->closing, "signature", model.letter->signature, "signature_title",
                                model.letter->signature_title);
  auto sections = ojson::array();
  for (const auto& s : model.sections) sections.push_back(section_json(s));
  j["sections"] = std::move(sections);
  if (model.rubric) {
    auto levels = ojson::array();
    for (const auto& l : model.rubric->levels) levels.push_back(json_object<ojson>("name", l.name, "description", l.description.source));
    j["rubric"] = json_object<ojson>("title", model.rubric->title, "intro", model.rubric->intro.source, "levels",
                                std::move(levels), "rates", model.rubric->rates, "roles", model.rubric->roles, "reviewer",
                                model.rubric->reviewer);
  }
  auto footnotes = ojson::array();
  for (const auto& f : model.footnotes) footnotes.push_back(json_object<ojson>("marker", f.marker, "text", f.text.source));
  j["footnotes"] = std::move(footnotes);
  j["closing"] = model.closing.source;
  j["tagline"] = model.tagline;
  std::string out = json_text(j, 2);
  out += '\n';
  return out;
}

}  // namespace pb::views
