// The reader of each kind of content file: a parsed YAML file (SourceNode) in, its records out, every
// problem as a diagnostic. Statement ids are derived here, from each block's kind or role and position.
#include "content/file_readers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>
#include <regex>

#include "content/shape_readers.hpp"
#include "content/source_reader.hpp"
#include "core/text_util.hpp"
#include "core/url.hpp"

namespace pb::inline content {

Markdown markdown_of(MapReader& reader, std::string_view key) {
  Markdown md;
  md.where = reader.location_of(key);
  md.source = reader.text(key);
  return md;
}

std::string read_id(MapReader& reader, Diagnostics& diags, bool required) {
  std::string id = reader.text("id", required);
  if (!id.empty() && !is_valid_id(id))
    diags.error(reader.location_of("id"), fmt::format("invalid id '{}'", id),
                "ids use lowercase letters, digits and single hyphens, e.g. 'kinship-first'");
  return id;
}

namespace {

constexpr int max_statement_depth = 4;  // a statement and three levels of sub-points

void read_items(const SourceNode& list, const std::string& prefix, int depth, std::vector<Statement>& out,
                Diagnostics& diags);

Statement read_item(const SourceNode& node, const std::string& derived_id, int depth, Diagnostics& diags) {
  Statement s;
  s.id = derived_id;
  if (node.is_scalar()) {
    s.text.source = node.scalar;
    s.text.where = node.where;
    return s;
  }
  if (!node.is_map()) {
    diags.error(node.where, fmt::format("expected a statement (text, or a mapping with 'text'), found {}",
                                        describe_kind(node)),
                "write '- The statement.' or '- text: The statement.' with 'topics' and 'items' below it");
    return s;
  }
  MapReader reader(node, diags, "statement");
  s.text = markdown_of(reader, "text");
  if (s.text.empty()) diags.error(node.where, "statement is missing the required key 'text'", "add 'text: …'");
  if (const SourceNode* id = reader.find("id")) {
    s.id_where = id->where;
    std::string explicit_id = read_id(reader, diags, false);
    if (!explicit_id.empty() && is_valid_id(explicit_id)) {
      s.id = explicit_id;
      s.explicit_id = true;
    }
  }
  s.topics = reader.text_list("topics");
  // A topic listed twice (or a million times) counts once, with one warning.
  std::vector<std::string> unique;
  std::unordered_set<std::string> seen;
  for (const auto& t : s.topics)
    if (seen.insert(t).second) unique.push_back(t);
  if (unique.size() < s.topics.size()) {
    diags.warning(reader.location_of("topics"), fmt::format("{} repeated topic{} ignored", s.topics.size() - unique.size(),
                                                            s.topics.size() - unique.size() == 1 ? "" : "s"),
                  "list each topic once");
    s.topics = std::move(unique);
  }
  if (const SourceNode* children = reader.find("items")) {
    if (depth + 1 >= max_statement_depth)
      diags.error(children->where, fmt::format("statements nest at most {} levels deep", max_statement_depth),
                  "make the deeper points statements of their own, or sub-points of the statement above");
    else if (expect_list(*children, "items", diags))
      read_items(*children, s.id, depth + 1, s.children, diags);
  }
  reader.finish();
  return s;
}

void read_items(const SourceNode& list, const std::string& prefix, int depth, std::vector<Statement>& out,
                Diagnostics& diags) {
  out.reserve(list.items.size());
  for (std::size_t i = 0; i < list.items.size(); ++i)
    out.push_back(read_item(list.items[i], fmt::format("{}-{}", prefix, i + 1), depth, diags));
}

Block read_block(const SourceNode& node, Diagnostics& diags) {
  Block block;
  block.where = node.where;
  MapReader reader(node, diags, "block");
  if (!expect_map(node, "a block", diags)) return block;
  const std::string kind = reader.text("kind", true);
  if (auto parsed = parse_block_kind(kind)) {
    block.kind = *parsed;
  } else if (!kind.empty()) {
    const auto suggestion = closest_match(kind, block_kind_names());
    diags.error(reader.location_of("kind"),
                suggestion ? fmt::format("unknown block kind '{}' (did you mean '{}'?)", kind, *suggestion)
                           : fmt::format("unknown block kind '{}'", kind),
                fmt::format("the block kinds are: {}", join(block_kind_names())));
  }
  block.heading = reader.text("heading");
  block.intro = markdown_of(reader, "intro");
  block.numbered = reader.boolean("numbered", false);
  block.role_where = reader.location_of("role");
  block.role = reader.text("role");
  if (block.kind == BlockKind::actions && block.role.empty() && reader.find("role") == nullptr)
    diags.error(node.where, "an actions block needs a 'role'", "add 'role: worker' (or another id from roles.yaml)");
  if (block.kind != BlockKind::actions && !block.role.empty())
    diags.error(block.role_where, fmt::format("'role' applies only to actions blocks, not to {} blocks", kind),
                "remove 'role', or set 'kind: actions'");
  block.text = markdown_of(reader, "text");
  read_block_shape(reader, block, diags);
  const SourceNode* items = reader.find("items");
  if (block.kind == BlockKind::table) {
    if (items) diags.error(items->where, "a table block has 'header' and 'rows', not 'items'", "write the cells under 'rows:'");
    if (!block.text.empty()) diags.error(block.text.where, "'text' belongs to text blocks", "move it into 'intro'");
  } else if (block.kind == BlockKind::text) {
    if (items) diags.error(items->where, "a text block has no 'items'", "use 'text: |' with Markdown, or another kind");
    if (block.text.empty()) diags.error(node.where, "a text block needs 'text'", "add 'text: |' and the Markdown below it");
  } else {
    if (!block.text.empty())
      diags.error(block.text.where, fmt::format("'text' belongs to text blocks; a {} block has 'items'", kind),
                  "move the text into 'intro', or into a block of kind text");
    if (items && expect_list(*items, "items", diags)) {
      // Ids are derived from the key; the key is known only once the section sees all blocks,
      // so items are read with a placeholder prefix and renamed by the section reader.
      read_items(*items, "\x01", 0, block.items, diags);
    }
  }
  reader.finish();
  return block;
}

void assign_derived_ids(std::vector<Statement>& items, const std::string& prefix) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto& s = items[i];
    if (!s.explicit_id) s.id = fmt::format("{}-{}", prefix, i + 1);
    assign_derived_ids(s.children, s.id);
  }
}

}  // namespace

