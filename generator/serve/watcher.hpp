#pragma once
// Watching the sources, so that `serve` rebuilds on every save. inotify is not recursive: each folder gets
// its own watch, folders that appear later are watched as they appear, and each root's parent is watched
// for the root's name, so a content folder that is deleted and restored (a branch switch, a restore from a
// backup) is watched again instead of going silent.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pb::inline serve {

class Watcher {
 public:
  // `out` is the output folder: it and its staging siblings are never watched, even inside a root, or
  // every build would trigger the next.
  Watcher(std::vector<std::filesystem::path> roots, std::filesystem::path out);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  bool ok() const { return fd_ >= 0 && !folders_.empty(); }
  int fd() const { return fd_; }

  // Reads every pending event; true when one of them is a change that needs a rebuild.
  bool read_events();

 private:
  bool handle(std::uint32_t mask, int wd, std::string_view name);
  void watch_roots();
  void watch_tree(const std::filesystem::path& dir);
  void add_watch(const std::filesystem::path& dir);
  bool is_output(const std::filesystem::path& path) const;

  int fd_;
  std::vector<std::filesystem::path> roots_;
  std::filesystem::path out_;
  std::unordered_map<int, std::filesystem::path> folders_;                  // watch → folder watched in full
  std::unordered_map<int, std::vector<std::filesystem::path>> parents_;     // watch → the roots it holds
};

// Waits for source changes, lets each burst of them settle, then calls `rebuild`. Returns the index in
// `stop_fds` of the first one that became readable, or -1 when waiting failed.
int watch_until(Watcher& watcher, const std::vector<int>& stop_fds, const std::function<void()>& rebuild);

}  // namespace pb::serve
