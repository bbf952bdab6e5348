#include "link/urls.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace pb::inline link::urls {

std::string home() { return "index.html"; }
std::string not_found() { return "404.html"; }
std::string sitemap() { return "sitemap.xml"; }
std::string sitemap_part(std::size_t n) { return fmt::format("sitemaps/sitemap-{}.xml", n); }
std::string stylesheet() { return "assets/style.css"; }
std::string model(const Model& m) { return "models/" + m.id + "/index.html"; }
std::string model_json(const Model& m) { return "models/" + m.id + "/model.json"; }
std::string changes(const Model& m) { return "models/" + m.id + "/changes/index.html"; }
std::string shared_language() { return "compare/shared-language/index.html"; }
std::string shared_language_json(std::size_t part) {
  return part > 1 ? "compare/shared-language-" + std::to_string(part) + ".json" : "compare/shared-language.json";
}
std::string section(const Model& m, const Section& s) { return "models/" + m.id + "/" + s.id + "/index.html"; }
std::string statement(const Model& m, const Section& s, const Statement& st) { return section(m, s) + "#" + st.id; }
std::string priority(const Model& m, const Statement& st) { return model(m) + "#" + st.id; }

std::string model_role(const Model& m, const std::string& role) { return "models/" + m.id + "/roles/" + role + "/index.html"; }
std::string role(const std::string& role) { return "roles/" + role + "/index.html"; }
std::string glossary() { return "glossary/index.html"; }
std::string term(const std::string& term) { return "glossary/" + term + "/index.html"; }
std::string compare() { return "compare/index.html"; }
std::string compare_topic(const std::string& topic) { return "compare/topics/" + topic + "/index.html"; }
std::string framework(const std::string& framework) { return "compare/frameworks/" + framework + "/index.html"; }
std::string framework_model(const std::string& framework, const Model& m) {
  return "compare/frameworks/" + framework + "/" + m.id + "/index.html";
}
std::string search() { return "search/index.html"; }
std::string search_index() { return "search-index.js"; }
std::string search_shard(std::size_t n) { return "search/shard-" + std::to_string(n) + ".js"; }
std::string asset(const std::string& name) { return "assets/" + name; }

std::string handouts() { return "handouts/index.html"; }
std::string checklist(const Model& m, const std::string& role) { return "handouts/" + m.id + "/roles/" + role + "/index.html"; }
std::string self_assessment(const Model& m, const std::string& role) {
  return "handouts/" + m.id + "/self-assessment/" + role + "/index.html";
}
std::string one_pager(const Model& m, const Section& s) { return "handouts/" + m.id + "/sections/" + s.id + "/index.html"; }
std::string topic_sheet(const std::string& topic) { return "handouts/compare/" + topic + "/index.html"; }
std::string state_page(const std::string& page, const std::string& slug, std::size_t number) {
  const std::string folder = page.substr(0, page.rfind('/') + 1);
  return folder + "states/" + slug + "/" + (number > 1 ? std::to_string(number) + "/" : "") + "index.html";
}
std::string results_page(const std::string& page, std::size_t number) {
  return page.substr(0, page.rfind('/') + 1) + std::to_string(number) + "/index.html";
}
std::string pdf_beside(const std::string& handout_page, const std::string& name) {
  return handout_page.substr(0, handout_page.rfind('/') + 1) + name + ".pdf";
}

std::string relative(const std::string& from, const std::string& target) {
  // Same page: the fragment alone keeps the browser from reloading.
  const auto hash = target.find('#');
  if (hash != std::string::npos && target.compare(0, hash, from) == 0 && from.size() == hash)
    return target.substr(hash);
  const auto depth = std::count(from.begin(), from.end(), '/');
  std::string out;
  out.reserve(depth * 3 + target.size());
  for (long i = 0; i < depth; ++i) out += "../";
  out += target;
  return out;
}

}  // namespace pb::link::urls
