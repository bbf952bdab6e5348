#pragma once
// A page to write, and the helper every planner uses to build one.
#include <functional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "link/link_graph.hpp"
#include "content/model.hpp"
#include "core/text_util.hpp"

namespace pb::inline views {

struct Page {
  std::string path;             // root-relative, e.g. "models/x/index.html"
  std::string template_name;    // empty for raw output (JSON, XML, JS)
  nlohmann::json data;          // template data; the layout wraps HTML pages
  std::string raw;              // bytes for raw output
};

// A page to be built later, on a rendering thread: its path now (for the sitemap and folders), its
// data only when `make` runs, so a site's pages are never all in memory at once.
struct PageTask {
  std::string path;
  bool in_sitemap = true;
  std::function<Page()> make;
};

// What planners share: the site, its link graph, and per page the links relative to that page and
// the glossary definitions its statements need.
class PageBuilder {
 public:
  PageBuilder(const Site& site, const LinkGraph& graph, std::string path);

  const std::string& path() const { return path_; }
  const Site& site() const { return site_; }
  const LinkGraph& graph() const { return graph_; }
  // A link from this page to a root-relative target.
  std::string href(const std::string& target) const;

  // Starts the page data with what the layout needs; `title` is the page's <h1> and <title>.
  nlohmann::json layout(const std::string& title, const std::string& description = {}) const;
  // "Edit this page": a link to the source file (relative to content/) when site.yaml sets edit_url.
  void edit_link(nlohmann::json& data, const std::string& source) const;
  // Adds a breadcrumb trail (the last entry is the current page and is not a link).
  void breadcrumbs(nlohmann::json& data, const std::vector<std::pair<std::string, std::string>>& trail) const;

  // A statement for a template: id, HTML, permalink label, topic chips, sub-points.
  nlohmann::json statement(const Statement& s);
  // A statement shown away from its section page, with a link to it in context.
  nlohmann::json statement_ref(const StatementRef& ref);
  // "Value 1 · Worker action", to say where a statement comes from.
  std::string place_of(const StatementRef& ref) const;

  // Glossary terms linked in text shown outside statements (a section summary).
  void use_terms(const std::vector<std::string>& terms) { terms_used_.insert(terms.begin(), terms.end()); }

  Page finish(std::string template_name, nlohmann::json data);

 private:
  const Site& site_;
  const LinkGraph& graph_;
  std::string path_;
  std::set<std::string> terms_used_;
};

// "At One Table (June 2023)"
std::string model_name(const Model& m);

}  // namespace pb::views
