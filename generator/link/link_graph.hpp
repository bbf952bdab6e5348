#pragma once
// Who refers to what: every statement with its place (model, section, block), statements by topic,
// actions by model and role, glossary backlinks. Built once; the page planners only read it.
#include <map>
#include <optional>
#include <unordered_map>
#include <string>
#include <vector>

#include "content/model.hpp"

namespace pb::inline link {

struct StatementRef {
  const Model* model;
  const Section* section;
  const Block* block;
  const Statement* statement;
  int depth;                   // 0 for a statement, 1 for a sub-point
  std::string url;             // root-relative, with the #anchor
};

// Two statements of different model families in nearly the same words.
struct SharedWording {
  std::size_t a, b;  // indexes into statements(); a's model sorts first
  double score;      // Jaccard similarity of their word pairs
};

class LinkGraph {
 public:
  explicit LinkGraph(const Site& site);

  const std::vector<StatementRef>& statements() const { return statements_; }
  // Indexes into statements(), in site order.
  const std::vector<std::size_t>& by_topic(const std::string& topic) const;
  const std::vector<std::size_t>& by_term(const std::string& term) const;
  const std::vector<std::size_t>& actions(const Model& model, const std::string& role) const;
  bool has_actions(const Model& model) const;
  // The statement's index in statements(), if it is one (sections' statements and priorities).
  std::optional<std::size_t> index_of(const Statement& s) const;
  // Shared language across model families (current editions only), strongest first.
  const std::vector<SharedWording>& shared_wording() const { return shared_; }
  // The pairs a statement takes part in, as indexes into shared_wording().
  const std::vector<std::size_t>& shared_wording_of(std::size_t statement) const;
  std::size_t similarity_comparisons() const { return comparisons_; }

 private:
  void find_shared_wording(const Site& site);

  std::vector<StatementRef> statements_;
  std::map<std::string, std::vector<std::size_t>> topics_, terms_;
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> actions_;  // (model, role)
  std::vector<std::size_t> none_;
  std::unordered_map<const Statement*, std::size_t> index_;
  std::vector<SharedWording> shared_;
  std::unordered_map<std::size_t, std::vector<std::size_t>> shared_of_;
  std::size_t comparisons_ = 0;
};

}  // namespace pb::link
