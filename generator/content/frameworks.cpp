// content/frameworks/<id>.yaml: an external framework (parts → groups → items) with the topics,
// keywords and statements each item is mapped to.
#include "content/frameworks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <regex>

#include "content/file_readers.hpp"
#include "content/source_reader.hpp"
#include "core/text_util.hpp"

namespace pb::inline content {

namespace {

// The framework page's own anchors: no part, group or item id may take one.
const std::vector<std::string>& page_anchors() {
  static const std::vector<std::string> anchors{"main-content", "site-search-input", "gaps",
                                                "archived-editions", "about"};
  return anchors;
}

// A keyword term, checked: a word or phrase with at least one letter or digit, '*' only at its end.
bool check_term(const std::string& term, const SourceLocation& where, Diagnostics& diags) {
  const auto star = term.find('*');
  const bool has_word = std::any_of(term.begin(), term.end(), [](unsigned char c) { return std::isalnum(c) || c >= 0x80; });
  if (has_word && (star == std::string::npos || star + 1 == term.size())) return true;
  diags.error(where, fmt::format("invalid keyword '{}'", term),
              "a keyword is a word or phrase, with '*' only at its end to match any ending, e.g. 'investigat*'");
  return false;
}

std::vector<std::vector<std::string>> read_keywords(MapReader& reader, Diagnostics& diags) {
  std::vector<std::vector<std::string>> out;
  const SourceNode* list = reader.find("keywords");
  if (!list || !expect_list(*list, "keywords", diags)) return out;
  for (const auto& entry : list->items) {
    std::vector<std::string> terms;
    if (entry.is_scalar()) {
      if (check_term(entry.scalar, entry.where, diags)) terms.push_back(entry.scalar);
    } else if (entry.is_sequence() && !entry.items.empty()) {
      for (const auto& term : entry.items)
        if (auto text = scalar_text(term, "keywords", diags); text && check_term(*text, term.where, diags))
          terms.push_back(*text);
    } else {
      diags.error(entry.where, fmt::format("expected a keyword or a list of keywords, found {}", describe_kind(entry)),
                  "write a word or phrase ('visit*'), or [words, that, must, all, appear]");
    }
    if (!terms.empty()) out.push_back(std::move(terms));
  }
  return out;
}

std::vector<StatementAddress> read_addresses(MapReader& reader, std::string_view key, Diagnostics& diags) {
  std::vector<StatementAddress> out;
  const SourceNode* list = reader.find(key);
  if (!list) return out;
  std::vector<SourceNode> single;
  if (list->is_scalar()) single.push_back(*list);
  else if (!expect_list(*list, key, diags)) return out;
  for (const auto& entry : list->is_scalar() ? single : list->items) {
    auto text = scalar_text(entry, key, diags);
    if (!text) continue;
    if (auto address = parse_statement_address(*text)) {
      address->where = entry.where;
      out.push_back(std::move(*address));
    } else {
      diags.error(entry.where, fmt::format("invalid statement address '{}'", *text),
                  "write <model>/<section>#<statement-id>, e.g. 'me-practice-model/child-safety#principles-2', or "
                  "<model>#<statement-id> for a priority");
    }
  }
  return out;
}

FrameworkItem read_item(const SourceNode& node, Diagnostics& diags) {
  FrameworkItem item;
  item.where = node.where;
  if (!expect_map(node, "a framework item", diags)) return item;
  MapReader r(node, diags, "framework item");
  item.where = r.location_of("id");
  item.id = read_id(r, diags, true);
  item.label = r.text("label");
  item.title = r.text("title", true);
  item.description = markdown_of(r, "description");
  item.topics_where = r.location_of("topics");
  item.topics = r.text_list("topics");
  item.keywords = read_keywords(r, diags);
  item.statements = read_addresses(r, "statements", diags);
  item.exclude = read_addresses(r, "exclude", diags);
  if (item.topics.empty() && !r.find("statements"))  // a mistaken address is reported on its own
    diags.error(node.where, fmt::format("framework item '{}' is mapped to no statements", item.id),
                "add 'topics: [...]' (with 'keywords' to narrow them) or 'statements: [model/section#id, ...]'");
  if (item.topics.empty() && !item.keywords.empty())
    diags.error(r.location_of("keywords"), "'keywords' narrow the statements of the item's topics, and it has none",
                "add 'topics: [...]' with ids from topics.yaml");
  r.finish();
  return item;
}

std::vector<FrameworkItem> read_items(MapReader& reader, Diagnostics& diags) {
  std::vector<FrameworkItem> out;
  if (const SourceNode* list = reader.find("items"); list && expect_list(*list, "items", diags))
    for (const auto& node : list->items) out.push_back(read_item(node, diags));
  return out;
}

FrameworkGroup read_group(const SourceNode& node, Diagnostics& diags) {
  FrameworkGroup group;
  group.where = node.where;
  if (!expect_map(node, "a framework group", diags)) return group;
  MapReader r(node, diags, "framework group");
  group.where = r.location_of("id");
  group.id = read_id(r, diags, true);
  group.label = r.text("label");
  group.title = r.text("title", true);
  group.description = markdown_of(r, "description");
  group.items = read_items(r, diags);
  if (group.items.empty()) diags.error(node.where, fmt::format("framework group '{}' has no items", group.id),
                                       "add 'items:' with the items rated under it");
  r.finish();
  return group;
}

FrameworkPart read_part(const SourceNode& node, Diagnostics& diags) {
  FrameworkPart part;
  part.where = node.where;
  if (!expect_map(node, "a framework part", diags)) return part;
  MapReader r(node, diags, "framework part");
  part.where = r.location_of("id");
  part.id = read_id(r, diags, true);
  part.title = r.text("title", true);
  part.intro = markdown_of(r, "intro");
  const SourceNode* groups = r.find("groups");
  if (groups && expect_list(*groups, "groups", diags))
    for (const auto& g : groups->items) part.groups.push_back(read_group(g, diags));
  std::vector<FrameworkItem> items = read_items(r, diags);
  if (groups && !items.empty()) {
    diags.error(r.location_of("items"), fmt::format("framework part '{}' has both 'groups' and 'items'", part.id),
                "put the items inside the groups, or make them a part of their own");
  } else if (!items.empty()) {
    FrameworkGroup group;  // unnamed: the part's own items
    group.items = std::move(items);
    group.where = part.where;
    part.groups.push_back(std::move(group));
  } else if (!groups) {
    diags.error(node.where, fmt::format("framework part '{}' has no groups or items", part.id),
                "add 'groups:' (each with its 'items:'), or 'items:'");
  }
  r.finish();
  return part;
}

}  // namespace

std::optional<StatementAddress> parse_statement_address(const std::string& text) {
  static const std::regex shape(R"(^([a-z0-9]+(?:-[a-z0-9]+)*)(?:/([a-z0-9]+(?:-[a-z0-9]+)*))?#([a-z0-9]+(?:-[a-z0-9]+)*)$)");
  std::smatch m;
  if (!std::regex_match(text, m, shape)) return std::nullopt;
  return StatementAddress{m[1].str(), m[2].str(), m[3].str(), {}};
}

ExternalFramework read_framework(const SourceNode& root, Diagnostics& diags) {
  ExternalFramework fw;
  fw.where = root.where;
  if (!expect_map(root, "a framework file", diags)) return fw;
  MapReader r(root, diags, "framework");
  fw.title = r.text("title", true);
  fw.short_title = r.text("short_title");
  fw.edition = r.text("edition");
  fw.description = markdown_of(r, "description");
  fw.source = markdown_of(r, "source");
  if (const SourceNode* parts = r.find("parts"); parts && expect_list(*parts, "parts", diags))
    for (const auto& p : parts->items) fw.parts.push_back(read_part(p, diags));
  if (!r.find("parts"))
    diags.error(root.where, "framework is missing the required key 'parts'",
                "add 'parts:', e.g. outcomes with their items, and systemic factors");
  r.finish();
  return fw;
}

namespace {

const Statement* find_in(const std::vector<Statement>& items, const std::string& id) {
  const Statement* found = nullptr;
  for_each_statement(items, [&](const Statement& s, int) {
    if (!found && s.id == id) found = &s;
  });
  return found;
}

// Reports an address that names no statement, saying which part of it is wrong.
void check_address(const Site& site, const StatementAddress& a, Diagnostics& diags) {
  const Model* model = site.find_model(a.model);
  if (!model) {
    std::vector<std::string> ids;
    for (const auto& m : site.models) ids.push_back(m.id);
    const auto suggestion = closest_match(a.model, ids);
    // A warning: a mapping may outlive a model that was taken out of content/ (check --strict fails).
    diags.warning(a.where,
                  suggestion ? fmt::format("unknown model '{}' in '{}' (did you mean '{}'?)", a.model, a.text(), *suggestion)
                             : fmt::format("unknown model '{}' in '{}'", a.model, a.text()),
                  "the model is a folder name in content/models/; remove the address if the model is gone");
    return;
  }
  if (a.section.empty()) {
    if (!model->priorities || !find_in(model->priorities->items, a.id))
      diags.error(a.where, fmt::format("model '{}' has no priority '{}'", a.model, a.id),
                  "without a section the address names a priority; write <model>/<section>#<statement-id> for a "
                  "statement of a section");
    return;
  }
  const auto section = std::find_if(model->sections.begin(), model->sections.end(),
                                     [&](const Section& s) { return s.id == a.section; });
  if (section == model->sections.end()) {
    std::vector<std::string> ids;
    for (const auto& s : model->sections) ids.push_back(s.id);
    diags.error(a.where, fmt::format("model '{}' has no section '{}'", a.model, a.section),
                fmt::format("its sections are: {}", join(ids)));
    return;
  }
  for (const auto& block : section->blocks)
    if (find_in(block.items, a.id)) return;
  diags.error(a.where, fmt::format("section '{}' of model '{}' has no statement '{}'", a.section, a.model, a.id),
              "the statement id is the anchor after '#' in its permalink on the section page");
}

}  // namespace

void check_frameworks(const Site& site, Diagnostics& diags) {
  std::vector<std::string> topic_ids;
  for (const auto& t : site.topics) topic_ids.push_back(t.id);
  for (const auto& fw : site.frameworks) {
    std::map<std::string, SourceLocation> ids;  // one page: parts, groups and items share its anchors
    auto claim = [&](const std::string& id, const SourceLocation& where) {
      if (id.empty()) return;
      if (std::find(page_anchors().begin(), page_anchors().end(), id) != page_anchors().end())
        diags.error(where, fmt::format("'{}' is an anchor of the framework page and cannot be an id", id),
                    fmt::format("the page keeps these anchors for its own elements: {}; choose another id",
                                join(page_anchors())));
      auto [it, inserted] = ids.emplace(id, where);
      if (!inserted)
        diags.error(where, fmt::format("duplicate id '{}' in framework '{}'", id, fw.id),
                    fmt::format("'{}' is already used at {}:{}; parts, groups and items need ids of their own", id,
                                it->second.path(), it->second.line));
    };
    for (const auto& part : fw.parts) {
      claim(part.id, part.where);
      for (const auto& group : part.groups) {
        claim(group.id, group.where);
        for (const auto& item : group.items) {
          claim(item.id, item.where);
          for (const auto& topic : item.topics) {
            if (site.find_topic(topic)) continue;
            const auto suggestion = closest_match(topic, topic_ids);
            diags.error(item.topics_where,
                        suggestion ? fmt::format("unknown topic '{}' (did you mean '{}'?)", topic, *suggestion)
                                   : fmt::format("unknown topic '{}'", topic),
                        fmt::format("the topics in topics.yaml are: {}", join(topic_ids)));
          }
          for (const auto& a : item.statements) check_address(site, a, diags);
          for (const auto& a : item.exclude) check_address(site, a, diags);
        }
      }
    }
  }
}

}  // namespace pb::content
