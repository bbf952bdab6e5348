#include <doctest/doctest.h>

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

TEST_CASE("a whole file or folder is a diagnostic's place without a line") {
  Diagnostics diags;
  diags.error(location_of(fs::path("content") / "models" / "x"), "a model folder without model.yaml");
  CHECK(test::formatted(diags) == std::vector<std::string>{"content/models/x: error: a model folder without model.yaml"});
}
