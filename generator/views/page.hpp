#pragma once
// A page to write: its path in the site, and either a template with its data or raw bytes.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model.hpp"

namespace pb {

struct Page {
  std::string path;             // root-relative, e.g. "models/x/index.html"
  std::string template_name;    // empty for raw output (JSON, XML)
  nlohmann::json data;          // template data; the layout wraps HTML pages
  std::string raw;              // bytes for raw output
  bool in_sitemap = true;
};

// Helpers every planner shares: links relative to the page being planned, and the layout's data.
class PageBuilder {
 public:
  PageBuilder(const Site& site, std::string path);

  const std::string& path() const { return path_; }
  // A link from this page to a root-relative target.
  std::string href(const std::string& target) const;

  // Starts the page data with what the layout needs; `title` is the page's <h1> and <title>.
  nlohmann::json layout(const std::string& title, const std::string& description = {}) const;
  // Adds a breadcrumb trail (the last entry is the current page and is not a link).
  void breadcrumbs(nlohmann::json& data, const std::vector<std::pair<std::string, std::string>>& trail) const;

 private:
  const Site& site_;
  std::string path_;
};

// Plain text of inline HTML, for <title> and descriptions.
std::string strip_tags(const std::string& html);

}  // namespace pb
