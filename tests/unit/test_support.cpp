#include "test_support.hpp"

#include <doctest/doctest.h>

#include "content/read_content.hpp"
#include "core/text_util.hpp"

#include <atomic>
#include <unistd.h>

namespace fs = std::filesystem;

namespace pb::test {

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path_ = fs::temp_directory_path() / ("pb-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(path_);
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

void TempDir::write(const std::string& relative, const std::string& text) const {
  const fs::path p = path_ / relative;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

void write_minimal_content(const TempDir& dir) {
  dir.write("content/site.yaml", "title: Test site\n");
  dir.write("content/roles.yaml",
            "roles:\n  - id: worker\n    title: Worker\n  - id: supervisor\n    title: Supervisor\n");
  dir.write("content/topics.yaml", "topics:\n  - id: safety\n    title: Safety\n");
  dir.write("content/models/m1/model.yaml", "title: Model one\njurisdiction: Testland\nagency: Test agency\n");
  dir.write("content/models/m1/sections/01-first.yaml",
            "id: first\n"
            "title: First value\n"
            "blocks:\n"
            "  - kind: principles\n"
            "    items:\n"
            "      - text: Keep children safe.\n"
            "        topics: [safety]\n"
            "  - kind: actions\n"
            "    role: worker\n"
            "    items:\n"
            "      - text: Do I visit the family?\n"
            "        topics: [safety]\n"
            "  - kind: actions\n"
            "    role: supervisor\n"
            "    items:\n"
            "      - text: Do I review safety plans with workers?\n"
            "        topics: [safety]\n");
}

std::vector<std::string> formatted(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.sorted()) out.push_back(format_diagnostic(d));
  return out;
}

LinkedSite read_and_link(const std::filesystem::path& content_dir) {
  Diagnostics diags;
  ContentResult content = read_content({content_dir, ""}, diags);
  INFO(join(formatted(diags), "\n"));
  REQUIRE(content.site);
  return link_site(content.site, diags);
}

}  // namespace pb::test
