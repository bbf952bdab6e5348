#include "core/files.hpp"

#include <fmt/format.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <system_error>
#include <vector>

#include "core/parallel.hpp"

namespace pb::inline core {

namespace {

std::string system_message(int error) { return std::system_category().message(error); }

// Closes the descriptor on every way out.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

FileRead read_file(const std::filesystem::path& file, std::uintmax_t max_bytes) {
  FileRead result;
  int fd;
  // O_NONBLOCK: a named pipe with no writer must not hold the build (it is refused below).
  do fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    result.error = system_message(errno);
    return result;
  }
  const Descriptor closer{fd};
  struct stat facts {};
  if (::fstat(fd, &facts) != 0) {
    result.error = system_message(errno);
    return result;
  }
  if (S_ISDIR(facts.st_mode)) {  // which Linux opens, and reads as nothing
    result.error = system_message(EISDIR);
    return result;
  }
  if (!S_ISREG(facts.st_mode)) {  // a device such as /dev/zero would never end
    result.error = "not a regular file (a device, pipe or socket)";
    return result;
  }
  if (facts.st_size > 0 && static_cast<std::uintmax_t>(facts.st_size) > max_bytes) {
    result.too_large = static_cast<std::uintmax_t>(facts.st_size);
    return result;
  }
  // Read into the string itself, to the end rather than to the size stat gave: files under /proc
  // say 0, and a file may grow meanwhile. The spare byte lets a regular file end in one more read.
  std::string& bytes = result.bytes;
  bytes.resize(std::max<std::size_t>(static_cast<std::size_t>(std::max<off_t>(facts.st_size, 0)) + 1, 4096));
  std::size_t size = 0;
  for (;;) {
    if (size == bytes.size()) bytes.resize(bytes.size() * 2);
    const ssize_t n = ::read(fd, bytes.data() + size, bytes.size() - size);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      result.error = system_message(errno);
      bytes.clear();
      return result;
    }
    size += static_cast<std::size_t>(n);
    if (size > max_bytes) {
      result.too_large = size;
      bytes.clear();
      return result;
    }
  }
  bytes.resize(size);
  return result;
}

std::optional<std::string> read_file_reporting(const std::filesystem::path& file, const SourceLocation& where,
                                               Diagnostics& diags, std::string_view what) {
  FileRead read = read_file(file);
  if (read.ok()) return std::move(read.bytes);
  report_unreadable(read, where, diags, what);
  return std::nullopt;
}

void report_unreadable(const FileRead& read, const SourceLocation& where, Diagnostics& diags, std::string_view what) {
  diags.error(where, fmt::format("cannot read {}: {}", what, read.error),
              "check that it is a file you may read (its permissions, or where a link points)");
}

std::optional<std::string> read_whole_file(const std::filesystem::path& file) {
  FileRead read = read_file(file);
  if (!read.ok()) return std::nullopt;
  return std::move(read.bytes);
}

SourceLocation location_of(const std::filesystem::path& file) {
  return location_in(std::make_shared<const std::string>(file.generic_string()));
}

void remove_tree(const std::filesystem::path& folder, unsigned threads) noexcept {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(folder, ec))) {
    fs::remove(folder, ec);
    return;
  }
  // Called from destructors too (a failed build's staging folder): nothing may escape. Threads that
  // cannot be started, or memory that runs out, leave the work to the single-threaded removal below.
  try {
    // The work: what lies two levels down (a site's folders each hold hundreds of pages' folders),
    // and the files one level down.
    std::vector<fs::path> parts;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      std::error_code inner;
      if (!entry.is_directory(inner) || entry.is_symlink(inner)) {
        parts.push_back(entry.path());
        continue;
      }
      for (const auto& below : fs::directory_iterator(entry.path(), inner)) parts.push_back(below.path());
    }
    Diagnostics ignored;  // an item that failed is only left in place
    parallel_for({.count = parts.size(), .threads = threads, .min_per_thread = 16, .name = {}},
                 [&](std::size_t i, unsigned) {
                   std::error_code item;
                   fs::remove_all(parts[i], item);
                 },
                 ignored);
  } catch (...) {
  }
  fs::remove_all(folder, ec);  // the emptied folders, and anything left above
}

}  // namespace pb::core
