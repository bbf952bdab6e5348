#include <doctest/doctest.h>

#include "views/by_state.hpp"
#include "views/state_split.hpp"

using namespace pb;

namespace {
Model model_in(std::string state, std::string jurisdiction = "") {
  Model m;
  m.state = std::move(state);
  m.jurisdiction = jurisdiction.empty() ? m.state : std::move(jurisdiction);
  return m;
}
}  // namespace

TEST_CASE("group_by_state puts the models of one state together, states alphabetical, slugs unique") {
  Site site;
  site.models = {model_in("Virginia"), model_in("Arkansas"), model_in("Virginia", "Fairfax County"),
                 model_in("St. Croix"), model_in("St Croix"), model_in("", "Navajo Nation")};
  const auto groups = group_by_state(site, {0, 1, 2, 3, 4, 5});
  REQUIRE(groups.size() == 5);
  CHECK(groups[0].state == "Arkansas");
  CHECK(groups[1].state == "Navajo Nation");  // no state given: the jurisdiction stands for it
  CHECK(groups[1].slug == "navajo-nation");
  CHECK(groups[2].slug == "st-croix");
  CHECK(groups[3].slug == "st-croix-2");
  CHECK(groups[4].state == "Virginia");
  CHECK(groups[4].models == std::vector<std::uint32_t>{0, 2});
  // Only the models asked for are grouped.
  CHECK(group_by_state(site, {1}).size() == 1);
}

TEST_CASE("pack_runs fills pages up to the budget, in order") {
  const auto runs = pack_runs({40, 50, 20, 100, 5, 5}, 100);
  REQUIRE(runs.size() == 4);
  CHECK(runs[0].begin == 0);
  CHECK(runs[0].end == 2);  // 40 + 50; a third item would pass 100
  CHECK(runs[1].begin == 2);
  CHECK(runs[1].end == 3);  // 20, then 100 does not fit
  CHECK(runs[2].end == 4);  // 100 exactly
  CHECK(runs[3].begin == 4);
  CHECK(runs[3].end == 6);
  CHECK(pack_runs({}, 100).empty());
  const auto heavy = pack_runs({500, 1}, 100);  // too heavy for any page: a page of its own
  REQUIRE(heavy.size() == 2);
  CHECK(heavy[0].end == 1);
  CHECK(total_weight({40, 50, 20}) == 110);
}

TEST_CASE("pack_runs puts at most max_items items in a run, however light") {
  const auto runs = pack_runs({1, 1, 1, 1, 1}, 100, 2);
  REQUIRE(runs.size() == 3);
  CHECK(runs[0].end == 2);
  CHECK(runs[1].begin == 2);
  CHECK(runs[1].end == 4);
  CHECK(runs[2].end == 5);
  CHECK(pack_runs({60, 60, 1}, 100, 2).size() == 2);  // the budget still cuts first: 60 | 60 + 1
}

TEST_CASE("cut_runs: one whole run when the items fit, else runs that fit with the overhead, weighed") {
  const auto whole = cut_runs({10, 20, 30}, 5, 100);
  REQUIRE(whole.size() == 1);
  CHECK(whole[0].run.begin == whole_part.begin);
  CHECK(whole[0].run.end == whole_part.end);
  CHECK(whole[0].weight == 65);
  const auto cut = cut_runs({30, 30, 30, 30, 30}, 10, 75);  // room for 65 of items a run
  REQUIRE(cut.size() == 3);
  CHECK(cut[0].run.begin == 0);
  CHECK(cut[0].run.end == 2);
  CHECK(cut[0].weight == 70);
  CHECK(cut[2].run.begin == 4);
  CHECK(cut[2].weight == 40);
  CHECK(cut_runs({500}, 0, 10).size() == 1);  // one item, however heavy: whole
}
