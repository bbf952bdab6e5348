#pragma once
// Reading a whole file, and naming one in a diagnostic.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.hpp"

namespace pb::inline core {

// A file's bytes, or why they could not be read, in the system's words ("Permission denied",
// "Input/output error"): a file that exists but cannot be read is an error to report, not an empty file.
struct FileRead {
  std::string bytes;
  std::string error;            // empty when the whole file was read
  std::uintmax_t too_large = 0;  // past the limit: its size (or how far reading got), and no bytes
  bool ok() const { return error.empty() && too_large == 0; }
};
// With `max_bytes`, a file larger than that is refused by its size before it is read, and reading
// stops as soon as it passes the limit (a file that grows, or one under /proc that says 0 bytes).
FileRead read_file(const std::filesystem::path& file, std::uintmax_t max_bytes = UINTMAX_MAX);

// Reports why `read` failed (not for a file too large: what to do about that is the caller's to say):
// "cannot read <what>: Permission denied" at `where`, with a hint.
void report_unreadable(const FileRead& read, const SourceLocation& where, Diagnostics& diags,
                       std::string_view what = "the file");

// The file's bytes; when it cannot be read, an error at `where` (see report_unreadable) and nothing.
std::optional<std::string> read_file_reporting(const std::filesystem::path& file, const SourceLocation& where,
                                               Diagnostics& diags, std::string_view what = "the file");

// The file's bytes, or nothing when it cannot be opened or read.
std::optional<std::string> read_whole_file(const std::filesystem::path& file);

// Removes a folder and everything in it, as `rm -rf` does, its subfolders on `threads` threads at once:
// where each unlink waits for the disk (ext4 mounted with `discard` tells the device of every file's
// freed blocks) a national site's 16,000 files took 5 s one at a time and 2 s eight at a time. Best
// effort: what cannot be removed is left, and a symbolic link is removed, not followed. Never throws.
void remove_tree(const std::filesystem::path& folder, unsigned threads = 8) noexcept;

// A diagnostic's place that is a whole file or folder (no line), shown with '/' on every system.
SourceLocation location_of(const std::filesystem::path& file);

}  // namespace pb::core
