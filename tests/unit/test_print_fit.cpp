// The one-pager's print size: sparse sections print large and spread down the page, dense ones shrink
// to 7.5 pt at the least, and the role blocks stay whole unless no size allows it.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
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

namespace {

// The fit found by trying every size from the largest and every gap from the smallest, as the
// search is meant to: the reference the binary searches must agree with.
PrintFit fit_by_trying_all(const OnePagerText& text) {
  const int most_columns = static_cast<int>(std::clamp<std::size_t>(text.roles.size(), 2, 4));
  PrintFit fit{min_print_size, min_print_size * 0.15, most_columns, false};
  const double limit = 9.65 * 72 * 0.9;
  bool found = false;
  for (double size = max_print_size; size >= min_print_size && !found; size -= 0.25)
    for (int columns = 2; columns <= most_columns && !found; ++columns)
      if (one_pager_height(text, size, size * 0.15, columns) <= limit) fit = {size, size * 0.15, columns, false}, found = true;
  for (double size = max_print_size; size >= min_print_size && !found; size -= 0.25)
    if (one_pager_height(text, size, size * 0.15, most_columns, true) <= limit)
      fit = {size, size * 0.15, most_columns, true}, found = true;
  if (!found) fit.split_roles = true;
  std::size_t items = 0;
  for (const auto& g : text.blocks) items += g.item_chars.size();
  for (const auto& g : text.roles) items += g.item_chars.size();
  if (items == 0) return fit;
  while (fit.item_gap_pt < fit.size_pt * 4 &&
         one_pager_height(text, fit.size_pt, fit.item_gap_pt, fit.role_columns, fit.split_roles) < 9.65 * 72 * 0.72)
    fit.item_gap_pt += 0.5;
  return fit;
}

}  // namespace

TEST_CASE("print fit: the binary searches find the size, columns and gap that trying every one finds") {
  std::uint32_t seed = 12345;
  auto next = [&](std::uint32_t below) {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) % below;
  };
  for (int sample = 0; sample < 400; ++sample) {
    OnePagerText text{next(120), next(400), next(2) == 1, {}, {}};
    for (std::uint32_t b = next(4); b > 0; --b) {
      PrintGroup g{next(40), {}};
      for (std::uint32_t i = next(30); i > 0; --i) g.item_chars.push_back(1 + next(400));
      text.blocks.push_back(std::move(g));
    }
    for (std::uint32_t r = next(6); r > 0; --r) {
      PrintGroup g{1 + next(40), {}};
      for (std::uint32_t i = next(25); i > 0; --i) g.item_chars.push_back(1 + next(300));
      text.roles.push_back(std::move(g));
    }
    const PrintFit fast = fit_one_pager(text), slow = fit_by_trying_all(text);
    CAPTURE(sample);
    CHECK(fast.size_pt == slow.size_pt);
    CHECK(fast.item_gap_pt == slow.item_gap_pt);
    CHECK(fast.role_columns == slow.role_columns);
    CHECK(fast.split_roles == slow.split_roles);
  }
}
