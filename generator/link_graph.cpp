#include "link_graph.hpp"

#include "urls.hpp"

namespace pb {

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

}  // namespace pb
