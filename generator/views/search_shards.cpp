// Which models go into which shard of the search index. The plan is made before any shard is built
// (each shard is then built on its own rendering thread), so it works from an estimate: the size of
// the Markdown sources a model's documents are made of, plus what each document costs in the JSON.
#include <algorithm>

#include "views/search_index.hpp"

namespace pb::inline views {

namespace {

// What a document adds besides its text: its kind, place, anchor, role and the JSON around them.
constexpr std::size_t document_overhead = 40;

std::size_t text_bytes(const Markdown& m) { return m.empty() ? 0 : m.source.size() + document_overhead; }

std::size_t statement_bytes(const std::vector<Statement>& items) {
  std::size_t bytes = 0;
  for_each_statement(items, [&](const Statement& s, int) { bytes += text_bytes(s.text) + s.id.size(); });
  return bytes;
}

std::size_t estimated_bytes(const Model& m) {
  std::size_t bytes = 200 + m.title.size() + m.subtitle.size() + text_bytes(m.vision) + text_bytes(m.intro) +
                      text_bytes(m.closing) + m.tagline.size();
  if (m.framework) bytes += text_bytes(m.framework->body);
  if (m.priorities) bytes += text_bytes(m.priorities->intro) + statement_bytes(m.priorities->items);
  if (m.letter) bytes += text_bytes(m.letter->body);
  if (m.rubric) {
    bytes += text_bytes(m.rubric->intro);
    for (const auto& level : m.rubric->levels) bytes += level.name.size() + text_bytes(level.description);
  }
  for (const auto& note : m.footnotes) bytes += text_bytes(note.text);
  for (const auto& s : m.sections) {
    bytes += 100 + s.title.size() + text_bytes(s.summary) + text_bytes(s.definition) + text_bytes(s.intro);
    for (const auto& b : s.blocks) {
      bytes += b.heading.size() + text_bytes(b.intro) + text_bytes(b.text) + statement_bytes(b.items);
      for (const auto& cell : b.table_header) bytes += cell.source.size();
      for (const auto& row : b.table_rows)
        for (const auto& cell : row) bytes += cell.source.size() + 1;
    }
  }
  return bytes;
}

// Role, topic and glossary pages, and each model's role pages: the documents of shard 0 that belong to
// no single model.
std::size_t estimated_bytes_across_models(const Site& site) {
  std::size_t bytes = 0;
  for (const auto& r : site.roles) bytes += 2 * (text_bytes(r.description) + r.plural.size() + r.title.size());
  for (const auto& t : site.topics) bytes += text_bytes(t.description) + t.title.size();
  for (const auto& t : site.terms) bytes += text_bytes(t.definition) + t.term.size() + t.abbreviation.size();
  return bytes;
}

}  // namespace

SearchShards plan_search_shards(const Site& site, std::size_t target_bytes) {
  SearchShards plan;
  plan.models.emplace_back();
  plan.estimated_bytes.push_back(estimated_bytes_across_models(site));
  // Current editions first: a search leaves archived ones out unless asked, so their shards wait.
  std::vector<std::uint32_t> order;
  for (std::uint32_t i = 0; i < site.models.size(); ++i)
    if (site.models[i].superseded_by.empty()) order.push_back(i);
  for (std::uint32_t i = 0; i < site.models.size(); ++i)
    if (!site.models[i].superseded_by.empty()) order.push_back(i);
  for (std::uint32_t i : order) {
    const std::size_t bytes = estimated_bytes(site.models[i]);
    if (!plan.models.back().empty() && plan.estimated_bytes.back() + bytes > target_bytes) {
      plan.models.emplace_back();
      plan.estimated_bytes.push_back(0);
    }
    plan.models.back().push_back(i);
    plan.estimated_bytes.back() += bytes;
  }
  return plan;
}

}  // namespace pb::views
