#pragma once
// A model's page against an external framework (compare/frameworks/<f>/<model>/): one page, or for a
// long manual numbered pages (…/<model>/2/, …) of runs of the framework's items, an item with more
// statements than a page holds cut into runs of them. Planned before the pages render, from a bound
// that needs no crosswalk, and for the few models over it from their crosswalk alone.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "link/crosswalk.hpp"
#include "views/page.hpp"
#include "views/state_split.hpp"

namespace pb::inline views {

// A framework item on a page: whole, or a run of its statements.
struct ItemPiece {
  std::size_t row;  // index into framework_rows()
  ResultRun part;
};

struct ModelPages {
  std::vector<std::string> paths;              // the first at the page's own address
  std::vector<std::vector<ItemPiece>> pages;   // by page; none: one page of every item whole
  std::vector<std::size_t> page_of_row;        // by row: the page of its first statements

  // A link to row `r`'s item (`item_id`) from `page`: "#id" on its own page.
  std::string href(const PageBuilder& page, std::size_t r, const std::string& item_id) const;
};

// By model: at most what its page against `fw` weighs (every statement of each item's topics, among
// which the crosswalk finds the item's, and the statements the item names, each as heavy as the
// model's heaviest). A model under the budget by it is one page.
std::vector<std::size_t> framework_page_bounds(const LinkedSite& linked, const ExternalFramework& fw);

// The pages of `model`'s page against `fw`, given `rows` (framework_rows) and each row's statements
// of the model (`of_row`, from its crosswalk).
using RowStatements = std::function<const std::vector<std::size_t>&(std::size_t row)>;
ModelPages framework_model_pages(const LinkedSite& linked, const ExternalFramework& fw, const std::vector<FrameworkRow>& rows,
                                 const RowStatements& of_row, const Model& model, std::size_t budget);

}  // namespace pb::views
