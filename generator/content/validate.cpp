#include "content/validate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "content/frameworks.hpp"
#include "core/parallel.hpp"
#include "core/text_util.hpp"

namespace pb::inline content {

bool is_reserved_section_id(const std::string& id) {
  return id == "roles" || id == "changes" || id == "model.json" || id == "model-json";
}

const std::vector<std::string>& template_anchors(std::string_view template_name) {
  static const std::map<std::string, std::vector<std::string>, std::less<>> anchors{
      {"layout", {"main-content", "site-search-input"}},
      {"model", {"vision", "priorities", "letter", "framework", "contents", "roles", "rubric", "notes", "editions"}},
      {"section", {"definition", "related-roles", "related-editions"}},
      {"role", {"other-roles"}},
  };
  static const std::vector<std::string> none;
  const auto it = anchors.find(template_name);
  return it == anchors.end() ? none : it->second;
}

namespace {

// The anchors a page keeps for its own elements: its template's and the layout's, def-<term> for the
// glossary terms it uses (any term, as the text may change), and `extra` (a section page's block ids).
class PageAnchors {
 public:
  PageAnchors(const Site& site, std::string_view template_name, std::vector<std::string> extra = {})
      : fixed_(template_anchors("layout")), extra_(std::move(extra)) {
    for (const auto& anchor : template_anchors(template_name)) fixed_.push_back(anchor);
    for (const auto& term : site.terms) terms_.insert("def-" + term.id);
  }

  bool contains(const std::string& id) const {
    return std::find(fixed_.begin(), fixed_.end(), id) != fixed_.end() || terms_.count(id) || is_note_anchor(id) ||
           std::find(extra_.begin(), extra_.end(), id) != extra_.end();
  }

  // "main-content, …, editions, and def-<term> for each glossary term"
  std::string listed() const {
    return join(fixed_) + ", def-<term> for each glossary term, fn-<n> and fnref-<model>-<n> for footnotes";
  }

 private:
  // Notes are anchored fn-1, fn-2, … on the overview, their references fnref-<model>-<n> wherever shown.
  static bool is_note_anchor(const std::string& id) { return id.starts_with("fn-") || id.starts_with("fnref-"); }

 public:

 private:
  std::vector<std::string> fixed_, extra_;
  std::set<std::string> terms_;
};

// A statement's id is its anchor on the page that shows it (the overview for priorities, its section
// page for the rest), and a section's role-page group is anchored <model>-<section>: none may repeat
// an anchor the page already has, or the link to it lands on the wrong element.
void check_page_anchors(const Site& site, const Model& model, Diagnostics& diags) {
  auto where_of = [](const Statement& s) -> const SourceLocation& { return s.explicit_id ? s.id_where : s.text.where; };
  if (model.priorities) {
    const PageAnchors overview(site, "model");
    for_each_statement(model.priorities->items, [&](const Statement& s, int) {
      if (overview.contains(s.id))
        diags.error(where_of(s), fmt::format("statement id '{}' is also an anchor of the model's overview page", s.id),
                    fmt::format("the overview keeps these anchors for its own elements: {}; give the statement "
                                "another id", overview.listed()));
    });
  }
  const PageAnchors role_page(site, "role");
  for (const auto& section : model.sections) {
    std::vector<std::string> block_ids;
    for (const auto& block : section.blocks) block_ids.push_back(block.key);
    const PageAnchors section_page(site, "section", block_ids);
    for (const auto& block : section.blocks)
      for_each_statement(block.items, [&](const Statement& s, int) {
        if (section_page.contains(s.id))
          diags.error(where_of(s), fmt::format("statement id '{}' is also an anchor of its section page", s.id),
                      fmt::format("a section page keeps these anchors for its own elements: {}, and the ids of its "
                                  "blocks (here: {}); give the statement another id",
                                  section_page.listed(), join(block_ids)));
      });
    if (const std::string anchor = model.id + "-" + section.id; !section.id.empty() && role_page.contains(anchor))
      diags.error(section.where,
                  fmt::format("section id '{}' makes the anchor '{}' on the role pages of model '{}', which they "
                              "already use", section.id, anchor, model.id),
                  fmt::format("a role page keeps these anchors for its own elements: {}; it anchors each section "
                              "as <model>-<section>; choose another section id", role_page.listed()));
  }
}

// Reports the second and later uses of an id, pointing back at the first.
template <typename T, typename GetId>
void check_unique(const std::vector<T>& items, GetId get_id, std::string_view what, Diagnostics& diags) {
  std::map<std::string, const SourceLocation*> first;
  for (const auto& item : items) {
    const auto& [id, where] = get_id(item);
    if (id.empty()) continue;
    auto [it, inserted] = first.emplace(id, &where);
    if (!inserted)
      diags.error(where, fmt::format("duplicate {} id '{}'", what, id),
                  fmt::format("'{}' is already used at {}:{}; ids must be unique", id, it->second->path(),
                              it->second->line));
  }
}

std::vector<std::string> ids_of(const auto& records) {
  std::vector<std::string> out;
  for (const auto& r : records) out.push_back(r.id);
  return out;
}

class SectionChecker {
 public:
  SectionChecker(const Site& site, Diagnostics& diags, const UntaggedHint& untagged_hint)
      : site_(site), diags_(diags), untagged_hint_(untagged_hint) {
    role_ids_ = ids_of(site.roles);
    topic_ids_ = ids_of(site.topics);
  }

