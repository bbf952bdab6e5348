// The JSON Schemas in content/schema/ give editors completion, hover help and squiggles. They must
// accept exactly what the loader accepts: these tests ask the loader (through its diagnostics) and
// compare with the schemas, so a key added to the loader without the schema fails here.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "content/loader.hpp"
#include "test_support.hpp"
#include "core/text_util.hpp"
#include "content/validate.hpp"

using namespace pb;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

// content/schema/ of this source tree: from PB_SOURCE_DIR when the build defines it, otherwise
// found by walking up from the working directory (ctest runs in the build folder, inside the
// repository) and from the test binary's folder.
fs::path schema_dir() {
  static const fs::path found = [] {
    std::error_code ec;
#ifdef PB_SOURCE_DIR
    if (fs::is_directory(fs::path(PB_SOURCE_DIR) / "content" / "schema", ec))
      return fs::path(PB_SOURCE_DIR) / "content" / "schema";
#endif
    std::vector<fs::path> starts{fs::current_path(ec)};
    if (fs::path exe = fs::read_symlink("/proc/self/exe", ec); !ec) starts.push_back(exe.parent_path());
    for (fs::path dir : starts) {
      for (dir = fs::absolute(dir, ec);; dir = dir.parent_path()) {
        if (fs::is_directory(dir / "content" / "schema", ec)) return dir / "content" / "schema";
        if (!dir.has_parent_path() || dir.parent_path() == dir) break;
      }
    }
    return fs::path{};
  }();
  REQUIRE_MESSAGE(!found.empty(), "content/schema/ not found above ", fs::current_path().string());
  return found;
}

fs::path content_dir() { return schema_dir().parent_path(); }

const json& schema_file(const std::string& name) {
  static std::map<std::string, json> cache;
  auto it = cache.find(name);
  if (it == cache.end()) {
    std::ifstream in(schema_dir() / name);
    REQUIRE_MESSAGE(in.good(), "cannot read ", (schema_dir() / name).string());
    it = cache.emplace(name, json::parse(in)).first;
  }
  return it->second;
}

// The schema object at a JSON pointer, e.g. ("section.schema.json", "/definitions/block").
const json& schema_at(const std::string& file, const std::string& pointer) {
  const json& doc = schema_file(file);
  const json::json_pointer ptr(pointer);
  REQUIRE_MESSAGE(doc.contains(ptr), file, " has nothing at ", pointer);
  return doc.at(ptr);
}

std::set<std::string> property_names(const json& schema) {
  std::set<std::string> out;
  if (schema.contains("properties"))
    for (const auto& [key, value] : schema["properties"].items()) out.insert(key);
  return out;
}

std::set<std::string> required_names(const json& schema) {
  std::set<std::string> out;
  if (schema.contains("required"))
    for (const auto& key : schema["required"]) out.insert(key.get<std::string>());
  return out;
}

// "a, b, c", so that a failed comparison shows both lists.
std::string listed(const std::set<std::string>& keys) {
  return join(std::vector<std::string>(keys.begin(), keys.end()));
}

// Loads the minimal content folder with some files replaced; returns every diagnostic.
std::vector<Diagnostic> load_with(const std::map<std::string, std::string>& files) {
  test::TempDir dir;
  test::write_minimal_content(dir);
  for (const auto& [relative, text] : files) dir.write("content/" + relative, text);
  Diagnostics diags;
  Site site = load_site(dir.path() / "content", diags);
  if (!diags.has_errors()) validate_site(site, diags);
  return diags.sorted();
}

std::string describe(const std::vector<Diagnostic>& diags) {
  std::string out;
  for (const auto& d : diags) out += format_diagnostic(d) + "\n";
  return out;
}