SiteConfig read_site_config(const SourceNode& root, Diagnostics& diags) {
  SiteConfig config;
  if (!expect_map(root, "site.yaml", diags)) return config;
  MapReader reader(root, diags, "site");
  config.title = reader.text("title", true);
  config.intro = markdown_of(reader, "intro");
  config.base_url = reader.text("base_url");
  config.edit_url = reader.text("edit_url");
  // Both become links on every page: only a web address will do (never javascript:, data:, …).
  for (const auto& [key, value] : {std::pair{"base_url", &config.base_url}, std::pair{"edit_url", &config.edit_url}})
    if (!value->empty() && !is_absolute_web_address(*value)) {
      diags.error(reader.location_of(key), fmt::format("'{}' must be an http or https address, not '{}'", key, *value),
                  fmt::format("write the full address, e.g. '{}: https://example.org/…'", key));
      value->clear();
    }
  config.allow_html = reader.boolean("allow_html", false);
  config.allow_outside_images = reader.boolean("allow_outside_images", false);
  if (auto language = reader.optional_text("language")) config.language = *language;
  config.shared_language_threshold = reader.number("shared_language_threshold", 0.3, 0.05, 1.0);
  config.same_idea_threshold = reader.number("same_idea_threshold", 0.55, 0.2, 1.0);
  reader.finish();
  return config;
}

namespace {
// The three vocabulary files share a shape: a top-level key holding a list of mappings with ids.
template <typename T, typename ReadEntry>
std::vector<T> read_vocabulary(const SourceNode& root, const char* key, const char* what, Diagnostics& diags,
                               ReadEntry read_entry) {
  std::vector<T> out;
  if (root.is_null()) return out;
  if (!expect_map(root, fmt::format("the '{}' file", key), diags)) return out;
  MapReader reader(root, diags, fmt::format("{} file", key));
  if (const SourceNode* list = reader.find(key); list && expect_list(*list, key, diags)) {
    for (const auto& entry : list->items) {
      if (!expect_map(entry, what, diags)) continue;
      MapReader entry_reader(entry, diags, what);
      T value = read_entry(entry_reader);
      entry_reader.finish();
      out.push_back(std::move(value));
    }
  }
  reader.finish();
  return out;
}
}  // namespace

