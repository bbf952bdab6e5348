#include "content/loader.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <regex>
#include <atomic>
#include <thread>
#include <unordered_map>

#include "content/source_reader.hpp"
#include "core/text_util.hpp"

namespace fs = std::filesystem;

namespace pb::inline content {

namespace {

constexpr int max_statement_depth = 2;  // a statement and its sub-points

Markdown markdown_of(MapReader& reader, std::string_view key) {
  Markdown md;
  md.where = reader.location_of(key);
  md.source = reader.text(key);
  return md;
}

// Reads `id` (required or not) and checks its form.
std::string read_id(MapReader& reader, Diagnostics& diags, bool required) {
  std::string id = reader.text("id", required);
  if (!id.empty() && !is_valid_id(id))
    diags.error(reader.location_of("id"), fmt::format("invalid id '{}'", id),
                "ids use lowercase letters, digits and single hyphens, e.g. 'kinship-first'");
  return id;
}

void read_items(const SourceNode& list, const std::string& prefix, int depth, std::vector<Statement>& out,
                Diagnostics& diags);

Statement read_item(const SourceNode& node, const std::string& derived_id, int depth, Diagnostics& diags) {
  Statement s;
  s.id = derived_id;
  if (node.is_scalar()) {
    s.text = Markdown{node.scalar, {}, node.where};
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
  const SourceNode* items = reader.find("items");
  if (block.kind == BlockKind::text) {
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

const std::regex& section_file_pattern() {
  static const std::regex pattern(R"(^([0-9]+)-(.+)\.ya?ml$)");
  return pattern;
}

// Section files in the order of their numbers (1-a, 2-b, 10-c), not as text, which puts 10 before 2;
// files with equal numbers (01-a, 1-b) by name. Both names match section_file_pattern().
bool section_file_before(const std::string& a, const std::string& b) {
  auto number = [](const std::string& name) {
    std::string_view digits(name.data(), name.find('-'));
    digits.remove_prefix(std::min(digits.find_first_not_of('0'), digits.size()));
    return digits;  // compared by length first, so any number of digits works
  };
  const std::string_view na = number(a), nb = number(b);
  if (na.size() != nb.size()) return na.size() < nb.size();
  if (na != nb) return na < nb;
  return a < b;
}

std::vector<fs::path> sorted_entries(const fs::path& dir, bool directories) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const bool is_dir = it->is_directory(ec);
    if (is_dir == directories) out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string shown(const fs::path& content_dir, const fs::path& relative) {
  return (content_dir / relative).lexically_normal().generic_string();
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
  config.allow_html = reader.boolean("allow_html", false);
  if (auto language = reader.optional_text("language")) config.language = *language;
  config.shared_language_threshold = reader.number("shared_language_threshold", 0.3, 0.05, 1.0);
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
    if (!std::regex_match(model.date, date_pattern))
      diags.error(r.location_of("date"), fmt::format("invalid date '{}'", model.date),
                  "write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2023-06; leave 'date' out when the document has none");
  }
  model.supersedes_where = r.location_of("supersedes");
  model.supersedes = r.text("supersedes");
  model.source = markdown_of(r, "source");
  model.intro = markdown_of(r, "intro");
  model.vision = markdown_of(r, "vision");
  model.closing = markdown_of(r, "closing");

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

Section read_section(const SourceNode& root, Diagnostics& diags) {
  Section section;
  section.where = root.where;
  if (!expect_map(root, "a section file", diags)) return section;
  MapReader r(root, diags, "section");
  section.where = r.location_of("id");
  section.id = read_id(r, diags, true);
  section.label = r.text("label");
  section.title = r.text("title", true);
  section.summary = markdown_of(r, "summary");
  section.intro = markdown_of(r, "intro");
  if (const SourceNode* blocks = r.find("blocks"); blocks && expect_list(*blocks, "blocks", diags)) {
    std::map<std::string, int> seen;  // key → how many blocks used it so far
    for (const auto& block_node : blocks->items) {
      Block block = read_block(block_node, diags);
      const std::string base = block.kind == BlockKind::actions && !block.role.empty() ? block.role
                                                                                       : block_kind_name(block.kind);
      const int n = seen[base]++;
      block.key = n == 0 ? base : fmt::format("{}-{}", base, static_cast<char>('a' + std::min(n, 25)));
      assign_derived_ids(block.items, block.key);
      section.blocks.push_back(std::move(block));
    }
  }
  r.finish();
  return section;
}

namespace {

// yaml-cpp is the slowest stage of a build, and files parse independently: parse them all on every
// core first, then read the records in the fixed order below, so output stays deterministic.
class ParsedFiles {
 public:
  ParsedFiles(const fs::path& content_dir, std::vector<fs::path> relatives, Diagnostics& diags)
      : relatives_(std::move(relatives)), nodes_(relatives_.size()) {
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
      for (std::size_t i = next++; i < relatives_.size(); i = next++)
        nodes_[i] = load_yaml_file(content_dir / relatives_[i], shown(content_dir, relatives_[i]), diags);
    };
    const unsigned threads = std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(),
                                                             static_cast<unsigned>(relatives_.size() / 8 + 1)));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& th : pool) th.join();
    for (std::size_t i = 0; i < relatives_.size(); ++i) index_[relatives_[i].generic_string()] = i;
    std::error_code ec;
    for (const auto& r : relatives_) bytes_ += static_cast<std::size_t>(fs::file_size(content_dir / r, ec));
  }
  // The parsed file, or nullopt when it could not be parsed (the diagnostic is already reported).
  const std::optional<SourceNode>& get(const fs::path& relative) const {
    return nodes_[index_.at(relative.generic_string())];
  }
  std::size_t files() const { return relatives_.size(); }
  std::size_t unparsed() const { return static_cast<std::size_t>(std::count(nodes_.begin(), nodes_.end(), std::nullopt)); }
  std::size_t bytes() const { return bytes_; }

 private:
  std::vector<fs::path> relatives_;
  std::vector<std::optional<SourceNode>> nodes_;
  std::unordered_map<std::string, std::size_t> index_;
  std::size_t bytes_ = 0;
};

bool is_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

}  // namespace

Site load_site(const fs::path& content_dir, Diagnostics& diags, LoadStats* stats) {
  Site site;
  std::error_code ec;
  if (!fs::is_directory(content_dir, ec)) {
    diags.error(location_in(std::make_shared<const std::string>(content_dir.generic_string())),
                "the content folder does not exist", "pass --content DIR, the folder that holds site.yaml");
    return site;
  }
  // 1. Which files make up the site (problems with names are reported here).
  std::vector<fs::path> to_parse;
  for (const char* name : {"site.yaml", "roles.yaml", "topics.yaml", "glossary.yaml"})
    if (is_file(content_dir / name)) to_parse.emplace_back(name);
  if (!is_file(content_dir / "site.yaml"))
    diags.error(location_in(std::make_shared<const std::string>(shown(content_dir, "site.yaml"))),
                "site.yaml is missing", "create it with at least 'title: …'");
  struct ModelFiles {
    std::string id;
    fs::path relative;
    std::vector<std::pair<fs::path, std::smatch>> sections;
    std::vector<std::string> section_names;
  };
  std::vector<ModelFiles> models;
  for (const fs::path& model_dir : sorted_entries(content_dir / "models", true)) {
    const std::string id = model_dir.filename().string();
    const fs::path relative = fs::path("models") / id;
    if (!is_valid_id(id)) {
      diags.error(location_in(std::make_shared<const std::string>(shown(content_dir, relative))),
                  fmt::format("invalid model folder name '{}'", id),
                  "model ids use lowercase letters, digits and single hyphens, e.g. 'ar-at-one-table-2023'");
      continue;
    }
    if (!is_file(content_dir / relative / "model.yaml")) {
      diags.error(location_in(std::make_shared<const std::string>(shown(content_dir, relative / "model.yaml"))),
                  "model.yaml is missing", "every folder in models/ needs a model.yaml");
      continue;
    }
    ModelFiles m{id, relative, {}, {}};
    to_parse.push_back(relative / "model.yaml");
    for (const fs::path& path : sorted_entries(content_dir / relative / "sections", false)) {
      const std::string name = path.filename().string();
      const fs::path section_relative = relative / "sections" / name;
      if (!std::regex_match(name, section_file_pattern())) {
        if (name.ends_with(".yaml") || name.ends_with(".yml"))
          diags.error(location_in(std::make_shared<const std::string>(shown(content_dir, section_relative))),
                      fmt::format("section file name '{}' does not start with a number", name),
                      "name section files NN-<id>.yaml, e.g. 01-relationships.yaml; the number sets the order");
        continue;  // other files (notes, images) are not sections
      }
      to_parse.push_back(section_relative);
      m.section_names.push_back(name);
    }
    std::sort(m.section_names.begin(), m.section_names.end(), section_file_before);
    models.push_back(std::move(m));
  }

  // 2. Parse everything at once.
  const ParsedFiles parsed(content_dir, to_parse, diags);

  // 3. Read the records, in order.
  if (is_file(content_dir / "site.yaml"))
    if (const auto& root = parsed.get("site.yaml")) site.config = read_site_config(*root, diags);
  site.config.file = shown(content_dir, "site.yaml");
  if (is_file(content_dir / "roles.yaml"))
    if (const auto& root = parsed.get("roles.yaml")) site.roles = read_roles(*root, diags);
  if (is_file(content_dir / "topics.yaml"))
    if (const auto& root = parsed.get("topics.yaml")) site.topics = read_topics(*root, diags);
  if (is_file(content_dir / "glossary.yaml"))
    if (const auto& root = parsed.get("glossary.yaml")) site.terms = read_terms(*root, diags);

  for (const auto& files : models) {
    const auto& root = parsed.get(files.relative / "model.yaml");
    if (!root) continue;
    Model model = read_model(*root, diags);
    model.id = files.id;
    model.file = shown(content_dir, files.relative / "model.yaml");
    model.source_file = (files.relative / "model.yaml").generic_string();
    model.dir = shown(content_dir, files.relative);
    if (model.family.empty()) model.family = files.id;
    for (const auto& name : files.section_names) {
      const fs::path section_relative = files.relative / "sections" / name;
      const auto& section_root = parsed.get(section_relative);
      if (!section_root) continue;
      std::smatch match;
      std::regex_match(name, match, section_file_pattern());
      Section section = read_section(*section_root, diags);
      section.file = shown(content_dir, section_relative);
      section.source_file = section_relative.generic_string();
      if (!section.id.empty() && section.id != match[2].str())
        diags.error(section.where,
                    fmt::format("section id '{}' does not match its file name '{}'", section.id, name),
                    fmt::format("rename the file to {}-{}.yaml, or set 'id: {}'", match[1].str(), section.id,
                                match[2].str()));
      model.sections.push_back(std::move(section));
    }
    site.models.push_back(std::move(model));
  }
  if (stats) *stats = LoadStats{parsed.files(), parsed.bytes(), parsed.unparsed()};
  return site;
}

}  // namespace pb::content
