#pragma once
// Helpers for tests that need real files: a temporary content folder, removed afterwards.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "link/linked_site.hpp"

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

// Every diagnostic as printed, without colour, in output order.
std::vector<std::string> formatted(const Diagnostics& diags);

}  // namespace pb::test
