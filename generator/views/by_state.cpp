#include "views/by_state.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "core/text_util.hpp"

namespace pb::inline views {

std::vector<StateGroup> group_by_state(const Site& site, const std::vector<std::uint32_t>& models) {
  std::map<std::string, std::vector<std::uint32_t>> by_state;
  for (std::uint32_t m : models) {
    const Model& model = site.models[m];
    by_state[model.state.empty() ? model.jurisdiction : model.state].push_back(m);
  }
  std::vector<StateGroup> groups;
  std::set<std::string> taken;
  for (auto& [state, members] : by_state) {
    std::string base = slugify(state);
    if (base.empty()) base = "state";
    // Two names can slug alike ("St. Croix", "St Croix"): the second gets a number.
    std::string slug = base;
    for (int n = 2; !taken.insert(slug).second; ++n) slug = base + "-" + std::to_string(n);
    groups.push_back({state, slug, std::move(members)});
  }
  return groups;
}

std::vector<ResultRun> pack_runs(const std::vector<std::size_t>& weights, std::size_t budget, std::size_t max_items) {
  std::vector<ResultRun> runs;
  std::size_t used = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (runs.empty() || used + weights[i] > budget || runs.back().end - runs.back().begin >= max_items) {
      runs.push_back({i, i});
      used = 0;
    }
    runs.back().end = i + 1;
    used += weights[i];
  }
  return runs;
}

std::size_t total_weight(const std::vector<std::size_t>& weights) {
  return std::accumulate(weights.begin(), weights.end(), std::size_t{0});
}

}  // namespace pb::views
