#include "views/print_fit.hpp"

#include <algorithm>
#include <cmath>

namespace pb::inline views {

namespace {

// Letter portrait inside the handout margins (0.6 in at the sides, 0.55 in top, 0.8 in bottom).
constexpr double page_width = 7.3 * 72, page_height = 9.65 * 72;
constexpr double column_gap = 0.25 * 72;
// Average advance of a character in em (DejaVu Sans, Chromium's default on Debian).
constexpr double glyph_width = 0.54;
// Line height: 1.3 as in handouts.css, 1.2 in the small sizes of the densest sheets.
double leading(double size) { return size < 8.5 ? 1.2 : 1.3; }
constexpr double fill_target = 0.9;    // the estimate's margin of error, kept free
constexpr double sparse_fill = 0.72;   // a sheet should use at least this share of the page

double lines(std::size_t chars, double width, double size) {
  // A line breaks between words: it holds about half a word (3 characters) less than fits.
  const double per_line = std::max(4.0, std::floor(width / (glyph_width * size)) - 3);
  return std::max(1.0, std::ceil(static_cast<double>(chars) / per_line));
}

// A group: its heading (slightly larger, bold) and its items, each with the gap after it.
double group_height(const PrintGroup& g, double width, double size, double gap) {
  double h = 0;
  if (g.heading_chars) h += lines(g.heading_chars, width, size * 1.15) * size * 1.15 * 1.25 + size * 0.5;
  for (std::size_t chars : g.item_chars) h += lines(chars, width - size * 1.3, size) * size * leading(size) + gap;
  return h;
}

// The shortest possible longest column when `heights` are cut, in order, into `columns` runs.
double longest_column(const std::vector<double>& heights, int columns) {
  const std::size_t n = heights.size();
  // best[k][i]: the first i blocks in k columns.
  std::vector<std::vector<double>> best(columns + 1, std::vector<double>(n + 1, 1e18));
  best[0][0] = 0;
  for (int k = 1; k <= columns; ++k)
    for (std::size_t i = 0; i <= n; ++i) {
      double run = 0;
      for (std::size_t j = i + 1; j-- > 0;) {  // the k-th column holds blocks j..i-1
        best[k][i] = std::min(best[k][i], std::max(best[k - 1][j], run));
        if (j > 0) run += heights[j - 1];
      }
    }
  return best[columns][n];
}

std::size_t item_count(const OnePagerText& text) {
  std::size_t n = 0;
  for (const auto* groups : {&text.blocks, &text.roles})
    for (const auto& g : *groups) n += g.item_chars.size();
  return n;
}

}  // namespace

double one_pager_height(const OnePagerText& text, double size, double item_gap, int role_columns, bool split_roles) {
  const double column = (page_width - column_gap) / 2;
  // The header: kind line and title (beside the QR code when there is one, and at least as tall).
  const double title_width = text.qr_code ? page_width - 1.15 * 72 : page_width;
  double h = size * 1.3 + lines(text.title_chars, title_width, size * 1.6) * size * 1.6 * 1.2 + size * 0.5;
  if (text.qr_code) h = std::max(h, 1.0 * 72);
  if (text.summary_chars) h += lines(text.summary_chars, page_width - size * 2, size * 1.1) * size * 1.1 * leading(size) + size * 1.2;
  double blocks = 0;
  for (const auto& g : text.blocks) blocks += group_height(g, column, size, item_gap);
  if (!text.blocks.empty()) h += blocks / 2 + size * leading(size);  // balanced columns end unevenly by a line
  // The role blocks flow in columns, each whole, in order: the height is that of the longest column
  // when the blocks are cut into `role_columns` runs as evenly as can be (as the browser balances them).
  if (!text.roles.empty()) {
    const double column_width = (page_width - column_gap * (role_columns - 1)) / role_columns;
    std::vector<double> roles;
    for (const auto& g : text.roles) roles.push_back(group_height(g, column_width, size, item_gap) + size * 0.6);
    double total = 0;
    for (double r : roles) total += r;
    h += (split_roles ? total / role_columns + size * 2 * leading(size) : longest_column(roles, role_columns)) + size;
  }
  return h;
}

// The first of `count` steps at which `holds` is true, or `count` when it never is; `holds` must be
// false and then true (the estimate only grows with the type size and the gap, so "fits at the k-th
// size from the largest" and "fills the page at the k-th gap" are): a binary search, not a walk.
template <typename Holds>
std::size_t first_step(std::size_t count, Holds holds) {
  std::size_t low = 0, high = count;
  while (low < high) {
    const std::size_t middle = low + (high - low) / 2;
    if (holds(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

PrintFit fit_one_pager(const OnePagerText& text) {
  const int most_columns = static_cast<int>(std::clamp<std::size_t>(text.roles.size(), 2, 4));
  PrintFit fit{min_print_size, min_print_size * 0.15, most_columns, false};
  // The sizes tried, largest first, in quarter points.
  const auto sizes = static_cast<std::size_t>((max_print_size - min_print_size) / 0.25) + 1;
  auto size_at = [](std::size_t k) { return max_print_size - 0.25 * static_cast<double>(k); };
  auto fits = [&](double size, int columns, bool split) {
    return one_pager_height(text, size, size * 0.15, columns, split) <= page_height * fill_target;
  };
  // The largest size that fits; at one size, the fewest role columns (wider columns read better).
  auto fewest_columns = [&](double size) {
    for (int columns = 2; columns <= most_columns; ++columns)
      if (fits(size, columns, false)) return columns;
    return 0;
  };
  if (const std::size_t k = first_step(sizes, [&](std::size_t step) { return fewest_columns(size_at(step)) > 0; }); k < sizes) {
    fit = {size_at(k), size_at(k) * 0.15, fewest_columns(size_at(k)), false};
  } else if (const std::size_t d = first_step(sizes, [&](std::size_t step) { return fits(size_at(step), most_columns, true); });
             d < sizes) {
    // The densest sheets: the role blocks flow through the columns, each heading kept with its first actions.
    fit = {size_at(d), size_at(d) * 0.15, most_columns, true};
  } else {
    fit.split_roles = true;
  }
  // Even the largest type leaves the page mostly empty: spread the items down it.
  // (Items sit in columns, so a wider gap lengthens the page by less than the gap times the items:
  // the gap is widened step by step against the estimate, the steps added up as they always were.)
  if (item_count(text) == 0) return fit;
  std::vector<double> gaps{fit.item_gap_pt};
  while (gaps.back() < fit.size_pt * 4) gaps.push_back(gaps.back() + 0.5);
  const std::size_t g = first_step(gaps.size() - 1, [&](std::size_t j) {
    return one_pager_height(text, fit.size_pt, gaps[j], fit.role_columns, fit.split_roles) >= page_height * sparse_fill;
  });
  fit.item_gap_pt = gaps[g];
  return fit;
}

}  // namespace pb::views
