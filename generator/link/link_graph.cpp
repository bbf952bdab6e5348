#include "link/link_graph.hpp"

#include "compare/similarity_index.hpp"
#include "compare/text_compare.hpp"
#include "link/urls.hpp"

namespace pb::inline link {

LinkGraph::LinkGraph(const Site& site) {
  for (const auto& model : site.models) {
    // Priorities live on the overview: they have no section or block.
    if (model.priorities)
      for_each_statement(model.priorities->items, [&](const Statement& s, int depth) {
        const std::size_t index = statements_.size();
        statements_.push_back({&model, nullptr, nullptr, &s, depth, urls::priority(model, s)});
        for (const auto& topic : s.topics) topics_[topic].push_back(index);
        for (const auto& term : s.terms) terms_[term].push_back(index);
      });
    for (const auto& section : model.sections)
      for (const auto& block : section.blocks)
        for_each_statement(block.items, [&](const Statement& s, int depth) {
          const std::size_t index = statements_.size();
          statements_.push_back({&model, &section, &block, &s, depth, urls::statement(model, section, s)});
          for (const auto& topic : s.topics) topics_[topic].push_back(index);
          for (const auto& term : s.terms) terms_[term].push_back(index);
          if (block.kind == BlockKind::actions && depth == 0) actions_[{model.id, block.role}].push_back(index);
        });
  }
  for (std::size_t i = 0; i < statements_.size(); ++i) index_[statements_[i].statement] = i;
  find_shared_wording(site);
}

namespace {
constexpr std::size_t min_shingles = 4;  // five words: shorter statements match by accident
}

void LinkGraph::find_shared_wording(const Site& site) {
  // Current editions only: an archived edition would repeat every pair of its successor.
  std::vector<std::size_t> members;
  std::vector<std::vector<std::uint64_t>> sets;
  std::vector<std::size_t> groups;
  std::map<std::string, std::size_t> family_number;
  for (std::size_t i = 0; i < statements_.size(); ++i) {
    const StatementRef& ref = statements_[i];
    if (!ref.model->superseded_by.empty()) continue;
    auto set = shingles(ref.statement->text.source);
    if (set.size() < min_shingles) continue;
    members.push_back(i);
    sets.push_back(std::move(set));
    groups.push_back(family_number.emplace(ref.model->family, family_number.size()).first->second);
  }
  SimilarityStats stats;
  for (const auto& p : find_similar(sets, groups, site.config.shared_language_threshold, &stats)) {
    std::size_t a = members[p.a], b = members[p.b];
    if (statements_[b].model->id < statements_[a].model->id) std::swap(a, b);
    shared_of_[a].push_back(shared_.size());
    shared_of_[b].push_back(shared_.size());
    shared_.push_back({a, b, p.score});
  }
  comparisons_ = stats.candidates;
}

std::optional<std::size_t> LinkGraph::index_of(const Statement& s) const {
  auto it = index_.find(&s);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

const std::vector<std::size_t>& LinkGraph::shared_wording_of(std::size_t statement) const {
  auto it = shared_of_.find(statement);
  return it == shared_of_.end() ? none_ : it->second;
}

const std::vector<std::size_t>& LinkGraph::by_topic(const std::string& topic) const {
  auto it = topics_.find(topic);
  return it == topics_.end() ? none_ : it->second;
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
