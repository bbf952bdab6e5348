#include "render/writer.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <set>
#include <string_view>

#include "core/files.hpp"
#include "core/parallel.hpp"

namespace fs = std::filesystem;

namespace pb::inline render {

namespace {
SourceLocation where_of(const fs::path& p) { return location_in(std::make_shared<const std::string>(p.generic_string())); }

// Only a folder this program built (it holds the marker) or an empty one is ever replaced: a folder
// with anything else in it, even only a README.md or .gitkeep, may be someone's work.
bool is_replaceable(const fs::path& out) {
  std::error_code ec;
  if (!fs::exists(out, ec)) return true;
  if (!fs::is_directory(out, ec)) return false;
  if (fs::is_regular_file(out / SiteWriter::marker, ec)) return true;
  return fs::is_empty(out, ec) && !ec;
}

// Staging and set-aside folders of builds that were killed (SIGKILL, a crash, power loss): named
// "<out>.tmp-<pid>" or "<out>.old-<pid>", holding the marker, and their process is gone.
void remove_stale_folders(const fs::path& out) {
  std::error_code ec;
  const fs::path parent = out.parent_path().empty() ? fs::path(".") : out.parent_path();
  const std::string name = out.filename().string();
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    const std::string n = entry.path().filename().string();
    std::string rest;
    if (n.starts_with(name + ".tmp-")) rest = n.substr(name.size() + 5);
    else if (n.starts_with(name + ".old-")) rest = n.substr(name.size() + 5);
    else continue;
    if (rest.empty() || rest.size() > 9 || rest.find_first_not_of("0123456789") != std::string::npos) continue;
    const auto pid = static_cast<pid_t>(std::stol(rest));
    if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue;  // alive, or not ours to judge
    std::error_code ignored;
    if (fs::is_regular_file(entry.path() / SiteWriter::marker, ignored)) remove_tree(entry.path());
  }
}
}  // namespace

SiteWriter::SiteWriter(fs::path out, Diagnostics& diags) : out_(std::move(out)), diags_(diags) {
  if (out_.filename().empty()) out_ = out_.parent_path();  // "site/" → "site"
  if (!is_replaceable(out_)) {
    diags_.error(where_of(out_), "refusing to replace a folder that was not built by Practicebook",
                 fmt::format("choose another --out, or empty the folder: only an empty folder or one holding the "
                             "'{}' file of an earlier build is ever replaced",
                             marker));
    ok_ = false;
    return;
  }
  remove_stale_folders(out_);
  staging_ = out_;
  staging_ += fmt::format(".tmp-{}", ::getpid());
  std::error_code ec;
  fs::remove_all(staging_, ec);
  fs::create_directories(staging_, ec);
  if (ec) {
    diags_.error(where_of(staging_), fmt::format("cannot create the output folder: {}", ec.message()),
                 "check that the parent folder exists and is writable");
    ok_ = false;
    return;
  }
  // Files and folders are made relative to the staging folder: the kernel walks only the part below it.
  staging_fd_ = ::open(staging_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (staging_fd_ < 0) {
    diags_.error(where_of(staging_), fmt::format("cannot open the output folder: {}", std::strerror(errno)));
    ok_ = false;
    return;
  }
  write(marker, "Built by Practicebook. This folder is replaced on every build.\n");
}

SiteWriter::~SiteWriter() {
  if (staging_fd_ >= 0) ::close(staging_fd_);
  if (!committed_ && !staging_.empty()) remove_tree(staging_);
}

void SiteWriter::prepare_directories(const std::vector<std::string>& relative_files, unsigned threads) {
  // Every folder once (a set of every folder and its parents), each with one mkdir: the staging
  // folder is new, so nothing is there to check first. A national site has 16,000 folders: they are
  // made depth by depth, since a folder needs only its parent, and each depth's folders are shared
  // out among the threads by parent: a mkdir holds its parent folder's lock while the file system
  // finds an inode, and a second thread making a sibling waits for that lock spinning (on ext4,
  // a third of the folders' time at 500 models went to that wait).
  std::set<std::string> dirs;
  for (const auto& f : relative_files)
    for (auto slash = f.rfind('/'); slash != std::string::npos && slash > 0; slash = f.rfind('/', slash - 1))
      if (!dirs.insert(f.substr(0, slash)).second) break;  // its parents are in already
  std::vector<std::vector<const std::string*>> by_depth;
  for (const auto& d : dirs) {
    const auto depth = static_cast<std::size_t>(std::count(d.begin(), d.end(), '/'));
    if (depth >= by_depth.size()) by_depth.resize(depth + 1);
    by_depth[depth].push_back(&d);
  }
  auto parent = [](const std::string& d) { return std::string_view(d).substr(0, d.rfind('/') + 1); };
  for (const auto& level : by_depth) {
    // In the set's order a depth's folders of one parent are next to each other ("a/b/…" sorts
    // between "a/b" and anything after it).
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < level.size(); ++i)
      if (i == 0 || parent(*level[i]) != parent(*level[i - 1])) starts.push_back(i);
    starts.push_back(level.size());
    ParallelTask task{.count = starts.size() - 1, .threads = threads, .min_per_thread = 4,
                      .name = [&](std::size_t g) { return *level[starts[g]]; }};
    parallel_for(task, [&](std::size_t g, unsigned) {
      for (std::size_t i = starts[g]; i < starts[g + 1]; ++i) {
        const std::string& d = *level[i];
        if (::mkdirat(staging_fd_, d.c_str(), 0755) == 0 || errno == EEXIST) continue;
        diags_.error(where_of(staging_ / d), fmt::format("cannot create a folder: {}", std::strerror(errno)));
        ok_ = false;
      }
    }, diags_);
  }
}

