#include "import/source_text.hpp"

#include <fmt/format.h>

#include "core/files.hpp"
#include "core/utf8.hpp"
#include "import/pdf_text.hpp"

namespace fs = std::filesystem;

namespace pb::inline import {

SourceDocument text_document(const std::string& path, const std::string& text) {
  SourceDocument doc;
  doc.path = path;
  std::string_view rest = text;
  if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);  // a byte order mark
  while (!rest.empty()) {
    const auto end = rest.find('\n');
    std::string line(rest.substr(0, end));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    doc.lines.push_back({std::move(line), 0, {}, false});
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return doc;
}

std::optional<SourceDocument> read_source(const fs::path& file, const ReadLimits& limits, Diagnostics& diags) {
  std::error_code ec;
  if (!fs::exists(file, ec)) {  // a folder or a device there is not "missing": read_file_reporting says what it is
    diags.error(location_of(file), "no such file", "give the path of the PDF or text file to import");
    return std::nullopt;
  }
  const auto size = fs::file_size(file, ec);
  if (!ec && size > 64u * 1024 * 1024) {
    diags.error(location_of(file), fmt::format("the file is {} MB; import reads at most 64 MB", size / (1024 * 1024)),
                "split the document, or import the part that holds the practice model");
    return std::nullopt;
  }
  const std::optional<std::string> read = read_file_reporting(file, location_of(file), diags);
  if (!read) return std::nullopt;
  const std::string& text = *read;
  if (text.starts_with("%PDF-")) return read_pdf(file, limits, diags);
  if (text.size() > limits.max_text_bytes) {
    diags.error(location_of(file), fmt::format("the text is {} MB; import reads at most {} MB", text.size() >> 20,
                                            limits.max_text_bytes >> 20),
                "import the part of the document that holds the practice model");
    return std::nullopt;
  }
  if (const auto problem = find_utf8_problem(text)) {
    diags.error(location_of(file), fmt::format("this is neither a PDF nor a UTF-8 text file: {} (at offset {})",
                                            problem->what, problem->offset),
                "import a PDF, or a text or Markdown extraction saved as UTF-8 (e.g. `pdftotext -layout file.pdf`)");
    return std::nullopt;
  }
  // An empty file (or one of spaces and line ends), a `.pdf` saved empty among them, has nothing to
  // draft a model from: a model of placeholders would be published by the next build.
  if (text.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
    diags.error(location_of(file), text.empty() ? "the file is empty: there is no text to import"
                                                : "the file holds only blank space: there is no text to import",
                "import the PDF or text of the practice model itself");
    return std::nullopt;
  }
  return text_document(file.generic_string(), text);
}

}  // namespace pb::import