// The key list the loader gives in its hint for the unknown key 'zzz-unknown' in a <what>.
std::set<std::string> loader_keys(const std::vector<Diagnostic>& diags, const std::string& what) {
  const std::string prefix = "the keys of a " + what + " are: ";
  for (const auto& d : diags) {
    if (d.message.find("'zzz-unknown'") == std::string::npos || !d.hint.starts_with(prefix)) continue;
    std::set<std::string> keys;
    std::stringstream list(d.hint.substr(prefix.size()));
    for (std::string key; std::getline(list, key, ',');)
      if (const auto start = key.find_first_not_of(' '); start != std::string::npos) keys.insert(key.substr(start));
    return keys;
  }
  FAIL_CHECK("no unknown-key diagnostic for a ", what, "; got:\n", describe(diags));
  return {};
}

// The keys the loader reports as "<what> is missing the required key 'x'".
std::set<std::string> loader_required(const std::vector<Diagnostic>& diags, const std::string& what) {
  static const std::regex missing(R"(^(.+) is missing the required key '([^']+)'$)");
  std::set<std::string> out;
  for (const auto& d : diags) {
    std::smatch m;
    if (std::regex_match(d.message, m, missing) && m[1].str() == what) out.insert(m[2].str());
  }
  return out;
}

// One mapping kind: the loader's name for it, the schema object that describes it, and how to write
// a content folder where that mapping holds `body` (an unknown key, or nothing).
struct MappingKind {
  std::string what;
  std::string schema;
  std::string pointer;
  std::map<std::string, std::string> (*files)(const std::string& body);
};

const std::string model_head = "title: M\njurisdiction: J\nagency: A\n";
const std::string section_head = "id: first\ntitle: First\n";

