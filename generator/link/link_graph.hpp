#pragma once
// Who refers to what: every statement with its place (model, section, block), statements by topic,
// actions by model and role, glossary backlinks, shared language. Places are indexes into the Site,
// never pointers; LinkedSite turns them back into records.
#include <cstdint>
#include <map>
#include <set>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "compare/shared_language.hpp"
#include "content/model.hpp"

namespace pb::inline link {

inline constexpr std::uint32_t no_index = 0xFFFFFFFF;

// Where a statement is: its index in statements() is its Statement::index.
struct StatementRef {
  std::uint32_t index = 0;             // its index in LinkGraph::statements() (= Statement::index)
  std::uint32_t model = 0;             // index into site.models
  std::uint32_t section = no_index;    // index into the model's sections; none for a priority
  std::uint32_t block = no_index;      // index into the section's blocks
  std::uint32_t parent = no_index;     // the statement this one is a sub-point of
  std::uint32_t position = 0;          // its place in its list (the block's, the priorities', the parent's)
  int depth = 0;                       // 0 for a statement, 1 for a sub-point, …
  std::string url;                     // root-relative, with the #anchor
};


// The statement at `index` of `refs`, found through its place (sub-points through their parents).
const Statement& statement_at(const Site& site, const std::vector<StatementRef>& refs, std::size_t index);

// Shared language across model families among the current editions' statements; a member's `text`
// is the statement's index in site order (for_each_site_statement). It needs only the sources, so
// link_site finds it beside the Markdown rendering.
struct SharedLanguage {
  std::vector<Cluster> clusters;
  SharedLanguageStats stats;
};
SharedLanguage find_site_shared_language(const Site& site);

class LinkGraph {
 public:
  // `statement_terms[statement index]` gives the glossary terms (indexes) a statement mentions.
  LinkGraph(const Site& site, const std::vector<std::vector<std::uint32_t>>& statement_terms, SharedLanguage shared)
      : LinkGraph(site, statement_terms, nullptr) {
    add_shared_language(std::move(shared));
  }
  // Finds the shared language itself.
  LinkGraph(const Site& site, const std::vector<std::vector<std::uint32_t>>& statement_terms)
      : LinkGraph(site, statement_terms, find_site_shared_language(site)) {}
  // Lists the statements only; add_shared_language must follow before the graph is read. link_site
  // lists them while the shared language is still being found on other threads.
  LinkGraph(const Site& site, const std::vector<std::vector<std::uint32_t>>& statement_terms, std::nullptr_t);
  void add_shared_language(SharedLanguage shared);

  const std::vector<StatementRef>& statements() const { return statements_; }
  // The indexes into statements() of site.models[model]'s statements: one run, [first, second).
  std::pair<std::size_t, std::size_t> statements_of(std::uint32_t model) const;
  // Indexes into statements(), in site order.
  const std::vector<std::size_t>& by_topic(const std::string& topic) const;
  // The part of by_topic(topic) in site.models[model]: a page of a few models reads its own statements,
  // not the whole site's (a model's statements are one run of indexes).
  std::span<const std::size_t> by_topic_in_model(const std::string& topic, std::uint32_t model) const;
  const std::vector<std::size_t>& by_term(const std::string& term) const;
  const std::vector<std::size_t>& actions(const Model& model, const std::string& role) const;
  bool has_actions(const Model& model) const;
  // Whether some model has actions by this role.
  bool role_has_actions(const std::string& role) const { return roles_with_actions_.count(role) > 0; }
  // Whether any model has actions by role (every page's navigation links the roles then).
  bool any_actions() const { return !actions_.empty(); }
  // Shared language across model families (current editions only), the widest clusters first;
  // a member's `text` is its index in statements().
  const std::vector<Cluster>& shared_language() const { return shared_; }
  // The clusters a statement is in, as indexes into shared_language().
  const std::vector<std::size_t>& clusters_of(std::size_t statement) const;
  // The clusters with a member on the topic, in shared_language() order.
  const std::vector<std::size_t>& clusters_on_topic(const std::string& topic) const;
  // The models that say cluster `c` (indexes into site.models, ascending): worked out once, since
  // every page of a topic reads them for each of its rows.
  const std::vector<std::uint32_t>& models_of_cluster(std::size_t c) const { return cluster_models_[c]; }
  const SharedLanguageStats& shared_language_stats() const { return shared_stats_; }

 private:
  std::vector<StatementRef> statements_;
  std::vector<std::size_t> model_start_;  // by model: the index of its first statement; then the count
  std::map<std::string, std::vector<std::size_t>> topics_, terms_;
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> actions_;  // (model, role)
  std::set<std::string> roles_with_actions_;
  std::vector<std::size_t> none_;
  std::vector<Cluster> shared_;
  std::unordered_map<std::size_t, std::vector<std::size_t>> clusters_of_;
  std::map<std::string, std::vector<std::size_t>> topic_clusters_;
  std::vector<std::vector<std::uint32_t>> cluster_models_;
  SharedLanguageStats shared_stats_;
};

}  // namespace pb::link
