#include "link/link_graph.hpp"

#include <algorithm>

#include "compare/text_compare.hpp"
#include "link/urls.hpp"

namespace pb::inline link {

namespace {
// Adds a list of statements and their sub-points, in Statement::index order.
struct Lister {
  const Site& site;
  const std::vector<std::vector<std::uint32_t>>& statement_terms;
  std::vector<StatementRef>& out;
  std::map<std::string, std::vector<std::size_t>>& topics;
  std::map<std::string, std::vector<std::size_t>>& terms;

  void add(const std::vector<Statement>& items, StatementRef place, const std::string& url_base,
           std::vector<std::size_t>* top_level) {
    for (std::uint32_t i = 0; i < items.size(); ++i) {
      const Statement& s = items[i];
      const std::size_t index = out.size();
      StatementRef ref = place;
      ref.index = static_cast<std::uint32_t>(index);
      ref.position = i;
      ref.url = url_base + "#" + s.id;
      out.push_back(ref);
      for (const auto& topic : s.topics) topics[topic].push_back(index);
      if (index < statement_terms.size())
        for (std::uint32_t t : statement_terms[index]) terms[site.terms[t].id].push_back(index);
      if (top_level && place.depth == 0) top_level->push_back(index);
      StatementRef child = place;
      child.parent = static_cast<std::uint32_t>(index);
      child.depth = place.depth + 1;
      add(s.children, child, url_base, nullptr);
    }
  }
};
}  // namespace

const Statement& statement_at(const Site& site, const std::vector<StatementRef>& refs, std::size_t index) {
  const StatementRef& ref = refs.at(index);
  if (ref.parent != no_index) return statement_at(site, refs, ref.parent).children.at(ref.position);
  const Model& model = site.models.at(ref.model);
  if (ref.section == no_index) return model.priorities->items.at(ref.position);
  return model.sections.at(ref.section).blocks.at(ref.block).items.at(ref.position);
}

LinkGraph::LinkGraph(const Site& site, const std::vector<std::vector<std::uint32_t>>& statement_terms, std::nullptr_t) {
  Lister lister{site, statement_terms, statements_, topics_, terms_};
  for (std::uint32_t m = 0; m < site.models.size(); ++m) {
    model_start_.push_back(statements_.size());
    const Model& model = site.models[m];
    // Priorities live on the overview: they have no section or block.
    StatementRef place;
    place.model = m;
    if (model.priorities) lister.add(model.priorities->items, place, urls::model(model), nullptr);
    for (std::uint32_t si = 0; si < model.sections.size(); ++si) {
      const Section& section = model.sections[si];
      for (std::uint32_t b = 0; b < section.blocks.size(); ++b) {
        const Block& block = section.blocks[b];
        std::vector<std::size_t>* actions =
            block.kind == BlockKind::actions ? &actions_[{model.id, block.role}] : nullptr;
        place.section = si;
        place.block = b;
        lister.add(block.items, place, urls::section(model, section), actions);
      }
    }
  }
  model_start_.push_back(statements_.size());
  for (const auto& [key, list] : actions_)
    if (!list.empty()) roles_with_actions_.insert(key.second);
}

void LinkGraph::add_shared_language(SharedLanguage shared) {
  shared_ = std::move(shared.clusters);
  shared_stats_ = shared.stats;
  cluster_models_.resize(shared_.size());
  for (std::size_t c = 0; c < shared_.size(); ++c) {
    for (const auto& member : shared_[c].members) {
      clusters_of_[member.text].push_back(c);
      cluster_models_[c].push_back(statements_[member.text].model);
    }
    std::sort(cluster_models_[c].begin(), cluster_models_[c].end());
    cluster_models_[c].erase(std::unique(cluster_models_[c].begin(), cluster_models_[c].end()), cluster_models_[c].end());
  }
  // A cluster is on a topic when one of its statements is: found from the topic's statements, so a
  // topic's pages need not read every cluster of the site.
  for (const auto& [topic, indexes] : topics_) {
    std::vector<std::size_t>& clusters = topic_clusters_[topic];
    for (std::size_t index : indexes) {
      const auto& of = clusters_of(index);
      clusters.insert(clusters.end(), of.begin(), of.end());
    }
    std::sort(clusters.begin(), clusters.end());
    clusters.erase(std::unique(clusters.begin(), clusters.end()), clusters.end());
  }
}

SharedLanguage find_site_shared_language(const Site& site) {
  // Current editions only: an archived edition would repeat every cluster of its successor.
  std::vector<std::uint32_t> members;  // site statement index of each text
  std::vector<SharedText> texts;
  std::map<std::string, std::uint32_t> family_number;
  std::uint32_t index = 0;
  for (const Model& model : site.models) {
    const bool current = model.superseded_by.empty();
    const auto family = family_number.emplace(model.family, static_cast<std::uint32_t>(family_number.size())).first->second;
    auto walk = [&](auto& self, const std::vector<Statement>& items) -> void {
      for (const Statement& s : items) {
        if (current) {
          members.push_back(index);
          texts.push_back({s.text.source, family});
        }
        ++index;
        self(self, s.children);
      }
    };
    if (model.priorities) walk(walk, model.priorities->items);
    for (const auto& section : model.sections)
      for (const auto& block : section.blocks) walk(walk, block.items);
  }
  SharedLanguageOptions options;
  options.words_jaccard = site.config.shared_language_threshold;
  options.idea_cosine = site.config.same_idea_threshold;
  // The glossary's names for one thing, and the synonyms policy teams keep, mean the same here too.
  for (const auto& group : site.synonyms) options.synonyms.push_back(group.words);
  for (const auto& term : site.terms) {
    std::vector<std::string> names{term.term};
    if (!term.abbreviation.empty()) names.push_back(term.abbreviation);
    names.insert(names.end(), term.aliases.begin(), term.aliases.end());
    if (names.size() > 1) options.synonyms.push_back(std::move(names));
  }
  SharedLanguage out;
  out.clusters = compare::find_shared_language(texts, options, &out.stats);
  for (auto& cluster : out.clusters)
    for (auto& member : cluster.members) member.text = members[member.text];
  return out;
}

const std::vector<std::size_t>& LinkGraph::clusters_of(std::size_t statement) const {
  auto it = clusters_of_.find(statement);
  return it == clusters_of_.end() ? none_ : it->second;
}

const std::vector<std::size_t>& LinkGraph::clusters_on_topic(const std::string& topic) const {
  auto it = topic_clusters_.find(topic);
  return it == topic_clusters_.end() ? none_ : it->second;
}

const std::vector<std::size_t>& LinkGraph::by_topic(const std::string& topic) const {
  auto it = topics_.find(topic);
  return it == topics_.end() ? none_ : it->second;
}

std::pair<std::size_t, std::size_t> LinkGraph::statements_of(std::uint32_t model) const {
  if (model + 1 >= model_start_.size()) return {0, 0};
  return {model_start_[model], model_start_[model + 1]};
}

std::span<const std::size_t> LinkGraph::by_topic_in_model(const std::string& topic, std::uint32_t model) const {
  const std::vector<std::size_t>& all = by_topic(topic);
  if (model + 1 >= model_start_.size()) return {};
  const auto first = std::lower_bound(all.begin(), all.end(), model_start_[model]);
  const auto last = std::lower_bound(first, all.end(), model_start_[model + 1]);
  return {first, last};
}

const std::vector<std::size_t>& LinkGraph::by_term(const std::string& term) const {
  auto it = terms_.find(term);
  return it == terms_.end() ? none_ : it->second;
}

const std::vector<std::size_t>& LinkGraph::actions(const Model& model, const std::string& role) const {
  auto it = actions_.find({model.id, role});
  return it == actions_.end() ? none_ : it->second;
}

bool LinkGraph::has_actions(const Model& model) const {
  auto it = actions_.lower_bound({model.id, ""});
  return it != actions_.end() && it->first.first == model.id;
}

}  // namespace pb::link
