#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

#include "core/parallel.hpp"
#include "render/pipeline.hpp"
#include "test_support.hpp"

#include <filesystem>
#include <fstream>
#include <map>

using namespace pb;

TEST_CASE("parallel_for runs every item once, on several workers") {
  Diagnostics diags;
  std::vector<std::atomic<int>> seen(1000);
  ParallelTask task{.count = seen.size(), .threads = 4, .min_per_thread = 1, .name = {}};
  const auto failed = parallel_for(task, [&](std::size_t i, unsigned worker) {
    CHECK(worker < 4);
    ++seen[i];
  }, diags);
  CHECK(failed == 0);
  CHECK_FALSE(diags.has_errors());
  for (const auto& s : seen) CHECK(s == 1);
}

TEST_CASE("an exception in a worker becomes a diagnostic naming the item, and the others still run") {
  Diagnostics diags;
  std::atomic<int> done{0};
  ParallelTask task{.count = 50, .threads = 3, .min_per_thread = 1, .name = [](std::size_t i) { return "page-" + std::to_string(i); }};
  const auto failed = parallel_for(task, [&](std::size_t i, unsigned) {
    if (i == 7) throw std::runtime_error("template exploded");
    if (i == 20) throw 42;
    ++done;
  }, diags);
  CHECK(failed == 2);
  CHECK(done == 48);
  const auto all = diags.sorted();
  REQUIRE(all.size() == 2);
  CHECK(format_diagnostic(all[0]) ==
        "page-20: error: internal: an unknown exception\n"
        "  hint: this is a bug in Practicebook; please report it with the file or page named here");
  CHECK(format_diagnostic(all[1]).starts_with("page-7: error: internal: template exploded\n"));
}

TEST_CASE("no items, no threads") {
  Diagnostics diags;
  bool called = false;
  CHECK(parallel_for({.count = 0, .threads = 0, .min_per_thread = 1, .name = {}}, [&](std::size_t, unsigned) { called = true; }, diags) == 0);
  CHECK_FALSE(called);
}

TEST_CASE("a whole build of content/ on four threads is byte-identical to one on one thread") {
  namespace fs = std::filesystem;
  test::TempDir dir;
  auto build = [&](unsigned jobs, const char* out) {
    BuildOptions options;
    options.content_dir = fs::path(PB_SOURCE_DIR) / "content";
    options.out_dir = dir.path() / out;
    options.jobs = jobs;
    Diagnostics diags;
    REQUIRE(run_build(options, diags).ok);
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(dir.path() / out))
      if (e.is_regular_file()) {
        std::ifstream in(e.path(), std::ios::binary);
        files[fs::relative(e.path(), dir.path() / out).generic_string()] =
            std::string(std::istreambuf_iterator<char>(in), {});
      }
    return files;
  };
  const auto one = build(1, "one");
  const auto four = build(4, "four");
  CHECK(one.size() > 200);
  CHECK(one == four);
}

TEST_CASE("asking for a hundred thousand threads gets at most 256") {
  CHECK(worker_count(100000) == 256);
  CHECK(worker_count(3) == 3);
  CHECK(worker_count(0) >= 1);
}
