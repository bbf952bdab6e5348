#pragma once
// Who refers to what: every statement with its place (model, section, block), statements by topic,
// actions by model and role, glossary backlinks. Built once; the page planners only read it.
#include <map>
#include <string>
#include <vector>

#include "model.hpp"

namespace pb {

struct StatementRef {
  const Model* model;
  const Section* section;
  const Block* block;
  const Statement* statement;
  int depth;                   // 0 for a statement, 1 for a sub-point
  std::string url;             // root-relative, with the #anchor
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

 private:
  std::vector<StatementRef> statements_;
  std::map<std::string, std::vector<std::size_t>> topics_, terms_;
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> actions_;  // (model, role)
  std::vector<std::size_t> none_;
};

}  // namespace pb
