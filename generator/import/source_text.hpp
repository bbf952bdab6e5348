#pragma once
// A document as lines of text, from a text or Markdown extraction or from a PDF's text layer. PDF
// lines come in reading order (columns left to right), page furniture already marked.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace pb::inline import {

struct SourceLine {
  std::string text;
  int page = 0;               // 1-based for PDFs, 0 for text files
  std::string set_aside;      // why the reader set it aside (a running header…); empty for content
  bool heading_type = false;  // PDF: in larger type than the body text, or a short line in bold: a heading
};

struct SourceDocument {
  std::string path;           // as given, for messages and the report
  bool from_pdf = false;
  int pages = 0;
  std::vector<SourceLine> lines;
};

// Bounds for a PDF: a brochure is a few dozen pages; anything far beyond is refused, not ground through.
struct ReadLimits {
  int max_pages = 200;
  double max_seconds = 20.0;
  std::size_t max_text_bytes = 16 * 1024 * 1024;
};

// Reads a PDF or a UTF-8 text file. A file of another type, a corrupt, encrypted or scanned PDF, or one
// over the limits is an error in `diags` (naming the file and what to do) and returns nothing.
std::optional<SourceDocument> read_source(const std::filesystem::path& file, const ReadLimits& limits,
                                          Diagnostics& diags);

// The lines of a text extraction (exposed for the tests).
SourceDocument text_document(const std::string& path, const std::string& text);

}  // namespace pb::import
