#include <doctest/doctest.h>

#include <fmt/format.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "core/files.hpp"
#include "test_support.hpp"

using namespace pb;
namespace fs = std::filesystem;

TEST_CASE("a whole file is read byte for byte, and a missing one is nothing") {
  const fs::path dir = fs::temp_directory_path() / "pb-test-files";
  fs::create_directories(dir);
  const std::string bytes("line one\r\n\0binary\xff", 19);
  std::ofstream(dir / "a.bin", std::ios::binary) << bytes;
  CHECK(read_whole_file(dir / "a.bin") == bytes);
  CHECK_FALSE(read_whole_file(dir / "missing.txt").has_value());
  CHECK_FALSE(read_whole_file(dir).has_value());  // a folder is not a file
  fs::remove_all(dir);
}

TEST_CASE("a file that cannot be read says why; a device or a pipe is refused without waiting on it") {
  const fs::path dir = fs::temp_directory_path() / "pb-test-unreadable";
  fs::remove_all(dir);
  fs::create_directories(dir);
  // Reading /proc/self/mem from offset 0 fails (nothing is mapped there), even as root: the one
  // unreadable file a test run as root can count on.
  const FileRead mem = read_file("/proc/self/mem");
  CHECK(mem.error == "Input/output error");
  CHECK(mem.bytes.empty());
  CHECK_FALSE(read_whole_file("/proc/self/mem").has_value());
  CHECK(read_file(dir / "missing.yaml").error == "No such file or directory");
  CHECK(read_file(dir).error == "Is a directory");
  CHECK(read_file("/dev/zero").error == "not a regular file (a device, pipe or socket)");  // it would never end
  REQUIRE(::mkfifo((dir / "pipe").c_str(), 0600) == 0);
  CHECK(read_file(dir / "pipe").error == "not a regular file (a device, pipe or socket)");  // no writer: no wait
  // Files under /proc give their size as 0: they are read to their end, past the first guess.
  const FileRead maps = read_file("/proc/self/smaps");
  REQUIRE(maps.ok());
  CHECK(maps.bytes.size() > 4096);
  CHECK(maps.bytes.find("Rss:") != std::string::npos);
  // A regular file of several reads' worth comes back byte for byte.
  std::string big;
  for (int i = 0; i < 50000; ++i) big += std::to_string(i) + (i % 7 ? ' ' : '\n');
  std::ofstream(dir / "big.txt", std::ios::binary) << big;
  const FileRead whole = read_file(dir / "big.txt");
  CHECK(whole.ok());
  CHECK(whole.bytes == big);
  // Past a limit: refused by its size, nothing read; a file under /proc (size 0) read only until it passes it.
  const FileRead limited = read_file(dir / "big.txt", 1000);
  CHECK_FALSE(limited.ok());
  CHECK(limited.too_large == big.size());
  CHECK(limited.bytes.empty());
  CHECK(limited.error.empty());
  CHECK(read_file(dir / "big.txt", big.size()).bytes == big);  // at the limit exactly: read
  const FileRead maps_limited = read_file("/proc/self/smaps", 100);
  CHECK(maps_limited.too_large > 100);
  CHECK(maps_limited.too_large < maps.bytes.size());  // it stopped early, after one read
  CHECK(maps_limited.bytes.empty());
  fs::remove_all(dir);
}

TEST_CASE("a whole file or folder is a diagnostic's place without a line") {
  Diagnostics diags;
  diags.error(location_of(fs::path("content") / "models" / "x"), "a model folder without model.yaml");
  CHECK(test::formatted(diags) == std::vector<std::string>{"content/models/x: error: a model folder without model.yaml"});
}

TEST_CASE("remove_tree removes a folder and all below it, on any number of threads, and follows no link") {
  const fs::path dir = fs::temp_directory_path() / "pb-test-remove-tree";
  fs::remove_all(dir);
  const fs::path tree = dir / "site", outside = dir / "kept";
  fs::create_directories(outside);
  std::ofstream(outside / "precious.txt") << "not the site's";
  for (unsigned threads : {1u, 3u, 8u}) {
    CAPTURE(threads);
    // Files at every depth, folders empty and full, and links to a folder and a file outside.
    for (int a = 0; a < 5; ++a)
      for (int b = 0; b < 40; ++b) {
        const fs::path leaf = tree / fmt::format("part-{}", a) / fmt::format("page-{}", b) / "deeper";
        fs::create_directories(leaf);
        std::ofstream(leaf / "index.html") << "<p>page</p>";
        std::ofstream(leaf.parent_path() / "index.html") << "<p>page</p>";
      }
    fs::create_directories(tree / "empty" / "too");
    std::ofstream(tree / "index.html") << "<p>home</p>";
    std::ofstream(tree / "part-0" / "index.html") << "<p>part</p>";
    fs::create_directory_symlink(outside, tree / "link-to-folder");
    fs::create_directory_symlink(outside, tree / "part-1" / "link-to-folder");
    fs::create_symlink(outside / "precious.txt", tree / "part-2" / "link-to-file");
    remove_tree(tree, threads);
    CHECK_FALSE(fs::exists(fs::symlink_status(tree)));
    CHECK(read_whole_file(outside / "precious.txt") == "not the site's");
  }
  // A file is removed; a path that is not there is nothing to do.
  std::ofstream(dir / "file.txt") << "x";
  remove_tree(dir / "file.txt");
  CHECK_FALSE(fs::exists(dir / "file.txt"));
  remove_tree(dir / "missing");
  CHECK(fs::exists(outside / "precious.txt"));
  fs::remove_all(dir);
}
