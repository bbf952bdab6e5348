#pragma once
// Writes a build into a staging folder beside the output folder and swaps it in only on success,
// so a failed build leaves the previous site exactly as it was.
#include <atomic>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"

namespace pb::inline render {

class SiteWriter {
 public:
  // Creates "<out>.tmp-<pid>" beside `out`. Reports and returns !ok() when it cannot.
  SiteWriter(std::filesystem::path out, Diagnostics& diags);
  ~SiteWriter();  // removes the staging folder unless committed
  SiteWriter(const SiteWriter&) = delete;
  SiteWriter& operator=(const SiteWriter&) = delete;

  bool ok() const { return ok_; }
  const std::filesystem::path& staging() const { return staging_; }

  // Creates the folders a set of files need, before writing them from several threads; `threads`
  // as for parallel_for (0: one per core).
  void prepare_directories(const std::vector<std::string>& relative_files, unsigned threads = 0);
  // Writes one file under the staging folder; thread-safe for distinct paths.
  void write(const std::string& relative, std::string_view bytes) { write(relative, std::span(&bytes, 1)); }
  // The same for a file made of parts, written one after the other (in one system call).
  void write(const std::string& relative, std::span<const std::string_view> parts);

  // Replaces `out` with the staging folder. Returns false (with a diagnostic) on failure.
  bool commit();

  // The file that marks a folder as built by Practicebook: only such a folder is ever replaced.
  static constexpr const char* marker = ".practicebook";

 private:
  std::filesystem::path out_, staging_;
  int staging_fd_ = -1;  // the staging folder, open for openat and mkdirat
  Diagnostics& diags_;
  std::atomic<bool> ok_{true};  // written by every rendering thread
  bool committed_ = false;
};

}  // namespace pb::render
