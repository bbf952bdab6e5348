#include "import/role_split.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "compare/text_compare.hpp"

namespace pb::inline import {

namespace {

struct RoleStatement {
  std::string role;
  std::vector<std::uint64_t> shingles;
};

std::vector<std::uint64_t> shingle_set(std::string_view text) {
  auto set = shingles(text);
  std::sort(set.begin(), set.end());
  set.erase(std::unique(set.begin(), set.end()), set.end());
  return set;
}

// score[i][r]: how much item i is like the statements of role r (its best match).
std::vector<std::vector<double>> likeness(const std::vector<DraftItem>& items, const std::vector<std::string>& roles,
                                          const std::vector<RoleStatement>& known) {
  std::vector<std::vector<double>> score(items.size(), std::vector<double>(roles.size(), 0.0));
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto mine = shingle_set(items[i].text);
    for (const auto& k : known)
      for (std::size_t r = 0; r < roles.size(); ++r)
        if (k.role == roles[r]) score[i][r] = std::max(score[i][r], jaccard(mine, k.shingles));
  }
  return score;
}

// Cuts items into roles.size() consecutive non-empty runs maximising the summed likeness; a run as long as
// the other edition's list of that role breaks ties (a statement both roles share, word for word).
std::vector<std::size_t> best_cuts(const std::vector<std::vector<double>>& score, const std::vector<std::size_t>& expected) {
  const std::size_t parts = expected.size();
  const std::size_t n = score.size();
  constexpr double none = -std::numeric_limits<double>::infinity();
  // best[p][i]: best total for the first i items in p parts; from[p][i]: where part p starts.
  std::vector<std::vector<double>> best(parts + 1, std::vector<double>(n + 1, none));
  std::vector<std::vector<std::size_t>> from(parts + 1, std::vector<std::size_t>(n + 1, 0));
  best[0][0] = 0;
  for (std::size_t p = 1; p <= parts; ++p)
    for (std::size_t i = p; i <= n; ++i) {
      double run = 0;
      for (std::size_t start = i; start-- > p - 1;) {
        run += score[start][p - 1];
        if (best[p - 1][start] == none) continue;
        const double fits = i - start == expected[p - 1] ? 0.5 : 0.0;
        if (const double total = best[p - 1][start] + run + fits; total > best[p][i]) {
          best[p][i] = total;
          from[p][i] = start;
        }
      }
    }
  std::vector<std::size_t> starts(parts, 0);
  for (std::size_t p = parts, i = n; p > 0; --p) {
    starts[p - 1] = from[p][i];
    i = from[p][i];
  }
  return starts;
}

}  // namespace

int split_stacked_roles(DraftModel& draft, const std::vector<const Model*>& references, ImportNotes& notes) {
  // The actions of the reference sections with this label ("Value 5"), or of all of them.
  auto known_for = [&](const std::string& label) {
    std::vector<RoleStatement> known;
    for (int pass = 0; pass < 2 && known.empty(); ++pass)
      for (const Model* model : references)
        for (const auto& section : model->sections)
          if (pass == 1 || (!label.empty() && section.label == label))
            for (const auto& block : section.blocks)
              if (block.kind == BlockKind::actions)
                for (const auto& s : block.items) known.push_back({block.role, shingle_set(s.text.source)});
    return known;
  };
  int split = 0;
  for (auto& section : draft.sections)
    for (std::size_t b = 0; b < section.blocks.size(); ++b) {
      const auto known = known_for(section.label);
      DraftBlock& block = section.blocks[b];
      if (block.stacked.empty()) continue;
      std::vector<DraftBlock> parts = {block};
      parts.front().stacked.clear();
      for (auto& extra : block.stacked) parts.push_back(std::move(extra));
      block.stacked.clear();
      std::vector<std::string> roles;
      for (const auto& p : parts) roles.push_back(p.role);
      if (known.empty() || block.items.size() < parts.size()) {
        std::vector<std::string> headings;
        for (const auto& p : parts) headings.push_back("'" + p.heading + "'");
        notes.to_do.push_back(fmt::format(
            "'{}': {} statements are printed before the headings {} with nothing to show where each role's "
            "actions begin; they are all under the first: move each to its role (or import with --family, "
            "when another edition is in content/, and import splits them by that edition)",
            section.title, block.items.size(), fmt::join(headings, ", ")));
        block.stacked.assign(parts.begin() + 1, parts.end());  // for the report: where their headings went
        continue;
      }
      std::vector<std::size_t> expected;
      for (const auto& role : roles)
        expected.push_back(static_cast<std::size_t>(
            std::count_if(known.begin(), known.end(), [&](const RoleStatement& k) { return k.role == role; })));
      const auto starts = best_cuts(likeness(block.items, roles, known), expected);
      std::vector<DraftItem> items = std::move(parts.front().items);
      for (std::size_t p = 0; p < parts.size(); ++p) {
        const std::size_t end = p + 1 < parts.size() ? starts[p + 1] : items.size();
        parts[p].items.assign(items.begin() + static_cast<std::ptrdiff_t>(starts[p]), items.begin() + static_cast<std::ptrdiff_t>(end));
      }
      notes.to_do.push_back(fmt::format("'{}': {} statements printed before {} role headings were split among "
                                        "them by likeness to the other edition: check where each role begins",
                                        section.title, items.size(), parts.size()));
      section.blocks.erase(section.blocks.begin() + static_cast<std::ptrdiff_t>(b));
      section.blocks.insert(section.blocks.begin() + static_cast<std::ptrdiff_t>(b), parts.begin(), parts.end());
      b += parts.size() - 1;
      ++split;
    }
  return split;
}

}  // namespace pb::import
