#pragma once
// What the handouts index says of a printed handout: its pages and a first-page thumbnail, read from
// the PDF with poppler (Debian's libpoppler-cpp), so the figures are those of the file one downloads.
#include <cstdint>
#include <filesystem>
#include <optional>

namespace pb::inline tools {

struct PdfFacts {
  int pages = 0;
  std::uintmax_t bytes = 0;
};

// Reads `pdf`; when `thumbnail` is given, also renders its first page `thumbnail_width` pixels wide
// into that PNG. Nothing when the file is not a readable PDF.
std::optional<PdfFacts> read_pdf_facts(const std::filesystem::path& pdf, const std::filesystem::path& thumbnail = {},
                                       int thumbnail_width = 180);

}  // namespace pb::tools
