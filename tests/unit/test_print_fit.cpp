// The one-pager's print size: sparse sections print large and spread down the page, dense ones shrink
// to 7.5 pt at the least, and the role blocks stay whole unless no size allows it.
#include <doctest/doctest.h>

#include <string>

#include "core/qr_svg.hpp"
#include "views/print_fit.hpp"

using namespace pb;

namespace {

OnePagerText sheet(std::size_t statements, std::size_t roles, std::size_t actions_per_role) {
  OnePagerText text{40, 120, false, {}, {}};
  text.blocks.push_back({16, std::vector<std::size_t>(statements, 110)});
  for (std::size_t r = 0; r < roles; ++r) text.roles.push_back({18, std::vector<std::size_t>(actions_per_role, 70)});
  return text;
}

}  // namespace

TEST_CASE("a sparse section prints large and uses the page; the sparsest spreads its items down it") {
  const PrintFit five = fit_one_pager(sheet(5, 0, 0));
  CHECK(five.size_pt >= 11);
  CHECK_FALSE(five.split_roles);
  // At least half of the Letter page's 9.65 in body (695 pt), by the estimate.
  CHECK(one_pager_height(sheet(5, 0, 0), five.size_pt, five.item_gap_pt) >= 0.5 * 695);
  const PrintFit two = fit_one_pager(sheet(2, 0, 0));
  CHECK(two.size_pt == doctest::Approx(max_print_size));
  CHECK(two.item_gap_pt > two.size_pt);  // more than a line between items
}

TEST_CASE("a dense section shrinks, never below 7.5 pt, and keeps role blocks whole while a size allows it") {
  const PrintFit medium = fit_one_pager(sheet(12, 4, 7));
  CHECK(medium.size_pt < max_print_size);
  CHECK(medium.size_pt >= min_print_size);
  CHECK_FALSE(medium.split_roles);
  const PrintFit huge = fit_one_pager(sheet(40, 4, 40));
  CHECK(huge.size_pt == doctest::Approx(min_print_size));
  CHECK(huge.split_roles);
}

TEST_CASE("the estimate grows with the type size and with the text") {
  const OnePagerText text = sheet(10, 2, 6);
  CHECK(one_pager_height(text, 12, 1) > one_pager_height(text, 9, 1));
  CHECK(one_pager_height(sheet(20, 2, 6), 9, 1) > one_pager_height(text, 9, 1));
  // Whole blocks in two columns take at least as much height as blocks that may continue.
  CHECK(one_pager_height(text, 9, 1, 2, false) >= one_pager_height(text, 9, 1, 2, true) - 9 * 2 * 1.3);
}

TEST_CASE("a QR code is an inline SVG with a quiet zone, labelled; nothing for empty text") {
  const std::string svg = qr_svg("https://example.org/handouts/x/", "0.85in", "QR code: <x>");
  CHECK(svg.starts_with("<svg class=\"qr-code\""));
  CHECK(svg.find("viewBox=\"0 0 37 37\"") != std::string::npos);  // version 3 (29 modules) + 2 × 4
  CHECK(svg.find("aria-label=\"QR code: &lt;x&gt;\"") != std::string::npos);
  CHECK(svg.find("width=\"0.85in\"") != std::string::npos);
  CHECK(qr_svg("", "1in", "x").empty());
}
