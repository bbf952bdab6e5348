// The home page, the 404 page and sitemap.xml.
#include <fmt/format.h>

#include <map>

#include "assemble.hpp"
#include "text_util.hpp"
#include "urls.hpp"
#include "views/plan.hpp"

namespace pb {

using json = nlohmann::json;

std::vector<Page> plan_home(const Site& site) {
  PageBuilder page(site, urls::home());
  json d = page.layout(site.config.title, strip_tags(site.config.intro.html));
  d["intro_html"] = site.config.intro.html;
  // Models grouped by jurisdiction; each family once, with its editions newest first.
  json jurisdictions = json::array();
  std::string current;
  for (const auto& model : site.models) {
    if (jurisdictions.empty() || model.jurisdiction != current) {
      current = model.jurisdiction;
      jurisdictions.push_back({{"name", current}, {"anchor", "state-" + slugify(current)}, {"models", json::array()}});
    }
    json entry{{"title", model.title},
               {"subtitle", model.subtitle},
               {"agency", model.agency},
               {"edition", model.edition.empty() ? "Undated" : model.edition},
               {"href", page.href(urls::model(model))},
               {"archived", !model.superseded_by.empty()},
               {"sections", fmt::format("{} sections", model.sections.size())}};
    jurisdictions.back()["models"].push_back(std::move(entry));
  }
  d["jurisdictions"] = std::move(jurisdictions);
  d["model_count"] = std::to_string(site.models.size());
  return {Page{page.path(), "home.html", std::move(d), {}, true}};
}

std::vector<Page> plan_site_files(const Site& site, const std::vector<Page>& pages) {
  std::vector<Page> out;
  // The 404 page is served from any depth, so its links must not depend on where it sits:
  // it links from the root, which is right for the server's top-level 404 handling.
  PageBuilder page(site, urls::not_found());
  json d = page.layout("Page not found");
  out.push_back(Page{page.path(), "404.html", std::move(d), {}, false});

  std::string base = site.config.base_url;
  if (!base.empty() && base.back() != '/') base += '/';
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto& p : pages) {
    if (!p.in_sitemap) continue;
    std::string loc = p.path;
    if (loc.ends_with("index.html")) loc.resize(loc.size() - 10);  // pretty URLs on a server
    xml += fmt::format("  <url><loc>{}</loc></url>\n", html_escape(base + loc));
  }
  xml += "</urlset>\n";
  Page sitemap;
  sitemap.path = urls::sitemap();
  sitemap.raw = std::move(xml);
  sitemap.in_sitemap = false;
  out.push_back(std::move(sitemap));
  return out;
}

}  // namespace pb
