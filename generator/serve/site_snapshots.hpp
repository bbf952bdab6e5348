#pragma once
// What `serve` answers from: never the output folder itself, which a rebuild moves aside and replaces, but
// a copy of it, hard-linked file by file, taken after each successful build. The copies sit beside the
// output folder (so links work, and .gitignore's site.tmp-* hides them); a symbolic link names the
// current one and is replaced in one rename, so a rebuild swaps in with no moment where a page is
// missing, and the copy before stays until the one after it is in place.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace pb::inline serve {

// Why `out` must not be served (or rebuilt): it holds files Practicebook did not write. Nothing when it
// is absent, was built by Practicebook, or is empty (the rule SiteWriter applies before replacing it;
// checked here too so that serve stops before it starts, not with a failed build).
std::optional<std::string> not_servable(const std::filesystem::path& out);

class SiteSnapshots {
 public:
  // Starts with an empty copy; removes the copies of serve runs that were killed.
  explicit SiteSnapshots(std::filesystem::path out);
  ~SiteSnapshots();  // removes every copy
  SiteSnapshots(const SiteSnapshots&) = delete;
  SiteSnapshots& operator=(const SiteSnapshots&) = delete;

  bool ok() const { return ok_; }
  // The folder to serve; always the latest copy, whatever the moment.
  std::filesystem::path current() const { return dir_ / "current"; }

  // Copies the output folder, if Practicebook built it, and makes the copy current. The error, if any.
  std::optional<std::string> take();
  // Removes the copies before the previous one: requests that began on them have long ended. Separate
  // from take(), as removing a tree is slower than linking one and pages need not wait for it.
  void prune();

 private:
  std::optional<std::string> make_current(std::uint64_t generation);

  std::filesystem::path out_, dir_;
  std::uint64_t generation_ = 0;  // of the current copy
  std::uint64_t pruned_ = 0;      // copies before this one are removed
  bool ok_ = false;
};

}  // namespace pb::serve
