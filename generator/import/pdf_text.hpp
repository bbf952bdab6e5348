#pragma once
// The text layer of a PDF (poppler), as lines in reading order: the words of each page are grouped
// into columns and lines by their boxes, and lines repeated at the top or bottom of most pages
// (running headers and footers) or holding only a page number are marked as set aside.
#include <filesystem>
#include <optional>

#include "core/diagnostics.hpp"
#include "import/source_text.hpp"

namespace pb::inline import {

std::optional<SourceDocument> read_pdf(const std::filesystem::path& file, const ReadLimits& limits,
                                       Diagnostics& diags);

}  // namespace pb::import
