// The search page and its index: the head (search-index.js) and its shards (search/shard-N.js).
#include <memory>

#include "views/search_index.hpp"
#include "link/urls.hpp"
#include "views/plan.hpp"

namespace pb::inline views {

namespace {

Page search_page(const LinkedSite& linked) {
  const Site& site = linked.site();
  PageBuilder page(linked, urls::search());
  Data d = page.layout("Search", "Search every statement, role action, value and glossary term");
  page.breadcrumbs(d, {{"Home", urls::home()}, {"Search", urls::search()}});
  Data models = list(), roles = list();
  for (const auto& m : site.models) push(models, object("id", m.id, "title", model_name(m)));
  for (const auto& r : site.roles)
    if (role_addressed(linked, r)) push(roles, object("id", r.id, "title", r.plural));
  set(d, "models", std::move(models));
  set(d, "roles", std::move(roles));
  set(d, "index_href", page.href(urls::search_index()));
  set(d, "lunr_href", page.href(urls::asset("lunr.min.js")));
  set(d, "core_href", page.href(urls::asset("search-core.js")));
  set(d, "is_search_page", true);
  return page.finish("search.html", std::move(d));
}

Page script(std::string path, std::string js) {
  Page page;
  page.path = std::move(path);
  page.raw = std::move(js);
  return page;
}

}  // namespace

std::vector<PageTask> plan_search(const LinkedSite& linked) {
  // The shards are planned now (their paths are in the head), and each is built by its own task.
  auto shards = std::make_shared<const SearchShards>(plan_search_shards(linked));
  std::vector<PageTask> tasks{
      {urls::search(), true, [&] { return search_page(linked); }},
      {urls::search_index(), false, [&linked, shards] {
         return script(urls::search_index(), build_search_head(linked, *shards));
       }}};
  for (std::size_t n = 0; n < shards->parts.size(); ++n)
    tasks.push_back({urls::search_shard(n), false, [&linked, shards, n] {
                       return script(urls::search_shard(n), build_search_shard(linked, *shards, n));
                     }});
  return tasks;
}

}  // namespace pb::views
