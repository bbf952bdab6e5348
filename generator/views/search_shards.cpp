// Which documents go into which shard of the search index. The plan is made before any shard is built
// (each shard is then built on its own rendering thread), so it works from an estimate: the size of
// the Markdown sources the documents are made of, plus what each document costs in the JSON.
//
// What is across models (role and topic pages, frameworks, the glossary) fills the first shards, as
// many as it needs. A shard holds whole models while they fit. A model larger than a shard (a long
// manual, a section of thousands of statements) is cut into runs of its documents, each filling a
// shard of its own size at most, so no script grows with the size of one model.
#include <algorithm>
#include <numeric>

#include "views/search_index.hpp"

namespace pb::inline views {

namespace {

// What a document adds besides its text: its kind, place, anchor, role and the JSON around them.
constexpr std::size_t document_overhead = 40;

std::size_t text_bytes(const Markdown& m) { return m.empty() ? 0 : m.source.size() + document_overhead; }

// The overview and what is on it besides statements.
std::size_t overview_bytes(const Model& m) {
  std::size_t bytes = 200 + m.title.size() + m.subtitle.size() + text_bytes(m.vision) + text_bytes(m.intro) +
                      text_bytes(m.closing) + m.tagline.size();
  if (m.framework) bytes += text_bytes(m.framework->body);
  if (m.priorities) bytes += text_bytes(m.priorities->intro);
  if (m.letter) bytes += text_bytes(m.letter->body);
  if (m.rubric) {
    bytes += text_bytes(m.rubric->intro);
    for (const auto& level : m.rubric->levels) bytes += level.name.size() + text_bytes(level.description);
  }
  for (const auto& note : m.footnotes) bytes += text_bytes(note.text);
  return bytes;
}

// A section page besides its statements: its summary, definition, intro and each block's texts.
std::size_t section_bytes(const Section& s) {
  std::size_t bytes = 100 + s.title.size() + text_bytes(s.summary) + text_bytes(s.definition) + text_bytes(s.intro);
  for (const auto& b : s.blocks) {
    bytes += b.heading.size() + text_bytes(b.intro) + text_bytes(b.text);
    for (const auto& cell : b.table_header) bytes += cell.source.size();
    for (const auto& row : b.table_rows)
      for (const auto& cell : row) bytes += cell.source.size() + 1;
  }
  return bytes;
}

// Each of a model's search units' estimated size, in the order search_units() numbers them.
std::vector<std::size_t> unit_bytes(const LinkedSite& linked, std::uint32_t mi) {
  const Model& m = linked.site().models[mi];
  const SearchUnits units = search_units(linked, mi);
  std::vector<std::size_t> bytes(units.count, 0);
  bytes[units.overview] = overview_bytes(m);
  for (std::size_t s = 0; s < m.sections.size(); ++s) bytes[units.first_section + s] = section_bytes(m.sections[s]);
  const auto [first, end] = linked.graph().statements_of(mi);
  for (std::size_t k = first; k < end; ++k) {
    const Statement& s = linked.statement(linked.graph().statements()[k]);
    bytes[units.first_statement + (k - first)] = text_bytes(s.text) + s.id.size();
  }
  return bytes;  // the role pages' unit counts nothing: a title and a line each
}

}  // namespace

std::vector<std::uint32_t> terms_by_use(const LinkedSite& linked) {
  const Site& site = linked.site();
  std::vector<std::size_t> uses(site.terms.size());
  for (std::size_t t = 0; t < site.terms.size(); ++t) uses[t] = linked.graph().by_term(site.terms[t].id).size();
  std::vector<std::uint32_t> order(site.terms.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return uses[a] > uses[b]; });
  return order;
}

std::vector<std::size_t> across_unit_bytes(const LinkedSite& linked) {
  const Site& site = linked.site();
  std::vector<std::size_t> bytes;
  for (const auto& r : site.roles) bytes.push_back(2 * (text_bytes(r.description) + r.plural.size() + r.title.size()));
  for (const auto& t : site.topics) bytes.push_back(text_bytes(t.description) + t.title.size());
  for (const auto& fw : site.frameworks) {
    std::size_t b = text_bytes(fw.description) + fw.title.size() + fw.short_title.size();
    for (const auto& part : fw.parts)
      for (const auto& group : part.groups) {
        b += group.title.size() + 1;
        for (const auto& item : group.items) b += item.label.size() + item.title.size() + 2;
      }
    bytes.push_back(b);
  }
  for (std::uint32_t index : terms_by_use(linked)) {
    const Term& t = site.terms[index];
    std::size_t b = text_bytes(t.definition) + t.term.size() + t.abbreviation.size();
    for (const auto& alias : t.aliases) b += alias.size() + 1;
    bytes.push_back(b);
  }
  return bytes;
}

SearchUnits search_units(const LinkedSite& linked, std::uint32_t mi) {
  const auto [first, end] = linked.graph().statements_of(mi);
  SearchUnits units;
  units.first_section = 1;
  units.first_statement = units.first_section + static_cast<std::uint32_t>(linked.site().models[mi].sections.size());
  units.roles = units.first_statement + static_cast<std::uint32_t>(end - first);
  units.count = units.roles + 1;
  return units;
}

SearchShards plan_search_shards(const LinkedSite& linked, std::size_t target_bytes) {
  const Site& site = linked.site();
  SearchShards plan;
  auto weight_of = [](const std::vector<std::size_t>& weights, ResultRun run) {
    return std::accumulate(weights.begin() + static_cast<std::ptrdiff_t>(run.begin),
                           weights.begin() + static_cast<std::ptrdiff_t>(run.end), std::size_t{0});
  };
  // What is across models comes first, in as many shards as it fills (a national glossary of
  // thousands of terms is more than one), the models' documents after it. Shard 0 is always there.
  const std::vector<std::size_t> across = across_unit_bytes(linked);
  plan.across = pack_runs(across, target_bytes);
  if (plan.across.empty()) plan.across.push_back({0, 0});
  for (const ResultRun& run : plan.across) plan.estimated_bytes.push_back(weight_of(across, run));
  plan.parts.resize(plan.across.size());
  auto place = [&](ModelPart part, std::size_t bytes) {
    if (plan.estimated_bytes.back() > 0 && plan.estimated_bytes.back() + bytes > target_bytes) {
      plan.parts.emplace_back();
      plan.estimated_bytes.push_back(0);
    }
    plan.parts.back().push_back(part);
    plan.estimated_bytes.back() += bytes;
  };
  // Current editions first: a search leaves archived ones out unless asked, so their shards wait.
  std::vector<std::uint32_t> order;
  for (std::uint32_t i = 0; i < site.models.size(); ++i)
    if (site.models[i].superseded_by.empty()) order.push_back(i);
  for (std::uint32_t i = 0; i < site.models.size(); ++i)
    if (!site.models[i].superseded_by.empty()) order.push_back(i);
  // A model whole while it fits, else runs of its units up to the target each (a unit larger than
  // the target is a run of its own).
  for (std::uint32_t mi : order) {
    const std::vector<std::size_t> bytes = unit_bytes(linked, mi);
    for (const ResultRun& run : pack_runs(bytes, target_bytes))
      place({mi, static_cast<std::uint32_t>(run.begin), static_cast<std::uint32_t>(run.end)}, weight_of(bytes, run));
  }
  return plan;
}

}  // namespace pb::views