// `body` is written as YAML flow-mapping content ("zzz-unknown: 1", or "" for an empty mapping).
const std::vector<MappingKind>& mapping_kinds() {
  static const std::vector<MappingKind> kinds = {
      {"site", "site.schema.json", "", [](const std::string& b) {
         return std::map<std::string, std::string>{{"site.yaml", "{" + b + "}\n"}};
       }},
      {"roles file", "roles.schema.json", "", [](const std::string& b) {
         return std::map<std::string, std::string>{{"roles.yaml", "{" + b + "}\n"}};
       }},
      {"role", "roles.schema.json", "/properties/roles/items", [](const std::string& b) {
         return std::map<std::string, std::string>{{"roles.yaml", "roles:\n  - {" + b + "}\n"}};
       }},
      {"topics file", "topics.schema.json", "", [](const std::string& b) {
         return std::map<std::string, std::string>{{"topics.yaml", "{" + b + "}\n"}};
       }},
      {"topic", "topics.schema.json", "/properties/topics/items", [](const std::string& b) {
         return std::map<std::string, std::string>{{"topics.yaml", "topics:\n  - {" + b + "}\n"}};
       }},
      {"terms file", "glossary.schema.json", "", [](const std::string& b) {
         return std::map<std::string, std::string>{{"glossary.yaml", "{" + b + "}\n"}};
       }},
      {"glossary term", "glossary.schema.json", "/properties/terms/items", [](const std::string& b) {
         return std::map<std::string, std::string>{{"glossary.yaml", "terms:\n  - {" + b + "}\n"}};
       }},
      {"synonyms file", "synonyms.schema.json", "", [](const std::string& b) {
         return std::map<std::string, std::string>{{"synonyms.yaml", "{" + b + "}\n"}};
       }},
      {"synonym group", "synonyms.schema.json", "/properties/synonyms/items", [](const std::string& b) {
         return std::map<std::string, std::string>{{"synonyms.yaml", "synonyms:\n  - {" + b + "}\n"}};
       }},
      {"model", "model.schema.json", "", [](const std::string& b) {
         return std::map<std::string, std::string>{{"models/m1/model.yaml", "{" + b + "}\n"}};
       }},
      {"priorities", "model.schema.json", "/properties/priorities", [](const std::string& b) {
         return std::map<std::string, std::string>{{"models/m1/model.yaml", model_head + "priorities: {" + b + "}\n"}};
       }},
      {"letter", "model.schema.json", "/properties/letter", [](const std::string& b) {
         return std::map<std::string, std::string>{{"models/m1/model.yaml", model_head + "letter: {" + b + "}\n"}};
       }},
      {"rubric", "model.schema.json", "/properties/rubric", [](const std::string& b) {
         return std::map<std::string, std::string>{{"models/m1/model.yaml", model_head + "rubric: {" + b + "}\n"}};
       }},
      {"rubric level", "model.schema.json", "/properties/rubric/properties/levels/items",
       [](const std::string& b) {
         return std::map<std::string, std::string>{
             {"models/m1/model.yaml", model_head + "rubric:\n  levels:\n    - {" + b + "}\n"}};
       }},
      {"footnote", "model.schema.json", "/properties/footnotes/items", [](const std::string& b) {
         return std::map<std::string, std::string>{{"models/m1/model.yaml", model_head + "footnotes:\n  - {" + b + "}\n"}};
       }},
      // Priorities hold statements exactly as sections do; model.schema.json has its own copy.
      {"statement", "model.schema.json", "/definitions/statement", [](const std::string& b) {
         return std::map<std::string, std::string>{
             {"models/m1/model.yaml", model_head + "priorities:\n  items:\n    - {" + b + "}\n"}};
       }},
      {"section", "section.schema.json", "", [](const std::string& b) {
         return std::map<std::string, std::string>{{"models/m1/sections/01-first.yaml", "{" + b + "}\n"}};
       }},
      {"block", "section.schema.json", "/definitions/block", [](const std::string& b) {
         return std::map<std::string, std::string>{
             {"models/m1/sections/01-first.yaml", section_head + "blocks:\n  - {" + b + "}\n"}};
       }},
      {"statement", "section.schema.json", "/definitions/statement", [](const std::string& b) {
         return std::map<std::string, std::string>{
             {"models/m1/sections/01-first.yaml",
              section_head + "blocks:\n  - kind: principles\n    items:\n      - {" + b + "}\n"}};
       }},
      {"framework", "framework.schema.json", "", [](const std::string& b) {
         return std::map<std::string, std::string>{{"frameworks/f.yaml", "{" + b + "}\n"}};
       }},
      {"framework part", "framework.schema.json", "/definitions/part", [](const std::string& b) {
         return std::map<std::string, std::string>{{"frameworks/f.yaml", "title: F\nparts:\n  - {" + b + "}\n"}};
       }},
      {"framework group", "framework.schema.json", "/definitions/group", [](const std::string& b) {
         return std::map<std::string, std::string>{
             {"frameworks/f.yaml", "title: F\nparts:\n  - id: p\n    title: P\n    groups:\n      - {" + b + "}\n"}};
       }},
      {"framework item", "framework.schema.json", "/definitions/item", [](const std::string& b) {
         return std::map<std::string, std::string>{
             {"frameworks/f.yaml", "title: F\nparts:\n  - id: p\n    title: P\n    items:\n      - {" + b + "}\n"}};
       }},
  };
  return kinds;
}

// Every object schema reachable through properties, items and definitions (not through the
// if/then rules, whose fragments only restate keys), with its JSON pointer.
void for_each_object_schema(const json& schema, const std::string& where,
                            const std::function<void(const json&, const std::string&)>& visit) {
  if (!schema.is_object()) return;
  if (schema.contains("properties")) visit(schema, where);
  for (const char* group : {"properties", "definitions"})
    if (schema.contains(group))
      for (const auto& [key, value] : schema[group].items())
        for_each_object_schema(value, where + "/" + group + "/" + key, visit);
  if (schema.contains("items")) for_each_object_schema(schema["items"], where + "/items", visit);
}

const std::vector<std::string> schema_names = {"site.schema.json",     "roles.schema.json", "topics.schema.json",
                                               "glossary.schema.json", "model.schema.json", "section.schema.json",
                                               "synonyms.schema.json", "framework.schema.json"};

const std::string id_pattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

}  // namespace

