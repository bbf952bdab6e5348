#pragma once
// A page to write, and the helper every planner uses to build one.
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "content/model.hpp"
#include "core/text_util.hpp"
#include "link/linked_site.hpp"
#include "views/page_data.hpp"

namespace pb::inline views {

struct Page {
  std::string path;             // root-relative, e.g. "models/x/index.html"
  std::string template_name;    // empty for raw output (JSON, XML, JS)
  Data data;                    // template data; the layout wraps HTML pages
  std::string raw;              // bytes for raw output
};

// A page to be built later, on a rendering thread: its path now (for the sitemap and folders), its
// data only when `make` runs, so a site's pages are never all in memory at once.
struct PageTask {
  std::string path;
  bool in_sitemap = true;
  std::function<Page()> make;
  // Rendered before the others: it makes what many later pages wait for (a framework's crosswalk),
  // so the other threads render pages meanwhile instead of waiting with it.
  bool first = false;
};

// What planners share: the linked site, and per page the links relative to that page and the
// glossary definitions its texts need.
class PageBuilder {
 public:
  PageBuilder(const LinkedSite& linked, std::string path);

  const std::string& path() const { return path_; }
  const LinkedSite& linked() const { return linked_; }
  const Site& site() const { return linked_.site(); }
  const LinkGraph& graph() const { return linked_.graph(); }
  // A link from this page to a root-relative target.
  std::string href(const std::string& target) const;

  // A text's HTML for this page: its links resolved from this page, its glossary terms' definitions
  // added to the page (for aria-describedby).
  std::string html(const Markdown& m);
  std::string html(const LinkedHtml& h);
  // A text without markup (titles, descriptions).
  std::string plain(const Markdown& m) const { return linked_.plain_text(m); }

  // Starts the page data with what the layout needs; `title` is the page's <h1> and <title>.
  Data layout(const std::string& title, const std::string& description = {}) const;
  // "Edit this page": a link to the source file (relative to content/) when site.yaml sets edit_url.
  void edit_link(Data& data, const std::string& source) const;
  // Adds a breadcrumb trail (the last entry is the current page and is not a link).
  void breadcrumbs(Data& data, const std::vector<std::pair<std::string, std::string>>& trail) const;

  // A statement for a template: id, HTML, permalink label, topic chips, sub-points.
  Data statement(const Statement& s);
  // A statement shown away from its section page, with a link to it in context.
  Data statement_ref(const StatementRef& ref);
  // "Value 1 · Worker action", to say where a statement comes from.
  const std::string& place_of(const StatementRef& ref) const { return linked_.place(ref); }
  // The anchor of a shared-language cluster on compare/shared-language/: its first statement's.
  std::string cluster_anchor(const Cluster& cluster) const;

  Page finish(std::string template_name, Data data);

 private:
  const LinkedSite& linked_;
  std::string path_;
  std::string root_;  // this page's path to the site root: "", "../", "../../", …
  std::set<std::uint32_t> terms_used_;
};

// A table block for a template: caption, header cells, rows (each anchored <block>-row-<n>), the first
// cell of a row as its row header.
Data table_data(const Block& block, PageBuilder& page);

// The tags of a list at `depth` of a block: <ol> with the document's start and marker, or <ul>.
std::pair<std::string, std::string> list_tags(const Block& block, std::size_t depth, const std::string& classes);

// "At One Table (June 2023)"
std::string model_name(const Model& m);

// Whether some model has actions for the role, or for a role that is part of it. roles.yaml is a
// shared vocabulary, larger than what the models of one site address: only these roles get pages and
// a place in the lists of roles.
bool role_addressed(const LinkedSite& linked, const Role& role);

// The sentence(s) a shared-language cluster member shares, within its statement's text.
std::string_view shared_sentence(const LinkedSite& linked, const ClusterMember& member);

// A name as it reads inside a sentence: "Workers" → "workers" (headings are sentences: "What is
// expected of workers"); a name that starts with an abbreviation ("CPS workers") or is in title case
// ("Social Workers") stays as it is.
std::string in_sentence(std::string name);

// Text for an element's content: & < > escaped, quotes kept as written ("Do I…?" stays as it reads).
inline std::string text_html(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

}  // namespace pb::views
