// The glossary: every term with its definition, and a page per term listing where it is used.
#include <fmt/format.h>

#include <algorithm>

#include "link/urls.hpp"
#include "views/page_nav.hpp"
#include "views/plan.hpp"

namespace pb::inline views {

namespace {

using json = nlohmann::json;

char initial(const Term& t) {
  for (char c : t.term)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return static_cast<char>(c & ~0x20);
  return '#';
}

// Terms in alphabetical order, ignoring case.
std::vector<const Term*> sorted_terms(const Site& site) {
  std::vector<const Term*> terms;
  for (const auto& t : site.terms) terms.push_back(&t);
  std::stable_sort(terms.begin(), terms.end(), [](const Term* a, const Term* b) {
    auto key = [](const Term* t) {
      std::string k = t->term;
      for (auto& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return k;
    };
    return key(a) < key(b);
  });
  return terms;
}

std::string uses_label(std::size_t n) {
  return n == 0 ? "not used in a statement yet" : fmt::format("used in {} statement{}", n, n == 1 ? "" : "s");
}

Page index_page(const LinkedSite& linked) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  PageBuilder page(linked, urls::glossary());
  json d = page.layout("Glossary", "Terms of art used in the practice models, in plain words");
  page.breadcrumbs(d, {{"Home", urls::home()}, {"Glossary", urls::glossary()}});
  json letters = json::array();
  for (const Term* t : sorted_terms(site)) {
    const std::string letter(1, initial(*t));
    if (letters.empty() || letters.back()["letter"] != letter)
      letters.push_back({{"letter", letter}, {"anchor", "letter-" + std::string(1, static_cast<char>(std::tolower(letter[0])))},
                         {"terms", json::array()}});
    letters.back()["terms"].push_back({{"id", t->id},
                                       {"term", t->term},
                                       {"abbreviation", t->abbreviation},
                                       {"href", page.href(urls::term(t->id))},
                                       {"definition_html", page.html(t->definition)},
                                       {"uses", uses_label(graph.by_term(t->id).size())}});
  }
  d["letters"] = std::move(letters);
  d["count"] = std::to_string(site.terms.size());
  page.edit_link(d, "glossary.yaml");
  add_glossary_navigation(d);
  return page.finish("glossary.html", std::move(d));
}

Page term_page(const LinkedSite& linked, const Term& term) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  PageBuilder page(linked, urls::term(term.id));
  json d = page.layout(term.term, page.plain(term.definition));
  page.breadcrumbs(d, {{"Home", urls::home()}, {"Glossary", urls::glossary()}, {term.term, urls::term(term.id)}});
  d["abbreviation"] = term.abbreviation;
  d["aliases"] = term.aliases;
  d["has_aliases"] = !term.aliases.empty();
  d["definition_html"] = page.html(term.definition);
  json see_also = json::array();
  for (const auto& id : term.see_also)
    for (const auto& other : site.terms)
      if (other.id == id) see_also.push_back({{"term", other.term}, {"href", page.href(urls::term(id))}});
  d["has_see_also"] = !see_also.empty();
  d["see_also"] = std::move(see_also);
  // Where it is used, grouped by model.
  json models = json::array();
  std::uint32_t current = no_index;
  const auto& uses = graph.by_term(term.id);
  for (std::size_t index : uses) {
    const StatementRef& ref = graph.statements()[index];
    if (ref.model != current) {
      current = ref.model;
      models.push_back({{"title", model_name(linked.model(ref))}, {"items", json::array()}});
    }
    models.back()["items"].push_back(page.statement_ref(ref));
  }
  d["uses"] = uses_label(uses.size());
  d["has_uses"] = !uses.empty();
  d["models"] = std::move(models);
  page.edit_link(d, "glossary.yaml");
  return page.finish("term.html", std::move(d));
}

}  // namespace

std::vector<PageTask> plan_glossary_pages(const LinkedSite& linked) {
  const Site& site = linked.site();
  std::vector<PageTask> tasks;
  if (site.terms.empty()) return tasks;
  tasks.push_back({urls::glossary(), true, [&] { return index_page(linked); }});
  for (const auto& term : site.terms)
    tasks.push_back({urls::term(term.id), true, [&] { return term_page(linked, term); }});
  return tasks;
}

}  // namespace pb::views
