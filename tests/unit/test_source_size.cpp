// A source file one can read in a sitting: none in generator/ is over 450 lines (200 in serve/). When
// one grows past it, split it along a seam (the loader is split into file walking and file readers).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr int max_lines = 450;

// generator/ of this source tree, found by walking up from the working directory (ctest runs in
// the build folder, inside the repository) and from the test binary's folder.
fs::path generator_dir() {
  std::error_code ec;
  std::vector<fs::path> starts{fs::current_path(ec)};
  if (fs::path exe = fs::read_symlink("/proc/self/exe", ec); !ec) starts.push_back(exe.parent_path());
  for (fs::path dir : starts)
    for (dir = fs::absolute(dir, ec);; dir = dir.parent_path()) {
      if (fs::is_directory(dir / "generator/content", ec)) return dir / "generator";
      if (!dir.has_parent_path() || dir.parent_path() == dir) break;
    }
  return {};
}

int line_count(const fs::path& file) {
  std::ifstream in(file);
  int lines = 0;
  for (std::string line; std::getline(in, line);) ++lines;
  return lines;
}

}  // namespace

TEST_CASE("generator/ holds main.cpp and layer folders; no source file is over 450 lines, none of serve over 200") {
  const fs::path dir = generator_dir();
  REQUIRE_MESSAGE(fs::is_directory(dir), "generator/ not found above ", fs::current_path().string());
  int files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    CAPTURE(entry.path().filename().string());
    CHECK((entry.is_directory() || entry.path().filename() == "main.cpp"));
  }
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    const auto ext = entry.path().extension();
    if (ext != ".cpp" && ext != ".hpp") continue;
    ++files;
    const bool serve = entry.path().parent_path().filename() == "serve";
    CAPTURE(entry.path().lexically_relative(dir).generic_string());
    CHECK(line_count(entry.path()) <= (serve ? 200 : max_lines));
  }
  CHECK(files > 40);
}