std::vector<Role> read_roles(const SourceNode& root, Diagnostics& diags) {
  return read_vocabulary<Role>(root, "roles", "role", diags, [&](MapReader& r) {
    Role role;
    role.where = r.location_of("id");
    role.id = read_id(r, diags, true);
    role.title = r.text("title", true);
    role.plural = r.text("plural");
    if (role.plural.empty()) role.plural = role.title + "s";
    role.aliases = r.text_list("aliases");
    role.part_of = r.text("part_of");
    role.description = markdown_of(r, "description");
    return role;
  });
}

std::vector<Topic> read_topics(const SourceNode& root, Diagnostics& diags) {
  return read_vocabulary<Topic>(root, "topics", "topic", diags, [&](MapReader& r) {
    Topic topic;
    topic.where = r.location_of("id");
    topic.id = read_id(r, diags, true);
    topic.title = r.text("title", true);
    topic.description = markdown_of(r, "description");
    return topic;
  });
}

std::vector<Term> read_terms(const SourceNode& root, Diagnostics& diags) {
  return read_vocabulary<Term>(root, "terms", "glossary term", diags, [&](MapReader& r) {
    Term term;
    term.where = r.location_of("id");
    term.id = read_id(r, diags, true);
    term.term = r.text("term", true);
    term.abbreviation = r.text("abbreviation");
    term.aliases = r.text_list("aliases");
    term.definition = markdown_of(r, "definition");
    if (term.definition.empty()) diags.error(r.where(), "glossary term is missing the required key 'definition'",
                                             "add 'definition: …' in plain words");
    term.see_also = r.text_list("see_also");
    return term;
  });
}