  void check(const Section& section) {
    std::map<std::string, SourceLocation> anchors;
    std::size_t statements = 0;
    for (const auto& block : section.blocks) {
      if (block.kind == BlockKind::actions && !block.role.empty()) check_role(block.role, block.role_where);
      if (block.kind != BlockKind::text && block.kind != BlockKind::table && block.items.empty())
        diags_.warning(block.where, fmt::format("the {} block has no statements", block_kind_name(block.kind)),
                       "add 'items', or remove the block");
      for_each_statement(block.items, [&](const Statement& s, int) {
        ++statements;
        check_statement(s, section, anchors);
      });
    }
    if (statements == 0 && section.intro.empty())
      diags_.warning(section.where, fmt::format("section '{}' has no statements", section.id),
                     "add a block with items");
  }

  // A role named by a model: an id of roles.yaml, or one of its aliases (any letter case).
  void check_role(const std::string& name, const SourceLocation& where) {
    if (site_.resolve_role(name)) return;
    const auto suggestion = closest_match(name, role_ids_);
    diags_.error(where,
                 suggestion ? fmt::format("unknown role '{}' (did you mean '{}'?)", name, *suggestion)
                            : fmt::format("unknown role '{}'", name),
                 role_ids_.empty() ? "define roles in roles.yaml"
                                   : fmt::format("the roles in roles.yaml are: {}; add '{}' to the 'aliases' of one of "
                                                 "them, or a new role",
                                                 join(role_ids_), name));
  }

  void check_statement(const Statement& s, const Section& section, std::map<std::string, SourceLocation>& anchors) {
    const SourceLocation& where = s.explicit_id ? s.id_where : s.text.where;
    auto [it, inserted] = anchors.emplace(s.id, where);
    if (!inserted)
      diags_.error(where, fmt::format("duplicate statement id '{}' in section '{}'", s.id, section.id),
                   fmt::format("'{}' is already the id of the statement at line {}; give this one another id",
                               s.id, it->second.line));
    if (s.topics.empty() && !site_.topics.empty()) {
      std::string hint = "add 'topics: [...]' with ids from topics.yaml so it appears in the comparisons";
      if (untagged_hint_)
        if (const std::string more = untagged_hint_(site_, s); !more.empty()) hint += "; " + more;
      diags_.warning(s.text.where, "statement has no topics", std::move(hint));
    }
    std::set<std::string> seen;
    for (const auto& topic : s.topics) {
      if (!seen.insert(topic).second)
        diags_.warning(s.text.where, fmt::format("topic '{}' is listed twice", topic));
      if (site_.find_topic(topic)) continue;
      const auto suggestion = closest_match(topic, topic_ids_);
      diags_.error(s.text.where,
                   suggestion ? fmt::format("unknown topic '{}' (did you mean '{}'?)", topic, *suggestion)
                              : fmt::format("unknown topic '{}'", topic),
                   fmt::format("the topics in topics.yaml are: {}", join(topic_ids_)));
    }
  }