void SiteWriter::write(const std::string& relative, std::span<const std::string_view> parts) {
  // open, writev, close: three system calls for a page (a stream adds seeks, flushes and copies).
  const int fd = ::openat(staging_fd_, relative.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  bool written = fd >= 0;
  constexpr std::size_t max_parts = 8;
  std::array<iovec, max_parts> vectors{};
  for (std::size_t from = 0; written && from < parts.size(); from += max_parts) {
    const std::size_t count = std::min(max_parts, parts.size() - from);
    for (std::size_t k = 0; k < count; ++k)
      vectors[k] = {const_cast<char*>(parts[from + k].data()), parts[from + k].size()};
    // A write may stop short (a signal, a full disk): go on from where it stopped.
    for (iovec* v = vectors.data(); written && v != vectors.data() + count;) {
      const ssize_t n = ::writev(fd, v, static_cast<int>(vectors.data() + count - v));
      if (n < 0 && errno == EINTR) continue;
      std::size_t left = n < 0 ? 0 : static_cast<std::size_t>(n);
      if (n < 0 || (n == 0 && v->iov_len > 0)) written = false;
      while (v != vectors.data() + count && left >= v->iov_len) left -= (v++)->iov_len;
      if (left > 0) {
        v->iov_base = static_cast<char*>(v->iov_base) + left;
        v->iov_len -= left;
      }
    }
  }
  if (fd >= 0 && ::close(fd) != 0) written = false;
  if (!written) {
    diags_.error(where_of(staging_ / relative), "cannot write the file",
                 "check the free disk space and the folder's permissions");
    ok_ = false;
  }
}

bool SiteWriter::commit() {
  if (!ok_) return false;
  ::close(staging_fd_);
  staging_fd_ = -1;
  std::error_code ec;
  fs::path old = out_;
  old += fmt::format(".old-{}", ::getpid());
  fs::remove_all(old, ec);
  const bool had_previous = fs::exists(out_, ec);
  if (had_previous) {
    fs::rename(out_, old, ec);
    if (ec) {
      diags_.error(where_of(out_), fmt::format("cannot move the previous site aside: {}", ec.message()));
      return false;
    }
  }
  fs::rename(staging_, out_, ec);
  if (ec) {
    diags_.error(where_of(out_), fmt::format("cannot move the new site into place: {}", ec.message()));
    if (had_previous) fs::rename(old, out_, ec);  // put the previous site back
    return false;
  }
  committed_ = true;
  remove_tree(old);
  return true;
}

}  // namespace pb::render
