#include "serve/watcher.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <string>

namespace pb::inline serve {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr auto debounce_quiet = std::chrono::milliseconds(150);  // an editor's save is a burst of events
constexpr auto debounce_limit = std::chrono::seconds(1);         // ...but a steady stream must not starve it

constexpr std::uint32_t tree_mask = IN_CREATE | IN_MODIFY | IN_ATTRIB | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
                                    IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;
// Added to whatever the parent already has: it may itself be a watched folder (a theme inside content/).
constexpr std::uint32_t parent_mask = IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM | IN_ONLYDIR | IN_MASK_ADD;

bool is_scratch_file(std::string_view name) {  // editors' swap, lock and backup files
  return name.empty() || name.front() == '.' || name.back() == '~' || name == "4913";
}

fs::path without_trailing_slash(fs::path path) {
  path = path.lexically_normal();
  return path.has_filename() ? path : path.parent_path();  // "content/" → "content"
}

}  // namespace

Watcher::Watcher(std::vector<fs::path> roots, fs::path out)
    : fd_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)), out_(without_trailing_slash(std::move(out))) {
  for (auto& root : roots) roots_.push_back(without_trailing_slash(std::move(root)));
  if (fd_ < 0) return;
  for (const auto& root : roots_) {
    const int wd = ::inotify_add_watch(fd_, root.parent_path().c_str(), parent_mask);
    if (wd >= 0) parents_[wd].push_back(root);
  }
  watch_roots();
}

Watcher::~Watcher() {
  if (fd_ >= 0) ::close(fd_);
}

bool Watcher::read_events() {
  bool changed = false;
  alignas(inotify_event) char buffer[16 * 1024];
  for (;;) {
    const ssize_t n = ::read(fd_, buffer, sizeof buffer);
    if (n <= 0) return changed;  // EAGAIN: drained
    for (const char* p = buffer; p < buffer + n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(p);
      changed = handle(event->mask, event->wd, event->len ? std::string_view(event->name) : "") || changed;
      p += sizeof(inotify_event) + event->len;
    }
  }
}

bool Watcher::handle(std::uint32_t mask, int wd, std::string_view name) {
  if (mask & IN_Q_OVERFLOW) {  // events were lost: pick up any new folder and rebuild anyway
    watch_roots();
    return true;
  }
  if (mask & IN_IGNORED) {
    folders_.erase(wd);
    parents_.erase(wd);
    return false;
  }
  if (const auto parent = parents_.find(wd); parent != parents_.end())
    for (const fs::path& root : parent->second)
      if (root.filename() == name) {
        if (mask & (IN_CREATE | IN_MOVED_TO)) watch_tree(root);  // restored
        return true;
      }
  const auto folder = folders_.find(wd);
  if (folder == folders_.end()) return false;
  if (name.empty()) return true;  // the watched folder itself was deleted or moved
  const fs::path path = folder->second / name;
  if (is_output(path) || is_scratch_file(name)) return false;
  if ((mask & IN_ISDIR) && (mask & (IN_CREATE | IN_MOVED_TO))) watch_tree(path);
  return true;
}

void Watcher::watch_roots() {
  for (const auto& root : roots_) watch_tree(root);
}

void Watcher::watch_tree(const fs::path& dir) {
  add_watch(dir);
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (!it->is_directory(ec)) continue;
    if (is_output(it->path()) || is_scratch_file(it->path().filename().string())) {  // e.g. .git
      it.disable_recursion_pending();
      continue;
    }
    add_watch(it->path());
  }
}

void Watcher::add_watch(const fs::path& dir) {
  const int wd = ::inotify_add_watch(fd_, dir.c_str(), tree_mask);
  if (wd >= 0) folders_[wd] = dir;
}

bool Watcher::is_output(const fs::path& path) const {
  if (path == out_) return true;
  if (path.parent_path() != out_.parent_path()) return false;
  const std::string name = path.filename().string(), out = out_.filename().string();
  return name.starts_with(out + ".tmp-") || name.starts_with(out + ".old-");
}

int watch_until(Watcher& watcher, const std::vector<int>& stop_fds, const std::function<void()>& rebuild) {
  std::vector<pollfd> fds;
  for (const int fd : stop_fds) fds.push_back({fd, POLLIN, 0});
  fds.push_back({watcher.fd(), POLLIN, 0});
  bool pending = false;  // a burst of changes has begun and not been built yet
  Clock::time_point first, last;
  for (;;) {
    int timeout_ms = -1;
    if (pending) {
      const auto deadline = std::min(last + debounce_quiet, first + debounce_limit);
      const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      timeout_ms = static_cast<int>(std::max<long long>(wait, 0));
    }
    if (::poll(fds.data(), fds.size(), timeout_ms) < 0 && errno != EINTR) return -1;
    for (std::size_t i = 0; i < stop_fds.size(); ++i)
      if (fds[i].revents & POLLIN) return static_cast<int>(i);
    if ((fds.back().revents & POLLIN) && watcher.read_events()) {
      last = Clock::now();
      if (!pending) first = last;
      pending = true;
    }
    const auto now = Clock::now();
    if (pending && (now >= last + debounce_quiet || now >= first + debounce_limit)) {
      pending = false;
      rebuild();
    }
  }
}

}  // namespace pb::serve
