// validate keeps statement ids off the anchors that pages give their own elements. Those anchors are
// written in the default theme's templates; this test keeps validate's list in step with them.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "content/validate.hpp"

using namespace pb;
namespace fs = std::filesystem;

namespace {

// themes/default/templates/ of this source tree, found by walking up from the working directory
// (ctest runs in the build folder, inside the repository) and from the test binary's folder.
fs::path templates_dir() {
  std::error_code ec;
  std::vector<fs::path> starts{fs::current_path(ec)};
  if (fs::path exe = fs::read_symlink("/proc/self/exe", ec); !ec) starts.push_back(exe.parent_path());
  for (fs::path dir : starts)
    for (dir = fs::absolute(dir, ec);; dir = dir.parent_path()) {
      if (fs::is_directory(dir / "themes/default/templates", ec)) return dir / "themes/default/templates";
      if (!dir.has_parent_path() || dir.parent_path() == dir) break;
    }
  return {};
}

// The literal id="…" attributes of a template (ids built from data, id="{{…}}", are left out).
std::set<std::string> literal_ids(const std::string& template_name) {
  const fs::path dir = templates_dir();
  REQUIRE_MESSAGE(!dir.empty(), "themes/default/templates/ not found above ", fs::current_path().string());
  std::ifstream in(dir / (template_name + ".html"));
  REQUIRE_MESSAGE(in.good(), "cannot read ", (dir / (template_name + ".html")).string());
  std::ostringstream text;
  text << in.rdbuf();
  const std::string html = text.str();
  static const std::regex id(R"re(\bid="([^"{}]+)")re");
  std::set<std::string> out;
  for (std::sregex_iterator it(html.begin(), html.end(), id), end; it != end; ++it) out.insert((*it)[1].str());
  return out;
}

}  // namespace

TEST_CASE("the anchors validate reserves are exactly those the page templates write") {
  for (const std::string name : {"layout", "model", "section", "role"}) {
    CAPTURE(name);
    const auto& reserved = template_anchors(name);
    CHECK(std::set<std::string>(reserved.begin(), reserved.end()) == literal_ids(name));
  }
}
