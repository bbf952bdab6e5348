#include "views/model_json.hpp"

#include "views/json_text.hpp"

namespace pb::inline views {

namespace {

// Written as it is read, with no JSON tree in between (see JsonWriter): on a national site the
// files hold every statement of 500 models. Absent values are null, so every model.json has the same
// keys.
void text_or_null(JsonWriter& w, std::string_view name, const std::string& s) {
  w.key(name);
  if (s.empty()) w.value(nullptr);
  else w.value(s);
}

void statements_json(JsonWriter& w, const std::vector<Statement>& items) {
  w.begin_array();
  for (const auto& s : items) {
    w.begin_object().member("id", s.id).member("text", s.text.source).member("topics", s.topics);
    if (!s.number.empty()) w.member("number", s.number);
    if (!s.children.empty()) statements_json(w.key("items"), s.children);
    w.end_object();
  }
  w.end_array();
}

void cells_json(JsonWriter& w, const std::vector<Markdown>& cells) {
  w.begin_array();
  for (const auto& c : cells) w.value(c.source);
  w.end_array();
}

void block_json(JsonWriter& w, const Block& b) {
  w.begin_object()
      .member("kind", block_kind_name(b.kind))
      .member("id", b.key)
      .member("heading", b.heading)
      .member("intro", b.intro.source);
  if (!b.role.empty()) w.member("role", b.role);
  if (b.kind == BlockKind::text) {
    w.member("text", b.text.source);
  } else if (b.kind == BlockKind::table) {
    cells_json(w.key("header"), b.table_header);
    w.key("rows").begin_array();
    for (const auto& row : b.table_rows) cells_json(w, row);
    w.end_array();
  } else {
    if (b.continue_numbering) w.member("start", "continue");
    else if (b.start != 0) w.member("start", b.start);
    if (!b.markers.empty()) w.member("markers", b.markers);
    w.member("numbered", b.numbered);
    statements_json(w.key("items"), b.items);
  }
  w.end_object();
}

void section_json(JsonWriter& w, const Section& s) {
  w.begin_object()
      .member("id", s.id)
      .member("label", s.label)
      .member("title", s.title)
      .member("summary", s.summary.source)
      .member("definition", s.definition.source)
      .member("intro", s.intro.source)
      .member("url", s.id + "/index.html");
  w.key("blocks").begin_array();
  for (const auto& b : s.blocks) block_json(w, b);
  w.end_array().end_object();
}

}  // namespace

std::string model_json(const Model& model) {
  std::string out;
  JsonWriter w(out, 2);
  w.begin_object()
      .member("id", model.id)
      .member("title", model.title)
      .member("subtitle", model.subtitle)
      .member("jurisdiction", model.jurisdiction)
      .member("state", model.state)
      .member("agency", model.agency)
      .member("family", model.family)
      .member("edition", model.edition);
  text_or_null(w, "date", model.date);
  text_or_null(w, "supersedes", model.supersedes);
  text_or_null(w, "superseded_by", model.superseded_by);
  w.member("source", model.source.source).member("intro", model.intro.source).member("vision", model.vision.source);
  const Vocabulary& v = model.vocabulary;
  w.key("vocabulary")
      .begin_object()
      .member("unit", v.unit)
      .member("units", v.units_or_default())
      .member("actions", v.actions)
      .member("action", v.action_word())
      .member("action_prompt", v.action_prompt)
      .member("rubric", v.rubric)
      .member("jurisdiction", v.jurisdiction)
      .end_object();
  w.key("roles").begin_array();
  for (const auto& r : model.roles)
    w.begin_object().member("id", r.id).member("title", r.title).member("plural", r.plural).end_object();
  w.end_array();
  if (model.framework)
    w.key("framework")
        .begin_object()
        .member("heading", model.framework->heading)
        .member("body", model.framework->body.source)
        .end_object();
  if (model.priorities) {
    w.key("priorities")
        .begin_object()
        .member("heading", model.priorities->heading)
        .member("intro", model.priorities->intro.source)
        .member("numbered", model.priorities->numbered);
    statements_json(w.key("items"), model.priorities->items);
    w.end_object();
  }
  if (model.letter)
    w.key("letter")
        .begin_object()
        .member("heading", model.letter->heading)
        .member("body", model.letter->body.source)
        .member("closing", model.letter->closing)
        .member("signature", model.letter->signature)
        .member("signature_title", model.letter->signature_title)
        .end_object();
  w.key("sections").begin_array();
  for (const auto& s : model.sections) section_json(w, s);
  w.end_array();
  if (model.rubric) {
    w.key("rubric").begin_object().member("title", model.rubric->title).member("intro", model.rubric->intro.source);
    w.key("levels").begin_array();
    for (const auto& l : model.rubric->levels)
      w.begin_object().member("name", l.name).member("description", l.description.source).end_object();
    w.end_array()
        .member("rates", model.rubric->rates)
        .member("roles", model.rubric->roles)
        .member("reviewer", model.rubric->reviewer)
        .end_object();
  }
  w.key("footnotes").begin_array();
  for (const auto& f : model.footnotes)
    w.begin_object().member("marker", f.marker).member("text", f.text.source).end_object();
  w.end_array();
  w.member("closing", model.closing.source).member("tagline", model.tagline).end_object();
  out += '\n';
  return out;
}

}  // namespace pb::views
