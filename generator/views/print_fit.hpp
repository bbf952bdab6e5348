#pragma once
// The type size a one-page handout prints in, estimated from the text it holds: a sparse sheet prints
// large and uses the page, a dense one shrinks (never below 7.5 pt) to stay on one Letter page.
// The estimate is a model of the print layout in theme/default (handouts.css): two balanced columns
// of statements, then the role blocks in two columns, each block whole. The browser suite measures the
// printed result (pages, type size, how much of the page is used).
#include <cstddef>
#include <vector>

namespace pb::inline views {

struct PrintGroup {
  std::size_t heading_chars = 0;        // 0: no heading
  std::vector<std::size_t> item_chars;  // the length of each item's text
};

struct OnePagerText {
  std::size_t title_chars = 0, summary_chars = 0;
  bool qr_code = false;  // a QR code sits at the top right (when the site has a base_url)
  std::vector<PrintGroup> blocks;  // principles, practice, …: two balanced columns
  std::vector<PrintGroup> roles;   // the actions of each role: two columns, each block whole
};

struct PrintFit {
  double size_pt = 10;     // body type size
  double item_gap_pt = 1;  // space between items (more on a sparse sheet, to use the page)
  int role_columns = 2;    // the role blocks' columns: up to one per role on the densest sheets
  bool split_roles = false;  // only when no size fits them whole: role blocks may continue in the next column
};

inline constexpr double min_print_size = 7.5, max_print_size = 18;

// Height in points the one-pager's body takes at `size` with `item_gap` between items.
double one_pager_height(const OnePagerText& text, double size, double item_gap, int role_columns = 2,
                        bool split_roles = false);

// The largest size (in quarter points, 7.5 to 18) whose estimate fits one Letter page, with the fewest
// role columns (2 to 4) that fit at that size; when even the
// largest leaves most of the page empty, a larger gap between items spreads the text down the page.
PrintFit fit_one_pager(const OnePagerText& text);

}  // namespace pb::views
