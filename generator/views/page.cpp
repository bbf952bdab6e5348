#include "views/page.hpp"

#include <cstring>

#include "urls.hpp"

namespace pb {

PageBuilder::PageBuilder(const Site& site, std::string path) : site_(site), path_(std::move(path)) {}

std::string PageBuilder::href(const std::string& target) const { return urls::relative(path_, target); }

nlohmann::json PageBuilder::layout(const std::string& title, const std::string& description) const {
  nlohmann::json d;
  d["lang"] = site_.config.language;
  d["site_title"] = site_.config.title;
  d["page_title"] = title;
  d["description"] = description;
  d["home_href"] = href(urls::home());
  d["stylesheet_href"] = href(urls::stylesheet());
  d["is_home"] = path_ == urls::home();
  return d;
}

void PageBuilder::breadcrumbs(nlohmann::json& data,
                              const std::vector<std::pair<std::string, std::string>>& trail) const {
  nlohmann::json list = nlohmann::json::array();
  for (std::size_t i = 0; i < trail.size(); ++i) {
    const bool last = i + 1 == trail.size();
    list.push_back({{"title", trail[i].first}, {"href", last ? "" : href(trail[i].second)}, {"current", last}});
  }
  data["breadcrumbs"] = list;
  data["has_breadcrumbs"] = !trail.empty();
}

std::string strip_tags(const std::string& html) {
  std::string out;
  out.reserve(html.size());
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    else if (c == '>') in_tag = false;
    else if (!in_tag) out += c;
  }
  // Undo the entities cmark writes, so the text can be escaped once, by the template.
  const std::pair<const char*, const char*> entities[] = {
      {"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}};
  for (const auto& [entity, ch] : entities)
    for (auto pos = out.find(entity); pos != std::string::npos; pos = out.find(entity, pos + 1))
      out.replace(pos, std::strlen(entity), ch);
  return out;
}

}  // namespace pb
