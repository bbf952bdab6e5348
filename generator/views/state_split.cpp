#include "views/state_split.hpp"

#include <fmt/format.h>

#include "link/urls.hpp"

namespace pb::inline views {

using json = nlohmann::json;

std::vector<std::uint32_t> StateSplit::models_of(const StatePart& part) const {
  const auto& all = groups[part.group].models;
  return {all.begin() + static_cast<std::ptrdiff_t>(part.run.begin), all.begin() + static_cast<std::ptrdiff_t>(part.run.end)};
}

const StatePart* StateSplit::part_of(std::uint32_t m) const {
  for (const auto& part : parts)
    for (std::size_t i = part.run.begin; i < part.run.end; ++i)
      if (groups[part.group].models[i] == m) return &part;
  return nullptr;
}

std::optional<StateSplit> split_by_state(const Site& site, const std::string& page, const std::vector<std::uint32_t>& models,
                                         const std::vector<std::size_t>& weights, std::size_t budget) {
  if (total_weight(weights) <= budget) return std::nullopt;
  StateSplit split{page, group_by_state(site, models), {}};
  // Each model's weight by its index in the site, to weigh each state's models in their order.
  std::vector<std::size_t> weight_of(site.models.size(), 0);
  for (std::size_t i = 0; i < models.size(); ++i) weight_of[models[i]] = weights[i];
  for (std::size_t g = 0; g < split.groups.size(); ++g) {
    std::vector<std::size_t> state_weights;
    for (std::uint32_t m : split.groups[g].models) state_weights.push_back(weight_of[m]);
    const auto runs = pack_runs(state_weights, budget);
    for (std::size_t n = 0; n < runs.size(); ++n)
      split.parts.push_back({g, runs[n], n + 1, runs.size(), urls::state_page(page, split.groups[g].slug, n + 1)});
  }
  return split;
}

std::size_t statement_weight(const LinkedSite& linked, const StatementRef& ref) {
  return linked.html(linked.statement(ref).text).html.size() + statement_ref_weight;
}

json state_rows(const PageBuilder& page, const StateSplit& split, const std::function<SummaryEntry(std::uint32_t)>& entry,
                const std::function<std::string(std::size_t)>& count_label) {
  json rows = json::array();
  for (std::size_t g = 0; g < split.groups.size(); ++g) {
    const StateGroup& group = split.groups[g];
    json models = json::array();
    std::size_t count = 0, pages = 0;
    for (std::uint32_t m : group.models) {
      SummaryEntry e = entry(m);
      count += e.count;
      models.push_back(std::move(e.data));
    }
    for (const auto& part : split.parts) pages += part.group == g;
    rows.push_back({{"state", group.state},
                    {"href", page.href(urls::state_page(split.page, group.slug))},
                    {"pages", pages > 1 ? fmt::format("{} pages", pages) : std::string()},
                    {"models", std::move(models)},
                    {"count", count_label(count)}});
  }
  return rows;
}

std::string part_name(const StateSplit& split, const StatePart& part) {
  const std::string& state = split.groups[part.group].state;
  return part.of == 1 ? state : fmt::format("{}, page {} of {}", state, part.number, part.of);
}

void add_pagination(json& data, const PageBuilder& page, const StateSplit& split, const StatePart& part) {
  if (part.of == 1) return;
  const std::string& slug = split.groups[part.group].slug;
  json pages = json::array();
  for (std::size_t n = 1; n <= part.of; ++n)
    pages.push_back({{"number", std::to_string(n)}, {"href", page.href(urls::state_page(split.page, slug, n))},
                     {"current", n == part.number}});
  data["pagination"] = {
      {"label", fmt::format("Page {} of {}", part.number, part.of)},
      {"pages", std::move(pages)},
      {"prev_href", part.number > 1 ? page.href(urls::state_page(split.page, slug, part.number - 1)) : std::string()},
      {"next_href", part.number < part.of ? page.href(urls::state_page(split.page, slug, part.number + 1)) : std::string()}};
}

std::string count_phrase(std::size_t n, const std::string& noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

}  // namespace pb::views
