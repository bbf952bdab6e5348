#include "views/framework_model_pages.hpp"

#include <algorithm>
#include <map>

#include "link/urls.hpp"
#include "views/state_lists.hpp"

namespace pb::inline views {

namespace {

constexpr std::size_t item_overhead = 400;  // an item's heading, count, mapping line and section

}  // namespace

std::string ModelPages::href(const PageBuilder& page, std::size_t r, const std::string& item_id) const {
  const std::string& at = paths[pages.empty() ? 0 : page_of_row[r]];
  return (page.path() == at ? "" : page.href(at)) + "#" + item_id;
}

std::vector<std::size_t> framework_page_bounds(const LinkedSite& linked, const ExternalFramework& fw) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  std::map<std::string, std::vector<std::size_t>> on_topic;  // topic → weight of its statements, by model
  for (const FrameworkRow& row : framework_rows(fw))
    for (const auto& topic : row.item->topics) {
      auto [it, added] = on_topic.try_emplace(topic, site.models.size(), 0);
      if (!added) continue;
      for (std::size_t index : graph.by_topic(topic)) it->second[graph.statements()[index].model] += statement_weight(linked, graph.statements()[index]);
    }
  std::vector<std::size_t> heaviest(site.models.size(), 0);  // what a statement an item names weighs, at most
  for (const StatementRef& ref : graph.statements()) heaviest[ref.model] = std::max(heaviest[ref.model], statement_weight(linked, ref));
  std::vector<std::size_t> bounds(site.models.size(), 0);
  for (const FrameworkRow& row : framework_rows(fw))
    for (std::size_t m = 0; m < site.models.size(); ++m) {
      std::size_t named = 0;
      for (const auto& address : row.item->statements) named += address.model == site.models[m].id;
      bounds[m] += item_overhead + row.item->title.size() + row.item->description.source.size() + named * heaviest[m];
      for (const auto& topic : row.item->topics) bounds[m] += on_topic.at(topic)[m];
    }
  return bounds;
}

ModelPages framework_model_pages(const LinkedSite& linked, const ExternalFramework& fw, const std::vector<FrameworkRow>& rows,
                                 const RowStatements& of_row, const Model& model, std::size_t budget) {
  const std::size_t page_budget = own_page_budget(budget);
  ModelPages out;
  out.paths.push_back(urls::framework_model(fw.id, model));
  std::vector<std::vector<std::size_t>> statement_weights(rows.size());
  std::vector<std::size_t> row_weights;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const FrameworkItem& item = *rows[r].item;
    for (std::size_t index : of_row(r)) statement_weights[r].push_back(statement_weight(linked, linked.graph().statements()[index]));
    row_weights.push_back(item_overhead + item.title.size() + item.description.source.size() + total_weight(statement_weights[r]));
  }
  if (total_weight(row_weights) <= page_budget) return out;
  std::vector<ItemPiece> pieces;
  std::vector<std::size_t> piece_weights;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const std::size_t overhead = row_weights[r] - total_weight(statement_weights[r]);
    for (const WeighedRun& cut : cut_runs(statement_weights[r], overhead, page_budget)) {
      pieces.push_back({r, cut.run});
      piece_weights.push_back(cut.weight);
    }
  }
  out.page_of_row.assign(rows.size(), 0);
  std::vector<char> placed(rows.size(), 0);
  for (const ResultRun& run : pack_runs(piece_weights, page_budget)) {
    const std::size_t n = out.pages.size();
    if (n > 0) out.paths.push_back(urls::results_page(out.paths[0], n + 1));
    auto& on_page = out.pages.emplace_back();
    for (std::size_t i = run.begin; i < run.end; ++i) {
      on_page.push_back(pieces[i]);
      if (!placed[pieces[i].row]) out.page_of_row[pieces[i].row] = n;
      placed[pieces[i].row] = 1;
    }
  }
  return out;
}

}  // namespace pb::views
