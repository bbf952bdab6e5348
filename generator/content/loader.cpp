// Which files make up content/ and in what order, parsing them (on every core), and handing each to
// the reader of its kind (file_readers.hpp).
#include "content/loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <regex>
#include <unordered_map>

#include "content/frameworks.hpp"
#include "content/synonyms.hpp"
#include "core/files.hpp"
#include "core/parallel.hpp"
#include "core/text_util.hpp"

namespace fs = std::filesystem;

namespace pb::inline content {

namespace {

const std::regex& section_file_pattern() {
  static const std::regex pattern(R"(^([0-9]+)-(.+)\.ya?ml$)");
  return pattern;
}

// Section files in the order of their numbers (1-a, 2-b, 10-c), not as text, which puts 10 before 2;
// files with equal numbers (01-a, 1-b) by name. Both names match section_file_pattern().
bool section_file_before(const std::string& a, const std::string& b) {
  auto number = [](const std::string& name) {
    std::string_view digits(name.data(), name.find('-'));
    digits.remove_prefix(std::min(digits.find_first_not_of('0'), digits.size()));
    return digits;  // compared by length first, so any number of digits works
  };
  const std::string_view na = number(a), nb = number(b);
  if (na.size() != nb.size()) return na.size() < nb.size();
  if (na != nb) return na < nb;
  return a < b;
}

// The entries of a folder in name order: its folders, or everything else (files, and what is neither).
std::vector<fs::path> sorted_entries(const fs::path& dir, bool directories) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const bool is_dir = it->is_directory(ec);
    if (is_dir == directories) out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string shown(const fs::path& content_dir, const fs::path& relative) {
  return (content_dir / relative).lexically_normal().generic_string();
}

SourceLocation location_of_file(const fs::path& content_dir, const fs::path& relative) {
  return location_in(std::make_shared<const std::string>(shown(content_dir, relative)));
}

// Whether a source the loader found may be read: a file (not a folder named like one), inside the
// content folder once links are followed. A link out of it would publish whatever it points to (a
// content folder received from someone else could name any file on this computer). Reports why not;
// a path that does not exist is the caller's to report.
// `real_root` is the content folder with its links followed (empty when that failed: nothing is
// judged outside then).
bool readable_source(const fs::path& content_dir, const fs::path& real_root, const fs::path& relative, Diagnostics& diags) {
  std::error_code ec;
  const fs::path path = content_dir / relative;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) return false;
  const std::string name = relative.filename().string();
  if (fs::is_directory(status)) {
    diags.error(location_of_file(content_dir, relative), fmt::format("'{}' is a folder, not a file", name),
                "a YAML file is expected here: rename the folder, or put its files where they belong");
    return false;
  }
  if (!fs::is_regular_file(status)) {
    diags.error(location_of_file(content_dir, relative), fmt::format("'{}' is not a regular file", name),
                "replace it with a plain YAML file");
    return false;
  }
  std::error_code real_ec;
  const fs::path real = fs::canonical(path, real_ec);
  if (!real_ec && !real_root.empty() &&
      std::mismatch(real_root.begin(), real_root.end(), real.begin(), real.end()).first != real_root.end()) {
    diags.error(location_of_file(content_dir, relative),
                fmt::format("'{}' is a link to {}, outside the content folder", name, real.generic_string()),
                "copy the file into the content folder: the site is built only from what is inside it");
    return false;
  }
  return true;
}

// YAML parsing is the slowest stage of a build, and files parse independently: parse them all on every
// core first, then read the records in the fixed order below, so output stays deterministic.
class ParsedFiles {
 public:
  ParsedFiles(const fs::path& content_dir, std::vector<fs::path> relatives, Diagnostics& diags)
      : relatives_(std::move(relatives)), nodes_(relatives_.size()) {
    // A file whose parsing throws stays unparsed; parallel_for reports it as an internal error.
    ParallelTask task{.count = relatives_.size(), .threads = 0, .min_per_thread = 8,
                      .name = [&](std::size_t i) { return shown(content_dir, relatives_[i]); }};
    parallel_for(task, [&](std::size_t i, unsigned) {
      nodes_[i] = load_yaml_file(content_dir / relatives_[i], shown(content_dir, relatives_[i]), diags);
    }, diags);
    for (std::size_t i = 0; i < relatives_.size(); ++i) index_[relatives_[i].generic_string()] = i;
    std::error_code ec;
    for (const auto& r : relatives_) bytes_ += static_cast<std::size_t>(fs::file_size(content_dir / r, ec));
  }
  // The parsed file, or nullopt when it could not be parsed (the diagnostic is already reported).
  const std::optional<SourceNode>& get(const fs::path& relative) const {
    return nodes_[index_.at(relative.generic_string())];
  }
  std::size_t files() const { return relatives_.size(); }
  std::size_t unparsed() const { return static_cast<std::size_t>(std::count(nodes_.begin(), nodes_.end(), std::nullopt)); }
  std::size_t bytes() const { return bytes_; }