TEST_CASE("schema: every mapping allows exactly the keys the loader knows") {
  for (const auto& kind : mapping_kinds()) {
    const std::string where = kind.schema + "#" + kind.pointer;
    CAPTURE(kind.what);
    CAPTURE(where);
    const json& schema = schema_at(kind.schema, kind.pointer);
    CHECK(listed(loader_keys(load_with(kind.files("zzz-unknown: 1")), kind.what)) == listed(property_names(schema)));
    CHECK(schema.value("additionalProperties", true) == false);
  }
}

TEST_CASE("schema: sub-points are statements with sub-points of their own, four levels in all") {
  // The schema lets sub-points nest (editors cannot count levels); the loader stops at four levels.
  for (const std::string file : {"section.schema.json", "model.schema.json"}) {
    CAPTURE(file);
    auto diags = load_with({{"models/m1/sections/01-first.yaml",
                             section_head + "blocks:\n  - kind: principles\n    items:\n      - text: One.\n"
                                            "        items:\n          - {zzz-unknown: 1, items: [Deeper.]}\n"}});
    std::set<std::string> expected = property_names(schema_at(file, "/definitions/subStatement"));
    CHECK(expected.count("items") == 1);
    CHECK(listed(loader_keys(diags, "statement")) == listed(expected));
    CHECK(schema_at(file, "/definitions/subStatement").value("additionalProperties", true) == false);
    CHECK(schema_at(file, "/definitions/subStatement/required") == json::array({"text"}));
  }
}

TEST_CASE("schema: required keys are the ones the loader reports missing in an empty mapping") {
  for (const auto& kind : mapping_kinds()) {
    const std::string where = kind.schema + "#" + kind.pointer;
    CAPTURE(kind.what);
    CAPTURE(where);
    auto diags = load_with(kind.files(""));
    CHECK(listed(loader_required(diags, kind.what)) == listed(required_names(schema_at(kind.schema, kind.pointer))));
  }
}

TEST_CASE("schema: what each block kind needs") {
  const json& block = schema_at("section.schema.json", "/definitions/block");
  // The `then` of the rule `if kind is <kind>`.
  auto rule_for = [&](const std::string& kind) -> json {
    for (const auto& rule : block.at("allOf"))
      if (rule.at("if").at("properties").at("kind").value("const", "") == kind) return rule.at("then");
    FAIL_CHECK("no rule for kind ", kind);
    return json::object();
  };
  auto messages = [](const std::string& block_yaml) {
    return describe(load_with({{"models/m1/sections/01-first.yaml", section_head + "blocks:\n" + block_yaml}}));
  };

  CHECK(messages("  - kind: actions\n    items:\n      - Do I visit?\n").find("an actions block needs a 'role'") !=
        std::string::npos);
  CHECK(listed(required_names(rule_for("actions"))) == "role");

  CHECK(messages("  - kind: text\n").find("a text block needs 'text'") != std::string::npos);
  CHECK(listed(required_names(rule_for("text"))) == "text");

  std::vector<std::string> kinds;
  for (const auto& k : block.at(json::json_pointer("/properties/kind/enum"))) kinds.push_back(k.get<std::string>());
  CHECK(kinds == block_kind_names());
}

