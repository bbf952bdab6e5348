// The glossary: every term with its definition, and a page per term listing where it is used.
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <span>

#include "link/urls.hpp"
#include "views/page_nav.hpp"
#include "views/plan.hpp"
#include "views/state_lists.hpp"

namespace pb::inline views {

namespace {

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

// What a term's entry on the glossary page adds besides its definition: its name and link, the count
// of its uses and the markup around them.
constexpr std::size_t term_entry_weight = 300;

// The glossary page lists every term with its definition while they fit a page of `budget`; a
// national glossary of thousands lists the terms alone (each term's page has its definition).
Page index_page(const LinkedSite& linked, std::size_t budget) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  PageBuilder page(linked, urls::glossary());
  Data d = page.layout("Glossary", "Terms of art used in the practice models, in plain words");
  page.breadcrumbs(d, {{"Home", urls::home()}, {"Glossary", urls::glossary()}});
  std::size_t weight = 0;
  for (const Term& t : site.terms) weight += term_entry_weight + 2 * t.term.size() + linked.html(t.definition).html.size();
  const bool with_definitions = weight <= budget;
  Data letters = list();
  std::string last_letter;
  for (const Term* t : sorted_terms(site)) {
    const std::string letter(1, initial(*t));
    if (items(letters).empty() || last_letter != letter)
      push(letters, object("letter", letter, "anchor", "letter-" + std::string(1, static_cast<char>(std::tolower(letter[0]))),
                               "terms", list()));
    last_letter = letter;
    push(items(letters).back()["terms"], object("id", t->id,
                                             "term", t->term,
                                             "abbreviation", t->abbreviation,
                                             "href", page.href(urls::term(t->id)),
                                             "definition_html", with_definitions ? page.html(t->definition) : std::string(),
                                             "uses", uses_label(graph.by_term(t->id).size())));
  }
  set(d, "letters", std::move(letters));
  set(d, "count", std::to_string(site.terms.size()));
  set(d, "definitions_on_term_pages", !with_definitions);
  page.edit_link(d, "glossary.yaml");
  add_glossary_navigation(d);
  return page.finish("glossary.html", std::move(d));
}

// The models that use a term, in site order, with how many of their statements do and the length of
// those statements' text.
struct TermListing {
  std::vector<std::uint32_t> models;
  std::vector<std::size_t> uses, weights;
};

TermListing term_listing(const LinkedSite& linked, const Term& term) {
  const LinkGraph& graph = linked.graph();
  TermListing listing;
  for (std::size_t index : graph.by_term(term.id)) {
    const StatementRef& ref = graph.statements()[index];
    if (listing.models.empty() || listing.models.back() != ref.model) {
      listing.models.push_back(ref.model);
      listing.uses.push_back(0);
      listing.weights.push_back(model_entry_weight);
    }
    ++listing.uses.back();
    listing.weights.back() += statement_weight(linked, ref);
  }
  return listing;
}

// A term's page: the whole page (`split` none), the summary of a split page (`part` none), or the uses
// in one state's models.
Page term_page(const LinkedSite& linked, const Term& term, const StateSplit* split, const StatePage* part) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  const std::string path = part ? part->path : urls::term(term.id);
  PageBuilder page(linked, path);
  Data d = page.layout(part ? fmt::format("{} in {}", term.term, state_page_name(*split, *part)) : term.term, page.plain(term.definition));
  if (part)
    page.breadcrumbs(d, {{"Home", urls::home()}, {"Glossary", urls::glossary()}, {term.term, urls::term(term.id)},
                         {state_page_name(*split, *part), path}});
  else
    page.breadcrumbs(d, {{"Home", urls::home()}, {"Glossary", urls::glossary()}, {term.term, urls::term(term.id)}});
  set(d, "abbreviation", term.abbreviation);
  set(d, "aliases", term.aliases);
  set(d, "has_aliases", !term.aliases.empty());
  set(d, "definition_html", page.html(term.definition));
  Data see_also = list();
  for (const auto& id : term.see_also)
    for (const auto& other : site.terms)
      if (other.id == id) push(see_also, object("term", other.term, "href", page.href(urls::term(id))));
  set(d, "has_see_also", !items(see_also).empty());
  set(d, "see_also", std::move(see_also));
  // Where it is used, grouped by model: every model on a whole page, a state's on a state page.
  const auto& uses = graph.by_term(term.id);
  Data models = list();
  std::size_t listed = 0;
  // Uses come model by model; a model cut across pages shows the run of its uses this page holds.
  for (std::size_t first = 0, last = 0; first < uses.size(); first = last) {
    const std::uint32_t mi = graph.statements()[uses[first]].model;
    while (last < uses.size() && graph.statements()[uses[last]].model == mi) ++last;
    if (split && (!part || std::find(part->models.begin(), part->models.end(), mi) == part->models.end())) continue;  // a summary lists none
    const std::span<const std::size_t> of_model(uses.data() + first, last - first);
    const ResultRun shown = part ? part->part_of(mi) : whole_part;
    Data entries = list();
    for (std::size_t index : in_part(of_model, shown)) {
      push(entries, page.statement_ref(graph.statements()[index]));
      ++listed;
    }
    push(models, object("title", model_name(site.models[mi]), "part", part_label(shown, of_model.size(), "statements"),
                        "items", std::move(entries)));
    if (split) set(items(models).back(), "anchor", site.models[mi].id);
  }
  set(d, "uses", uses_label(uses.size()));
  set(d, "has_uses", !uses.empty());
  set(d, "models", std::move(models));
  if (part) {
    set(d, "uses_here", fmt::format("{} in {}", listed == 1 ? "One of them is" : fmt::format("{} of them are", listed),
                                 state_page_name(*split, *part)));
    set(d, "pagination", state_pager(page, *split, static_cast<std::size_t>(part - split->pages.data())));
  }
  if (split && !part) {
    const TermListing listing = term_listing(linked, term);
    auto entry = [&](std::uint32_t mi) -> SummaryEntry {
      const auto at = std::find(listing.models.begin(), listing.models.end(), mi) - listing.models.begin();
      const std::size_t n = listing.uses[static_cast<std::size_t>(at)];
      return {object("title", model_name(site.models[mi]),
                     "href", page.href(split->path_of(mi)) + "#" + site.models[mi].id,
                     "count", count_of(n, "statement", "statements")),
              n};
    };
    set(d, "summary", object("intro", fmt::format("{} in {} use the term: too many for one page, so its uses are listed by state.",
                                                  count_of(listing.models.size(), "model", "models"), count_of(split->groups.size(), "state", "states")),
                             "caption", fmt::format("Uses of {} by state", term.term),
                             "count_heading", "Statements",
                             "states", summary_rows(page, *split, entry, [](std::size_t n) { return count_of(n, "statement", "statements"); })));
  }
  page.edit_link(d, "glossary.yaml");
  return page.finish("term.html", std::move(d));
}

}  // namespace

std::vector<PageTask> plan_glossary_pages(const LinkedSite& linked, std::size_t budget) {
  const Site& site = linked.site();
  std::vector<PageTask> tasks;
  if (site.terms.empty()) return tasks;
  tasks.push_back({urls::glossary(), true, [&linked, budget] { return index_page(linked, listing_budget(budget)); }});
  for (const auto& term : site.terms) {
    const TermListing listing = term_listing(linked, term);
    auto item_weights = [&](std::uint32_t mi) {
      std::vector<std::size_t> weights;
      for (std::size_t index : linked.graph().by_term(term.id))
        if (const StatementRef& ref = linked.graph().statements()[index]; ref.model == mi) weights.push_back(statement_weight(linked, ref));
      return weights;
    };
    add_split_tasks(tasks, urls::term(term.id),
                    split_by_state(site, urls::term(term.id), listing.models, listing.weights, listing_budget(budget), SIZE_MAX, item_weights),
                    [&linked, &term](const StateSplit* split, const StatePage* part) { return term_page(linked, term, split, part); });
  }
  return tasks;
}

}  // namespace pb::views
