// The search page and its index.
#include "views/search_index.hpp"
#include "link/urls.hpp"
#include "views/plan.hpp"

namespace pb::inline views {

namespace {

Page search_page(const LinkedSite& linked) {
  const Site& site = linked.site();
  using json = nlohmann::json;
  PageBuilder page(linked, urls::search());
  json d = page.layout("Search", "Search every statement, role action, value and glossary term");
  page.breadcrumbs(d, {{"Home", urls::home()}, {"Search", urls::search()}});
  json models = json::array(), roles = json::array();
  for (const auto& m : site.models) models.push_back({{"id", m.id}, {"title", model_name(m)}});
  for (const auto& r : site.roles)
    if (role_addressed(linked, r)) roles.push_back({{"id", r.id}, {"title", r.plural}});
  d["models"] = std::move(models);
  d["roles"] = std::move(roles);
  d["index_href"] = page.href(urls::search_index());
  d["lunr_href"] = page.href(urls::asset("lunr.min.js"));
  d["core_href"] = page.href(urls::asset("search-core.js"));
  d["is_search_page"] = true;
  return page.finish("search.html", std::move(d));
}

Page search_index_file(const LinkedSite& linked) {
  Page index;
  index.path = urls::search_index();
  index.raw = build_search_index(linked);
  return index;
}

}  // namespace

std::vector<PageTask> plan_search(const LinkedSite& linked) {
  return {{urls::search(), true, [&] { return search_page(linked); }},
          {urls::search_index(), false, [&] { return search_index_file(linked); }}};
}

}  // namespace pb::views