TEST_CASE("schema: ids and dates follow the loader's rules") {
  // Every pattern in the schemas is the id pattern, except the model's date.
  for (const auto& name : schema_names) {
    std::function<void(const json&, const std::string&)> walk = [&](const json& node, const std::string& where) {
      if (node.is_object()) {
        if (node.contains("pattern") && where != "/properties/date") {
          const std::string at = name + "#" + where;
          CAPTURE(at);
          CHECK(node["pattern"] == id_pattern);
          CHECK(node.value("maxLength", 0) == 100);
        }
        for (const auto& [key, value] : node.items()) walk(value, where + "/" + key);
      } else if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i) walk(node[i], where + "/" + std::to_string(i));
      }
    };
    walk(schema_file(name), "");
  }

  const std::regex id_regex(id_pattern);
  for (const std::string id : {"kinship-first", "a", "007", "a1-b2", "", "Bad_Id", "x--y", "-lead", "trail-", "a b",
                               "../up", "caf\xC3\xA9"}) {
    CAPTURE(id);
    CHECK(std::regex_match(id, id_regex) == is_valid_id(id));
  }

  const std::regex date_regex(schema_at("model.schema.json", "/properties/date/pattern").get<std::string>());
  for (const std::string date : {"2023", "2023-06", "2023-06-01", "2023-12-31", "2023-13", "2023-6", "23-06",
                                 "2023-06-32", "2023-00", "June 2023", "2023-06-01T10:00"}) {
    CAPTURE(date);
    const bool loader_accepts =
        describe(load_with({{"models/m1/model.yaml", model_head + "date: \"" + date + "\"\n"}})).find("invalid date") ==
        std::string::npos;
    CHECK(std::regex_match(date, date_regex) == loader_accepts);
  }
  // What a pattern cannot say, the loader checks: a day the month has, and a year of this era.
  for (const auto& [date, valid] : std::vector<std::pair<std::string, bool>>{
           {"2023-02-30", false}, {"2023-04-31", false}, {"2023-02-29", false}, {"2024-02-29", true},
           {"2000-02-29", true}, {"1900-02-29", false}, {"0000", false}, {"1799-12", false}, {"2023-01-31", true}}) {
    CAPTURE(date);
    CHECK((describe(load_with({{"models/m1/model.yaml", model_head + "date: \"" + date + "\"\n"}})).find("invalid date") ==
           std::string::npos) == valid);
  }

  for (const auto& id : schema_at("section.schema.json", "/properties/id/not/enum")) {
    CAPTURE(id);
    CHECK(is_reserved_section_id(id.get<std::string>()));
  }
  const json& reserved_ids = schema_at("section.schema.json", "/properties/id/not/enum");
  for (const std::string reserved : {"roles", "changes"}) {
    CAPTURE(reserved);
    CHECK(std::find(reserved_ids.begin(), reserved_ids.end(), reserved) != reserved_ids.end());
  }
}

TEST_CASE("schema: every object is closed and every key has hover help") {
  for (const auto& name : schema_names) {
    const json& root = schema_file(name);
    CHECK(root.value("$schema", "") == "http://json-schema.org/draft-07/schema#");
    CHECK(!root.value("title", "").empty());
    CHECK(!root.value("description", "").empty());
    for_each_object_schema(root, "", [&](const json& object, const std::string& where) {
      const std::string at = name + "#" + where;
      CAPTURE(at);
      CHECK(object.value("additionalProperties", true) == false);
      for (const auto& [key, property] : object["properties"].items()) {
        CAPTURE(key);
        CHECK(!property.value("description", "").empty());
        CHECK(!property.value("markdownDescription", "").empty());
      }
    });
  }
}

TEST_CASE("schema: every YAML file in content/ names its schema on the first line") {
  static const std::regex modeline(R"(^# yaml-language-server: \$schema=(\S+)$)");
  const fs::path content = content_dir();
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(content)) {
    const fs::path& path = entry.path();
    if (!entry.is_regular_file() || (path.extension() != ".yaml" && path.extension() != ".yml")) continue;
    ++files;
    const std::string relative = path.lexically_relative(content).generic_string();
    CAPTURE(relative);
    std::ifstream in(path);
    std::string first;
    std::getline(in, first);
    std::smatch m;
    REQUIRE_MESSAGE(std::regex_match(first, m, modeline), "first line: ", first);
    const fs::path target = (path.parent_path() / m[1].str()).lexically_normal();
    CHECK_MESSAGE(fs::is_regular_file(target), target.string(), " does not exist");

    std::string expected;
    if (path.parent_path() == content)
      expected = path.stem().string() + ".schema.json";
    else if (path.filename() == "model.yaml")
      expected = "model.schema.json";
    else if (path.parent_path().filename() == "sections")
      expected = "section.schema.json";
    else if (path.parent_path().filename() == "frameworks")
      expected = "framework.schema.json";
    CHECK(target.filename() == expected);
    CHECK(fs::equivalent(target.parent_path(), schema_dir()));
  }
  CHECK(files > 0);
}
