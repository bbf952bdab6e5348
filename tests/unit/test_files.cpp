#include <doctest/doctest.h>

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
