// The home page, the 404 page and sitemap.xml.
#include <fmt/format.h>

#include <map>

#include "content/assemble.hpp"
#include "core/text_util.hpp"
#include "link/urls.hpp"
#include "views/plan.hpp"

namespace pb::inline views {

namespace {

// URLs in one sitemap file: 10,000 of them make about 700 KB (the protocol allows 50,000).
constexpr std::size_t sitemap_part = 10000;

Page home_page(const LinkedSite& linked) {
  const Site& site = linked.site();
  PageBuilder page(linked, urls::home());
  Data d = page.layout(site.config.title, page.plain(site.config.intro));
  set(d, "intro_html", page.html(site.config.intro));
  // Models grouped by jurisdiction; each family once, with its editions newest first.
  Data jurisdictions = list();
  std::string current;
  for (const auto& model : site.models) {
    // A county, tribe or city is listed under the state it belongs to.
    const std::string& group = model.state.empty() ? model.jurisdiction : model.state;
    if (items(jurisdictions).empty() || group != current) {
      current = group;
      push(jurisdictions, object("name", current, "anchor", "state-" + slugify(current), "models", list()));
    }
    Data entry = object("title", model.title,
                        "subtitle", model.subtitle,
                        "agency", model.agency,
                        "place", model.state.empty() ? std::string() : model.jurisdiction,
                        "edition", model.edition.empty() ? "Undated" : model.edition,
                        "href", page.href(urls::model(model)),
                        "archived", !model.superseded_by.empty(),
                        "sections", model.vocabulary.unit_named
                                        ? count_of(model.sections.size(), model.vocabulary.unit, model.vocabulary.units_or_default())
                                        : count_of(model.sections.size(), "section", "sections"));
    push(items(jurisdictions).back()["models"], std::move(entry));
  }
  set(d, "jurisdictions", std::move(jurisdictions));
  set(d, "model_count", std::to_string(site.models.size()));
  // "I am a…": straight to what each role is expected to do, across models.
  Data roles = list();
  for (const auto& role : site.roles) {
    if (!role_addressed(linked, role)) continue;
    std::string name = role.title;  // "I am an area leader": the role as a common noun
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    push(roles, object("title", name, "article", name.find_first_of("aeiou") == 0 ? "an" : "a",
                           "description_html", page.html(role.description), "href", page.href(urls::role(role.id))));
  }
  set(d, "has_roles", !items(roles).empty());
  set(d, "roles", std::move(roles));
  // External frameworks (the CFSR): each a card under "Look across the models".
  Data frameworks = list();
  for (const auto& fw : site.frameworks)
    push(frameworks, object("title", fw.name() + " crosswalk", "href", page.href(urls::framework(fw.id)),
                                "about", fmt::format("which {} items each model's statements speak to, and the gaps", fw.name())));
  set(d, "frameworks", std::move(frameworks));
  set(d, "glossary_count", std::to_string(site.terms.size()));
  set(d, "topic_count", std::to_string(site.topics.size()));
  page.edit_link(d, "site.yaml");
  return page.finish("home.html", std::move(d));
}

}  // namespace

std::vector<PageTask> plan_home(const LinkedSite& linked) {
  return {{urls::home(), true, [&] { return home_page(linked); }}};
}

std::vector<PageTask> plan_site_files(const LinkedSite& linked, const std::vector<PageTask>& pages) {
  const Site& site = linked.site();
  std::vector<PageTask> out;
  // A server shows 404.html for a missing page at any depth; its links are relative to the root,
  // which is right when the site is served from the top of a host.
  out.push_back({urls::not_found(), false, [&] {
                   PageBuilder page(linked, urls::not_found());
                   Page not_found = page.finish("404.html", page.layout("Page not found"));
                   return not_found;
                 }});

  std::string base = site.config.base_url;
  if (!base.empty() && base.back() != '/') base += '/';
  std::vector<std::string> locations;
  for (const auto& p : pages) {
    if (!p.in_sitemap) continue;
    std::string loc = p.path;
    if (loc.ends_with("index.html")) loc.resize(loc.size() - 10);  // pretty URLs on a server
    locations.push_back(html_escape(base + loc));
  }
  auto raw_file = [&out](std::string path, std::string bytes) {
    out.push_back({path, false, [path, bytes = std::move(bytes)] {
                     Page file;
                     file.path = path;
                     file.raw = bytes;
                     return file;
                   }});
  };
  auto urlset = [&](std::size_t begin, std::size_t end) {
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (std::size_t i = begin; i < end; ++i) xml += fmt::format("  <url><loc>{}</loc></url>\n", locations[i]);
    return xml + "</urlset>\n";
  };
  // A national site has tens of thousands of pages: past a part's worth, sitemap.xml becomes a
  // sitemap index of parts (the protocol's way), so that no file grows with the site.
  if (locations.size() <= sitemap_part) {
    raw_file(urls::sitemap(), urlset(0, locations.size()));
    return out;
  }
  std::string index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (std::size_t begin = 0, part = 1; begin < locations.size(); begin += sitemap_part, ++part) {
    raw_file(urls::sitemap_part(part), urlset(begin, std::min(locations.size(), begin + sitemap_part)));
    index += fmt::format("  <sitemap><loc>{}</loc></sitemap>\n", html_escape(base + urls::sitemap_part(part)));
  }
  raw_file(urls::sitemap(), index + "</sitemapindex>\n");
  return out;
}

}  // namespace pb::views
