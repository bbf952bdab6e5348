#pragma once
// Helpers for tests that need real files: a temporary content folder, removed afterwards.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostics.hpp"
#include "link/linked_site.hpp"
#include "views/page.hpp"

namespace pb::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  // Writes a file (creating folders) relative to the temporary folder.
  void write(const std::string& relative, const std::string& text) const;

 private:
  std::filesystem::path path_;
};

// A minimal valid content folder: site.yaml, roles, topics, one model with one section.
void write_minimal_content(const TempDir& dir);

// A content folder read and linked as a build does it (the same phase functions). The Site is
// null-free: the test fails when the content has errors.
LinkedSite read_and_link(const std::filesystem::path& content_dir);

// A page with its template data as JSON, to read in checks (empty texts are false, as templates see them).
struct JsonPage {
  std::string path, template_name;
  nlohmann::json data;
  std::string raw;
};
inline JsonPage as_json(const Page& page) { return {page.path, page.template_name, to_json(page.data), page.raw}; }

// Every diagnostic as printed, without colour, in output order.
std::vector<std::string> formatted(const Diagnostics& diags);

}  // namespace pb::test