Model read_model(const SourceNode& root, Diagnostics& diags) {
  Model model;
  model.where = root.where;
  if (!expect_map(root, "model.yaml", diags)) return model;
  MapReader r(root, diags, "model");
  model.title = r.text("title", true);
  model.subtitle = r.text("subtitle");
  model.jurisdiction = r.text("jurisdiction", true);
  model.agency = r.text("agency", true);
  model.family = r.text("family");
  if (!model.family.empty() && !is_valid_id(model.family))
    diags.error(r.location_of("family"), fmt::format("invalid family id '{}'", model.family),
                "family ids use lowercase letters, digits and hyphens, e.g. 'ar-at-one-table'");
  model.edition = r.text("edition");
  model.date = r.text("date");
  if (!model.date.empty()) {
    static const std::regex date_pattern(R"(^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$)");
    // The form, then the calendar: a year from 1800 and a day the month has (2023-02-30 is no date).
    bool valid = std::regex_match(model.date, date_pattern) && std::stoi(model.date.substr(0, 4)) >= 1800;
    if (valid && model.date.size() == 10) {
      const int year = std::stoi(model.date.substr(0, 4)), month = std::stoi(model.date.substr(5, 2)),
                day = std::stoi(model.date.substr(8, 2));
      const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
      constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      valid = day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
    }
    if (!valid)
      diags.error(r.location_of("date"), fmt::format("invalid date '{}'", model.date),
                  "write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2023-06; leave 'date' out when the document has none");
  }
  model.supersedes_where = r.location_of("supersedes");
  model.supersedes = r.text("supersedes");
  model.source = markdown_of(r, "source");
  model.intro = markdown_of(r, "intro");
  model.vision = markdown_of(r, "vision");
  model.closing = markdown_of(r, "closing");
  read_model_shape(r, model, diags);

  if (const SourceNode* node = r.find("priorities"); node && expect_map(*node, "'priorities'", diags)) {
    MapReader pr(*node, diags, "priorities");
    Priorities p;
    p.heading = pr.text("heading");
    p.intro = markdown_of(pr, "intro");
    p.numbered = pr.boolean("numbered", false);
    if (const SourceNode* items = pr.find("items"); items && expect_list(*items, "items", diags)) {
      read_items(*items, "priority", 0, p.items, diags);
      assign_derived_ids(p.items, "priority");
    }
    pr.finish();
    model.priorities = std::move(p);
  }
  if (const SourceNode* node = r.find("letter"); node && expect_map(*node, "'letter'", diags)) {
    MapReader lr(*node, diags, "letter");
    Letter letter;
    letter.heading = lr.text("heading");
    letter.body = markdown_of(lr, "body");
    letter.closing = lr.text("closing");
    letter.signature = lr.text("signature");
    letter.signature_title = lr.text("signature_title");
    lr.finish();
    model.letter = std::move(letter);
  }
  if (const SourceNode* node = r.find("rubric"); node && expect_map(*node, "'rubric'", diags)) {
    MapReader rr(*node, diags, "rubric");
    Rubric rubric;
    rubric.title = rr.text("title");
    rubric.intro = markdown_of(rr, "intro");
    read_rubric_scope(rr, rubric, diags);
    if (const SourceNode* levels = rr.find("levels"); levels && expect_list(*levels, "levels", diags)) {
      for (const auto& level_node : levels->items) {
        if (!expect_map(level_node, "a rubric level", diags)) continue;
        MapReader lr(level_node, diags, "rubric level");
        RubricLevel level;
        level.name = lr.text("name", true);
        level.description = markdown_of(lr, "description");
        lr.finish();
        rubric.levels.push_back(std::move(level));
      }
    }
    rr.finish();
    model.rubric = std::move(rubric);
  }
  if (const SourceNode* node = r.find("footnotes"); node && expect_list(*node, "footnotes", diags)) {
    for (const auto& note_node : node->items) {
      if (!expect_map(note_node, "a footnote", diags)) continue;
      MapReader nr(note_node, diags, "footnote");
      Footnote note;
      note.marker = nr.text("marker", true);
      note.text = markdown_of(nr, "text");
      nr.finish();
      model.footnotes.push_back(std::move(note));
    }
  }
  r.finish();
  return model;
}

namespace {
// 1 → "b", 25 → "z", 26 → "aa", 27 → "ab", …: spreadsheet column letters, counted from "a" = 0.
std::string letters_for(int n) {
  std::string out;
  for (int k = n + 1; k > 0; k /= 26) {
    --k;
    out.insert(out.begin(), static_cast<char>('a' + k % 26));
  }
  return out;
}
}  // namespace

Section read_section(const SourceNode& root, Diagnostics& diags,
                     const std::function<std::optional<std::string>(const std::string&)>& role_id) {
  Section section;
  section.where = root.where;
  if (!expect_map(root, "a section file", diags)) return section;
  MapReader r(root, diags, "section");
  section.where = r.location_of("id");
  section.id = read_id(r, diags, true);
  section.label = r.text("label");
  section.title = r.text("title", true);
  section.short_title = r.text("short_title");
  section.summary = markdown_of(r, "summary");
  section.definition = markdown_of(r, "definition");
  section.intro = markdown_of(r, "intro");
  if (const SourceNode* blocks = r.find("blocks"); blocks && expect_list(*blocks, "blocks", diags)) {
    std::map<std::string, int> seen;  // key → how many blocks used it so far
    std::set<std::string> keys;
    for (const auto& block_node : blocks->items) {
      Block block = read_block(block_node, diags);
      std::string base = block_kind_name(block.kind);
      if (block.kind == BlockKind::actions && !block.role.empty()) {
        const auto id = role_id ? role_id(block.role) : std::nullopt;
        base = id ? *id : slugify(block.role);
      }
      // "practice", "practice-b", …, "practice-z", "practice-aa", …: never the same key twice, even
      // when a role's own id looks like a derived key.
      do {
        const int n = seen[base]++;
        block.key = n == 0 ? base : base + "-" + letters_for(n);
      } while (!keys.insert(block.key).second);
      assign_derived_ids(block.items, block.key);
      section.blocks.push_back(std::move(block));
    }
  }
  r.finish();
  return section;
}

}  // namespace pb::content