 private:
  std::vector<fs::path> relatives_;
  std::vector<std::optional<SourceNode>> nodes_;
  std::unordered_map<std::string, std::size_t> index_;
  std::size_t bytes_ = 0;
};

struct ModelFiles {
  std::string id;
  fs::path relative;
  std::vector<std::string> section_names;
};

struct FileCounts {
  std::atomic<std::size_t> files{0}, bytes{0}, unparsed{0};
};

std::optional<SourceNode> load_counted(const fs::path& content_dir, const fs::path& relative, Diagnostics& diags,
                                       FileCounts& counts) {
  std::error_code ec;
  counts.files += 1;
  counts.bytes += static_cast<std::size_t>(fs::file_size(content_dir / relative, ec));
  auto root = load_yaml_file(content_dir / relative, shown(content_dir, relative), diags);
  if (!root) counts.unparsed += 1;
  return root;
}

// One model's folder: model.yaml and its sections, each parsed, read into the model and its parse
// tree freed before the next, so a national site never holds every file's tree at once.
std::optional<Model> read_model_folder(const fs::path& content_dir, const Site& site, const ModelFiles& files, Diagnostics& diags,
                                       FileCounts& counts) {
  std::optional<Model> model;
  if (const auto root = load_counted(content_dir, files.relative / "model.yaml", diags, counts))
    model = read_model(*root, diags);
  for (const auto& name : files.section_names) {
    const fs::path section_relative = files.relative / "sections" / name;
    const auto section_root = load_counted(content_dir, section_relative, diags, counts);
    if (!section_root || !model) continue;
    std::smatch match;
    std::regex_match(name, match, section_file_pattern());
    Section section = read_section(*section_root, diags, [&](const std::string& written) -> std::optional<std::string> {
      const Role* role = site.resolve_role(written);
      return role ? std::optional<std::string>(role->id) : std::nullopt;
    });
    section.file = shown(content_dir, section_relative);
    section.source_file = section_relative.generic_string();
    if (!section.id.empty() && section.id != match[2].str())
      diags.error(section.where,
                  fmt::format("section id '{}' does not match its file name '{}'", section.id, name),
                  fmt::format("rename the file to {}-{}.yaml, or set 'id: {}'", match[1].str(), section.id,
                              match[2].str()));
    model->sections.push_back(std::move(section));
  }
  if (!model) return model;
  model->id = files.id;
  model->file = shown(content_dir, files.relative / "model.yaml");
  model->source_file = (files.relative / "model.yaml").generic_string();
  model->dir = shown(content_dir, files.relative);
  if (model->family.empty()) model->family = files.id;
  return model;
}

}  // namespace

