#include "content/shape_readers.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/text_util.hpp"

namespace pb::inline content {

namespace {

Markdown markdown_at(MapReader& reader, std::string_view key) {
  Markdown md;
  md.where = reader.location_of(key);
  md.source = reader.text(key);
  return md;
}

Markdown cell_of(const SourceNode& node, Diagnostics& diags) {
  Markdown md;
  md.where = node.where;
  if (auto text = scalar_text(node, "cell", diags)) md.source = *text;
  return md;
}

}  // namespace

const std::vector<std::string>& marker_names() {
  static const std::vector<std::string> names{"numbers", "letters", "roman", "bullets"};
  return names;
}

std::string marker_for(const std::string& style, int n) {
  if (n < 1) n = 1;
  if (style == "numbers") return std::to_string(n);
  if (style == "letters") {
    std::string out;
    for (int k = n; k > 0; k = (k - 1) / 26) out.insert(out.begin(), static_cast<char>('a' + (k - 1) % 26));
    return out;
  }
  if (style == "roman") {
    static const std::pair<int, const char*> numerals[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                           {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                           {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"}, {1, "i"}};
    std::string out;
    for (const auto& [value, text] : numerals)
      for (; n >= value; n -= value) out += text;
    return out;
  }
  return {};
}

void read_model_shape(MapReader& r, Model& model, Diagnostics& diags) {
  model.state = r.text("state");
  model.tagline = r.text("tagline");
  if (const SourceNode* node = r.find("vocabulary"); node && expect_map(*node, "'vocabulary'", diags)) {
    MapReader vr(*node, diags, "vocabulary");
    Vocabulary& v = model.vocabulary;
    if (auto x = vr.optional_text("unit")) {
      v.unit = *x;
      v.unit_named = !x->empty();
    }
    if (auto x = vr.optional_text("units")) v.units = *x;
    if (auto x = vr.optional_text("actions")) {
      v.actions = *x;
      v.actions_named = !x->empty();
      v.action_prompt.clear();  // "Do I…?" is how Arkansas asks: a model with its own word has its own prompt, or none
    }
    if (auto x = vr.optional_text("action")) v.action = *x;
    if (auto x = vr.optional_text("action_prompt")) v.action_prompt = *x;
    if (auto x = vr.optional_text("rubric")) v.rubric = *x;
    if (auto x = vr.optional_text("jurisdiction")) v.jurisdiction = *x;
    vr.finish();
  }
  if (const SourceNode* node = r.find("roles"); node && expect_list(*node, "roles", diags)) {
    for (const auto& entry : node->items) {
      ModelRole role;
      role.where = entry.where;
      if (entry.is_scalar()) {
        role.id = entry.scalar;
      } else if (expect_map(entry, "a role of the model", diags)) {
        MapReader rr(entry, diags, "model role");
        role.where = rr.location_of("id");
        role.id = rr.text("id", true);
        role.title = rr.text("title");
        role.plural = rr.text("plural");
        rr.finish();
      }
      if (!role.id.empty()) model.roles.push_back(std::move(role));
    }
  }
  if (const SourceNode* node = r.find("framework"); node && expect_map(*node, "'framework'", diags)) {
    MapReader fr(*node, diags, "framework");
    Framework framework;
    framework.heading = fr.text("heading");
    framework.body = markdown_at(fr, "body");
    if (framework.body.empty()) diags.error(node->where, "a framework needs a 'body'", "add 'body: |' and its Markdown");
    fr.finish();
    model.framework = std::move(framework);
  }
}

void read_rubric_scope(MapReader& rr, Rubric& rubric, Diagnostics& diags) {
  if (auto rates = rr.optional_text("rates")) {
    if (*rates == "actions" || *rates == "sections" || *rates == "model")
      rubric.rates = *rates;
    else
      diags.error(rr.location_of("rates"), fmt::format("unknown value '{}' for 'rates'", *rates),
                  "a rubric rates 'actions' (each role action), 'sections' (each section) or 'model' (the whole model)");
  }
  rubric.roles_where = rr.location_of("roles");
  rubric.roles = rr.text_list("roles");
  if (auto reviewer = rr.optional_text("reviewer")) rubric.reviewer = *reviewer;
}

void read_block_shape(MapReader& reader, Block& block, Diagnostics& diags) {
  if (const SourceNode* start = reader.find("start")) {
    if (start->is_scalar() && start->scalar == "continue") {
      block.continue_numbering = true;
    } else {
      block.start = static_cast<int>(reader.number("start", 1, 1, 1000000));
    }
  }
  for (const auto& marker : block.markers = reader.text_list("markers"))
    if (std::find(marker_names().begin(), marker_names().end(), marker) == marker_names().end()) {
      const auto suggestion = closest_match(marker, marker_names());
      diags.error(reader.location_of("markers"),
                  suggestion ? fmt::format("unknown marker '{}' (did you mean '{}'?)", marker, *suggestion)
                             : fmt::format("unknown marker '{}'", marker),
                  fmt::format("the markers of each level, top first, are: {}", join(marker_names())));
    }
  if (block.markers.size() > 4)
    diags.error(reader.location_of("markers"), "'markers' names at most 4 levels", "list one marker per level, top first");
  const SourceNode* header = reader.find("header");
  const SourceNode* rows = reader.find("rows");
  if (block.kind != BlockKind::table) {
    for (const SourceNode* node : {header, rows})
      if (node)
        diags.error(node->where, "'header' and 'rows' belong to table blocks", "set 'kind: table', or remove them");
    return;
  }
  if (header && expect_list(*header, "header", diags))
    for (const auto& cell : header->items) block.table_header.push_back(cell_of(cell, diags));
  if (!rows) diags.error(block.where, "a table block needs 'rows'", "add 'rows:' with one list of cells per row");
  if (rows && expect_list(*rows, "rows", diags))
    for (const auto& row : rows->items) {
      if (!expect_list(row, "a table row", diags)) continue;
      std::vector<Markdown> cells;
      for (const auto& cell : row.items) cells.push_back(cell_of(cell, diags));
      if (!block.table_header.empty() && cells.size() != block.table_header.size())
        diags.error(row.where, fmt::format("this row has {} cells, the header {}", cells.size(), block.table_header.size()),
                    "give every row one cell per header column (an empty cell is \"\")");
      block.table_rows.push_back(std::move(cells));
    }
}

}  // namespace pb::content
