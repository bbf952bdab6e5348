#include "serve/site_snapshots.hpp"

#include <fmt/format.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <string_view>

#include "render/writer.hpp"

namespace pb::inline serve {

namespace fs = std::filesystem;

namespace {

bool is_marked(const fs::path& folder) {
  std::error_code ec;
  return fs::is_regular_file(folder / SiteWriter::marker, ec);
}

// The site as the build wrote it: folders and regular files. Names starting with a dot are left out, so
// they can never be served; so is anything else (a symbolic link could lead out of the site).
std::optional<std::string> link_tree(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::create_directory(to, ec);
  fs::recursive_directory_iterator it(from, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (it->path().filename().string().starts_with('.')) {
      it.disable_recursion_pending();
      continue;
    }
    const fs::path target = to / it->path().lexically_relative(from);
    const fs::file_status status = it->symlink_status(ec);
    if (fs::is_directory(status)) {
      fs::create_directory(target, ec);
    } else if (fs::is_regular_file(status)) {
      // The build never rewrites a file in place, so a link is as good as a copy, and nearly free.
      fs::create_hard_link(it->path(), target, ec);
      if (ec) {
        ec.clear();
        fs::copy_file(it->path(), target, ec);
      }
    }
    if (ec) return fmt::format("cannot copy {} to serve it: {}", it->path().generic_string(), ec.message());
  }
  if (ec) return fmt::format("cannot read {}: {}", from.generic_string(), ec.message());
  return std::nullopt;
}

constexpr std::string_view copies_suffix = ".tmp-serve-";

// The copies of a `serve` that was killed (SIGKILL, a crash) and so could not remove them: named
// "<out>.tmp-serve-<pid>", with the link to the current copy in them, and their process is gone.
void remove_stale_copies(const fs::path& out) {
  std::error_code ec;
  const std::string prefix = out.filename().string() + std::string(copies_suffix);
  for (const auto& entry : fs::directory_iterator(out.parent_path(), ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(prefix)) continue;
    const std::string pid = name.substr(prefix.size());
    if (pid.empty() || pid.size() > 9 || pid.find_first_not_of("0123456789") != std::string::npos) continue;
    if (::kill(static_cast<pid_t>(std::stol(pid)), 0) == 0 || errno != ESRCH) continue;  // alive, or not ours
    std::error_code ignored;
    if (fs::is_symlink(entry.path() / "current", ignored)) fs::remove_all(entry.path(), ignored);
  }
}

}  // namespace

std::optional<std::string> not_servable(const fs::path& out) {
  std::error_code ec;
  if (!fs::exists(out, ec) || is_marked(out)) return std::nullopt;
  if (!fs::is_directory(out, ec)) return fmt::format("{} is not a folder", out.generic_string());
  if (fs::is_empty(out, ec) && !ec) return std::nullopt;
  return fmt::format("{} was not built by Practicebook (it has no {} file), so it is neither replaced nor served; "
                     "choose another --out, or empty the folder",
                     out.generic_string(), SiteWriter::marker);
}

SiteSnapshots::SiteSnapshots(fs::path out) : out_(std::move(out)) {
  remove_stale_copies(out_);
  dir_ = out_;
  dir_ += fmt::format("{}{}", copies_suffix, ::getpid());
  std::error_code ec;
  fs::remove_all(dir_, ec);
  ok_ = fs::create_directories(dir_ / "0", ec) && !make_current(0);
}

SiteSnapshots::~SiteSnapshots() {
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

std::optional<std::string> SiteSnapshots::take() {
  if (!is_marked(out_)) return fmt::format("{} was not built by Practicebook; not serving it", out_.generic_string());
  const std::uint64_t next = generation_ + 1;
  std::error_code ec;
  fs::remove_all(dir_ / std::to_string(next), ec);
  if (auto error = link_tree(out_, dir_ / std::to_string(next))) return error;
  return make_current(next);
}

void SiteSnapshots::prune() {
  for (; pruned_ + 1 < generation_; ++pruned_) {
    std::error_code ec;
    fs::remove_all(dir_ / std::to_string(pruned_), ec);
  }
}

std::optional<std::string> SiteSnapshots::make_current(std::uint64_t generation) {
  const fs::path link = current(), staged = dir_ / "current.new";
  std::error_code ec;
  fs::remove(staged, ec);
  fs::create_directory_symlink(std::to_string(generation), staged, ec);
  if (!ec) fs::rename(staged, link, ec);  // replaces the old link in one step
  if (ec) return fmt::format("cannot switch to the new build: {}", ec.message());
  generation_ = generation;
  return std::nullopt;
}

}  // namespace pb::serve