Site load_site(const fs::path& content_dir, Diagnostics& diags, LoadStats* stats) {
  Site site;
  std::error_code ec;
  if (!fs::is_directory(content_dir, ec)) {
    diags.error(location_of(content_dir),
                "the content folder does not exist", "pass --content DIR, the folder that holds site.yaml");
    return site;
  }
  // 1. Which files make up the site (problems with names are reported here).
  std::error_code root_ec;
  const fs::path real_root = fs::canonical(content_dir, root_ec);
  auto readable = [&](const fs::path& relative) { return readable_source(content_dir, real_root, relative, diags); };
  std::vector<fs::path> to_parse;
  for (const char* name : {"site.yaml", "roles.yaml", "topics.yaml", "glossary.yaml", "synonyms.yaml"})
    if (readable(name)) to_parse.emplace_back(name);
  auto listed = [&](const fs::path& relative) { return std::find(to_parse.begin(), to_parse.end(), relative) != to_parse.end(); };
  if (!fs::exists(content_dir / "site.yaml", ec))
    diags.error(location_of_file(content_dir, "site.yaml"), "site.yaml is missing", "create it with at least 'title: …'");
  std::vector<ModelFiles> models;
  for (const fs::path& model_dir : sorted_entries(content_dir / "models", true)) {
    const std::string id = model_dir.filename().string();
    const fs::path relative = fs::path("models") / id;
    if (!is_valid_id(id)) {
      diags.error(location_in(std::make_shared<const std::string>(shown(content_dir, relative))),
                  fmt::format("invalid model folder name '{}'", id),
                  "model ids use lowercase letters, digits and single hyphens, e.g. 'ar-at-one-table-2023'");
      continue;
    }
    if (!fs::exists(content_dir / relative / "model.yaml", ec)) {
      diags.error(location_of_file(content_dir, relative / "model.yaml"),
                  "model.yaml is missing", "every folder in models/ needs a model.yaml");
      continue;
    }
    if (!readable(relative / "model.yaml")) continue;
    ModelFiles m{id, relative, {}};
    std::vector<fs::path> entries = sorted_entries(content_dir / relative / "sections", false);
    for (fs::path& folder : sorted_entries(content_dir / relative / "sections", true))
      if (std::regex_match(folder.filename().string(), section_file_pattern())) entries.push_back(std::move(folder));
    for (const fs::path& path : entries) {
      const std::string name = path.filename().string();
      const fs::path section_relative = relative / "sections" / name;
      if (!std::regex_match(name, section_file_pattern())) {
        if (name.ends_with(".yaml") || name.ends_with(".yml"))
          diags.error(location_in(std::make_shared<const std::string>(shown(content_dir, section_relative))),
                      fmt::format("section file name '{}' does not start with a number", name),
                      "name section files NN-<id>.yaml, e.g. 01-relationships.yaml; the number sets the order");
        continue;  // other files (notes, images) are not sections
      }
      if (readable(section_relative)) m.section_names.push_back(name);
    }
    std::sort(m.section_names.begin(), m.section_names.end(), section_file_before);
    models.push_back(std::move(m));
  }

  std::vector<std::string> framework_ids;  // content/frameworks/<id>.yaml, in name order
  std::vector<fs::path> framework_entries = sorted_entries(content_dir / "frameworks", false);
  for (fs::path& folder : sorted_entries(content_dir / "frameworks", true))
    if (folder.filename().string().ends_with(".yaml")) framework_entries.push_back(std::move(folder));
  for (const fs::path& path : framework_entries) {
    const std::string name = path.filename().string();
    if (!name.ends_with(".yaml")) continue;  // notes beside the frameworks are not frameworks
    const std::string id = name.substr(0, name.size() - 5);
    if (!is_valid_id(id)) {
      diags.error(location_in(std::make_shared<const std::string>(shown(content_dir, fs::path("frameworks") / name))),
                  fmt::format("invalid framework file name '{}'", name),
                  "the name is the framework's id: lowercase letters, digits and single hyphens, e.g. cfsr.yaml");
      continue;
    }
    if (!readable(fs::path("frameworks") / name)) continue;
    framework_ids.push_back(id);
    to_parse.push_back(fs::path("frameworks") / name);
  }

  // 2. Parse the site's own files and the frameworks at once.
  const ParsedFiles parsed(content_dir, to_parse, diags);

  // 3. Read the records, in order.
  if (listed("site.yaml"))
    if (const auto& root = parsed.get("site.yaml")) site.config = read_site_config(*root, diags);
  site.config.file = shown(content_dir, "site.yaml");
  if (listed("roles.yaml"))
    if (const auto& root = parsed.get("roles.yaml")) site.roles = read_roles(*root, diags);
  if (listed("topics.yaml"))
    if (const auto& root = parsed.get("topics.yaml")) site.topics = read_topics(*root, diags);
  if (listed("glossary.yaml"))
    if (const auto& root = parsed.get("glossary.yaml")) site.terms = read_terms(*root, diags);
  if (listed("synonyms.yaml"))
    if (const auto& root = parsed.get("synonyms.yaml")) site.synonyms = read_synonyms(*root, diags);

  // 4. Every model on every core, kept in folder order.
  FileCounts counts;
  std::vector<std::optional<Model>> read(models.size());
  ParallelTask task{.count = models.size(), .threads = 0, .min_per_thread = 1,
                    .name = [&](std::size_t i) { return shown(content_dir, models[i].relative); }};
  parallel_for(task, [&](std::size_t i, unsigned) { read[i] = read_model_folder(content_dir, site, models[i], diags, counts); },
               diags);
  for (auto& model : read)
    if (model) site.models.push_back(std::move(*model));
  for (const auto& id : framework_ids) {
    const fs::path relative = fs::path("frameworks") / (id + ".yaml");
    const auto& root = parsed.get(relative);
    if (!root) continue;
    ExternalFramework fw = read_framework(*root, diags);
    fw.id = id;
    fw.file = shown(content_dir, relative);
    fw.source_file = relative.generic_string();
    site.frameworks.push_back(std::move(fw));
  }
  if (stats)
    *stats = LoadStats{parsed.files() + counts.files, parsed.bytes() + counts.bytes, parsed.unparsed() + counts.unparsed};
  return site;
}

}  // namespace pb::content
