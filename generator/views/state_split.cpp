#include "views/state_split.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "link/urls.hpp"

namespace pb::inline views {

const std::string& StateSplit::path_of(std::uint32_t model) const {
  const auto found = page_of.find(model);
  return found == page_of.end() ? summary : pages[found->second].path;
}

std::size_t StateSplit::first_page(std::size_t g) const {
  for (std::size_t i = 0; i < pages.size(); ++i)
    if (pages[i].group == g) return i;
  return 0;
}

ResultRun StatePage::part_of(std::uint32_t model) const {
  for (std::size_t i = 0; i < models.size(); ++i)
    if (models[i] == model) return parts[i];
  return whole_part;
}

std::vector<std::size_t> in_part(std::span<const std::size_t> listed, ResultRun part) {
  const std::size_t begin = std::min(part.begin, listed.size()), end = std::min(part.end, listed.size());
  return {listed.begin() + static_cast<std::ptrdiff_t>(begin), listed.begin() + static_cast<std::ptrdiff_t>(std::max(begin, end))};
}

std::vector<WeighedRun> cut_runs(const std::vector<std::size_t>& items, std::size_t overhead, std::size_t budget) {
  const std::size_t whole = overhead + total_weight(items);
  if (whole <= budget || items.size() < 2) return {{whole_part, whole}};
  std::vector<WeighedRun> out;
  for (const ResultRun& run : pack_runs(items, budget > overhead ? budget - overhead : 1)) {
    std::size_t weight = overhead;
    for (std::size_t i = run.begin; i < run.end; ++i) weight += items[i];
    out.push_back({run, weight});
  }
  return out;
}

std::string part_label(ResultRun part, std::size_t total, std::string_view many) {
  if (part.begin == 0 && part.end >= total) return {};
  return fmt::format("{} {}–{} of {}", many, part.begin + 1, std::min(part.end, total), total);
}

namespace {

// What a page of a state is made of: a model whole, or a run of its statements.
struct Piece {
  std::uint32_t model;
  ResultRun part;
  std::size_t weight;
};

// A state's models as pieces: a model over `part_budget` is cut into runs of its statements, each run
// carrying the model's own share (its heading, its entry in the contents) besides its statements.
std::vector<Piece> pieces_of(const std::vector<std::uint32_t>& models, const std::map<std::uint32_t, std::size_t>& weight_of,
                             std::size_t part_budget, const ItemWeights& item_weights) {
  std::vector<Piece> pieces;
  for (std::uint32_t m : models) {
    const std::size_t weight = weight_of.at(m);
    if (!item_weights || weight <= part_budget) {
      pieces.push_back({m, whole_part, weight});
      continue;
    }
    const std::vector<std::size_t> items = item_weights(m);
    const std::size_t listed = total_weight(items), overhead = weight > listed ? weight - listed : 0;
    for (const WeighedRun& cut : cut_runs(items, overhead, part_budget)) pieces.push_back({m, cut.run, cut.weight});
  }
  return pieces;
}

}  // namespace

bool splits_by_state(const std::vector<std::size_t>& weights, std::size_t budget, std::size_t max_models) {
  // A page stays whole while it is small and, when its models sit side by side (every one a column,
  // those with nothing to show included), not too wide to read.
  return total_weight(weights) > budget || weights.size() > max_models;
}

StateSplit split_by_state(const Site& site, const std::string& page, const std::vector<std::uint32_t>& models,
                          const std::vector<std::size_t>& weights, std::size_t budget, std::size_t max_models,
                          const ItemWeights& item_weights) {
  StateSplit split;
  split.summary = page;
  if (!splits_by_state(weights, budget, max_models)) return split;
  std::map<std::uint32_t, std::size_t> weight_of;
  for (std::size_t i = 0; i < models.size(); ++i) weight_of[models[i]] = weights[i];
  split.groups = group_by_state(site, models);
  for (std::size_t g = 0; g < split.groups.size(); ++g) {
    const std::vector<Piece> pieces = pieces_of(split.groups[g].models, weight_of, std::max(budget, min_part_weight), item_weights);
    std::vector<std::size_t> piece_weights;
    for (const Piece& piece : pieces) piece_weights.push_back(piece.weight);
    const auto runs = pack_runs(piece_weights, budget, max_models);
    for (std::size_t r = 0; r < runs.size(); ++r) {
      StatePage p{g, r + 1, runs.size(), {}, {}, urls::state_page(page, split.groups[g].slug, r + 1)};
      for (std::size_t i = runs[r].begin; i < runs[r].end; ++i) {
        p.models.push_back(pieces[i].model);
        p.parts.push_back(pieces[i].part);
        split.page_of.try_emplace(pieces[i].model, split.pages.size());  // a model cut across pages: its first
      }
      split.pages.push_back(std::move(p));
    }
  }
  return split;
}

Data pager(const PageBuilder& page, const std::vector<std::string>& paths, std::size_t current) {
  Data pages = list();
  for (std::size_t i = 0; i < paths.size(); ++i)
    push(pages, object("number", std::to_string(i + 1), "href", page.href(paths[i]), "current", i == current));
  const bool has_prev = current > 0, has_next = current + 1 < paths.size();
  return object("label", fmt::format("Page {} of {}", current + 1, paths.size()),
                "has_prev", has_prev,
                "prev_href", has_prev ? page.href(paths[current - 1]) : "",
                "has_next", has_next,
                "next_href", has_next ? page.href(paths[current + 1]) : "",
                "pages", std::move(pages));
}

Data state_pager(const PageBuilder& page, const StateSplit& split, std::size_t index) {
  const StatePage& p = split.pages[index];
  if (p.of < 2) return Data(false);
  std::vector<std::string> paths;
  for (const auto& other : split.pages)
    if (other.group == p.group) paths.push_back(other.path);
  return pager(page, paths, p.number - 1);
}

Data state_rows(const PageBuilder& page, const StateSplit& split) {
  Data rows = list();
  for (std::size_t g = 0; g < split.groups.size(); ++g) {
    const StateGroup& group = split.groups[g];
    std::string names;
    for (std::uint32_t m : group.models) {
      const Model& model = page.site().models[m];  // a county's model is named with its county
      names += (names.empty() ? "" : "; ") + (model.state.empty() ? model_name(model) : model.jurisdiction + ": " + model_name(model));
    }
    Data pages = list();
    for (const auto& p : split.pages)
      if (p.group == g) push(pages, object("number", std::to_string(p.number), "href", page.href(p.path)));
    push(rows, object("state", group.state,
                          "href", page.href(split.pages[split.first_page(g)].path),
                          "models", names,
                          "model_count", count_of(group.models.size(), "model", "models"),
                          "has_pages", items(pages).size() > 1,
                          "pages", std::move(pages)));
  }
  return rows;
}

std::string count_of(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

Data state_rows_counting(const PageBuilder& page, const StateSplit& split, const std::vector<std::size_t>& statements) {
  std::map<std::uint32_t, std::size_t> per_model;
  for (std::size_t index : statements) ++per_model[page.graph().statements()[index].model];
  Data rows = state_rows(page, split);
  for (std::size_t g = 0; g < split.groups.size(); ++g) {
    std::size_t n = 0;
    for (std::uint32_t m : split.groups[g].models)
      if (auto found = per_model.find(m); found != per_model.end()) n += found->second;
    set(items(rows)[g], "statements", std::to_string(n));
  }
  return rows;
}

void add_split_tasks(std::vector<PageTask>& tasks, const std::string& path, StateSplit split,
                     std::function<Page(const StateSplit*, const StatePage*)> make) {
  if (!split.split()) {
    tasks.push_back({path, true, [make] { return make(nullptr, nullptr); }});
    return;
  }
  auto shared = std::make_shared<const StateSplit>(std::move(split));
  tasks.push_back({path, true, [make, shared] { return make(shared.get(), nullptr); }});
  for (const auto& page : shared->pages)
    tasks.push_back({page.path, true, [make, shared, &page] { return make(shared.get(), &page); }});
}

}  // namespace pb::views