 private:
  const Site& site_;
  Diagnostics& diags_;
  const UntaggedHint& untagged_hint_;
  std::vector<std::string> role_ids_, topic_ids_;
};

void check_editions(const Site& site, Diagnostics& diags) {
  for (const auto& model : site.models) {
    if (model.supersedes.empty()) continue;
    const Model* older = site.find_model(model.supersedes);
    if (!older) {
      const auto suggestion = closest_match(model.supersedes, ids_of(site.models));
      diags.error(model.supersedes_where,
                  suggestion ? fmt::format("unknown model '{}' in 'supersedes' (did you mean '{}'?)",
                                           model.supersedes, *suggestion)
                             : fmt::format("unknown model '{}' in 'supersedes'", model.supersedes),
                  "'supersedes' names the folder of the edition this one replaces, in content/models/");
      continue;
    }
    if (older->family != model.family)
      diags.error(model.supersedes_where,
                  fmt::format("'{}' supersedes '{}', which belongs to another family ('{}' and '{}')", model.id,
                              older->id, model.family, older->family),
                  "editions of one model share the same 'family'");
    // Follow the chain: an edition must never, through others, supersede itself.
    std::set<std::string> visited{model.id};
    for (const Model* m = older; m && !m->supersedes.empty(); m = site.find_model(m->supersedes)) {
      if (!visited.insert(m->id).second || m->supersedes == model.id) {
        diags.error(model.supersedes_where, fmt::format("'supersedes' forms a cycle through '{}'", m->id),
                    "each edition names only the older edition it replaces");
        break;
      }
    }
  }
  // Two editions claiming to replace the same one leave "the current edition" undefined.
  std::map<std::string, const Model*> replaced_by;
  for (const auto& model : site.models) {
    if (model.supersedes.empty()) continue;
    auto [it, inserted] = replaced_by.emplace(model.supersedes, &model);
    if (!inserted)
      diags.error(model.supersedes_where,
                  fmt::format("'{}' is superseded by both '{}' and '{}'", model.supersedes, it->second->id, model.id),
                  "only the next edition names an edition in 'supersedes'");
  }
}

// A model names a role by id, title, plural or alias (any letter case): each name must lead to one role.
void check_role_names(const Site& site, Diagnostics& diags) {
  std::map<std::string, const Role*> owner;
  for (const auto& role : site.roles) {
    std::set<std::string> names{lowercase(role.id), lowercase(role.title), lowercase(role.plural)};
    for (const auto& alias : role.aliases) names.insert(lowercase(alias));
    for (const auto& name : names) {
      if (name.empty()) continue;
      const auto [it, inserted] = owner.emplace(name, &role);
      if (!inserted && it->second->id != role.id)
        diags.error(role.where, fmt::format("role '{}' is also called '{}', a name of role '{}'", role.id, name,
                                            it->second->id),
                    "a name (id, title, plural or alias) must lead to one role: remove it from one of them");
    }
  }
}

}  // namespace

void validate_site(const Site& site, Diagnostics& diags, const UntaggedHint& untagged_hint) {
  auto id_and_where = [](const auto& r) { return std::pair<const std::string&, const SourceLocation&>(r.id, r.where); };
  check_unique(site.roles, id_and_where, "role", diags);
  for (const auto& role : site.roles)
    if (!role.part_of.empty() && (!site.find_role(role.part_of) || role.part_of == role.id))
      diags.error(role.where, fmt::format("role '{}' is part of '{}', which is not another role in roles.yaml", role.id,
                                          role.part_of),
                  fmt::format("'part_of' names a broader role's id: {}", join(ids_of(site.roles))));
  check_role_names(site, diags);
  check_unique(site.topics, id_and_where, "topic", diags);
  check_unique(site.terms, id_and_where, "glossary term", diags);

  for (const auto& term : site.terms)
    for (const auto& other : term.see_also) {
      if (std::none_of(site.terms.begin(), site.terms.end(), [&](const Term& t) { return t.id == other; }))
        diags.error(term.where, fmt::format("unknown glossary term '{}' in 'see_also' of '{}'", other, term.id),
                    "'see_also' lists ids of other entries in glossary.yaml");
    }

  // handouts/<model>/ sits beside handouts/compare/ (the topic sheets) and handouts/states/ (a large
  // site's handouts by state).
  for (const auto& model : site.models)
    if (model.id == "compare" || model.id == "states")
      diags.error(location_in(std::make_shared<const std::string>(model.dir)),
                  fmt::format("'{}' is a reserved name and cannot be a model id", model.id), "rename the model's folder");
  check_editions(site, diags);
  check_frameworks(site, diags);
  SectionChecker sections(site, diags, untagged_hint);
  // Models are checked on every core: each reads only the site and its own model, and diagnostics
  // are sorted by position before they are printed, so the order they arrive in does not show.
  ParallelTask task{.count = site.models.size(), .min_per_thread = 8,
                    .name = [&](std::size_t m) { return site.models[m].dir; }};
  parallel_for(task, [&](std::size_t m, unsigned) {
    const Model& model = site.models[m];
    check_unique(model.sections, id_and_where, "section", diags);
    if (model.sections.empty())
      diags.warning(model.where, fmt::format("model '{}' has no sections", model.id),
                    fmt::format("add files to {}/sections/, e.g. 01-<id>.yaml", model.dir));
    for (const auto& section : model.sections) {
      if (is_reserved_section_id(section.id))
        diags.error(section.where, fmt::format("'{}' is a reserved name and cannot be a section id", section.id),
                    "'roles', 'changes' and 'model.json' are pages of every model; choose another id");
      sections.check(section);
    }
    check_page_anchors(site, model, diags);
    // A model addresses the roles its documents name, no more: nothing asks for a role it never mentions.
    for (const auto& role : model.roles) sections.check_role(role.id, role.where);
    if (model.rubric)
      for (const auto& role : model.rubric->roles) sections.check_role(role, model.rubric->roles_where);
    if (model.priorities) {
      std::map<std::string, SourceLocation> anchors;
      Section overview;
      overview.id = "overview";
      for_each_statement(model.priorities->items,
                         [&](const Statement& s, int) { sections.check_statement(s, overview, anchors); });
    }
  }, diags);
}

}  // namespace pb::content
