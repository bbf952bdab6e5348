#include "tools/scaffold.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/files.hpp"
#include "core/text_util.hpp"

namespace fs = std::filesystem;

namespace pb::inline tools {

namespace {

SourceLocation where_of(const fs::path& p) { return location_in(std::make_shared<const std::string>(p.generic_string())); }

// The modeline lets editors with the YAML language server check the file as it is typed.
constexpr const char* model_template = R"(# yaml-language-server: $schema=../../schema/model.schema.json
# A practice model. Every key is explained in docs/content-format.md; your editor shows the same
# help when you hover a key. Run `build/practicebook check` after each change.
title: New practice model            # the model's name, as the document gives it
subtitle: ""                         # optional
jurisdiction: State name             # the state (or county, tribe, city: then set `state` and vocabulary.jurisdiction)
# state: State name                  # the state a county, tribe or city belongs to
# vocabulary:                        # the model's own words (defaults: value, "Do I…?" actions, CQI, State)
#   unit: practice element
#   actions: practice behaviors
#   action_prompt: ""
#   rubric: Practice fidelity
#   jurisdiction: County
# roles:                             # optional: the roles it addresses, in its own words
#   - id: caseworker                 # an id or alias from content/roles.yaml
#     title: Caseworker
# framework:                         # a theoretical framework, if the document has one
#   heading: Theoretical framework
#   body: |
#     …
agency: Agency name
edition: Draft                       # a label for people, e.g. "June 2023"
# date: 2024-01                      # optional: YYYY, YYYY-MM or YYYY-MM-DD, when the document is dated
# family: {id}                       # editions of one model share a family (default: this folder's name)
# supersedes: older-model-id         # the edition this one replaces
source: "Agency name, *New practice model*."   # where the text comes from
vision: ""                           # optional, one sentence
# intro: |                           # optional Markdown before everything else
#   …
# priorities:
#   heading: Priorities
#   numbered: true
#   items:
#     - text: The first priority.
#       topics: [safety]
# letter:
#   heading: From the Director
#   body: |
#     …
#   closing: Sincerely,
#   signature: Name
#   signature_title: Title
# rubric:
#   title: Continuous Quality Improvement
#   rates: actions                   # actions | sections | model: what one form row rates
#   roles: [worker, supervisor]      # optional: the roles it applies to
#   reviewer: Supervisor or coach    # who rates with the person ("" for nobody)
#   levels:
#     - name: Novice
#       description: …
# closing: |                         # optional Markdown after the sections
#   …
# footnotes:                         # notes; any text refers to one as [^1] (linked both ways)
#   - marker: "1"
#     text: Where this comes from.
# tagline: A closing line, as printed.
)";

constexpr const char* section_template = R"(# yaml-language-server: $schema=../../../schema/section.schema.json
# One value, belief or principle group. The number in the file name sets the order; the id after it
# must equal `id` below. Copy this file for the next section (02-…, 03-…).
id: first-value
label: Value 1
title: The First Value
summary: The sidebar quote of this value, if it has one.
# definition: |                      # what the document says this unit is, if it defines it
#   …
blocks:
  - kind: principles                 # principles | practice | beliefs | goals | actions | text | table
    heading: Guiding Principles
    numbered: true
    # start: continue                # numbering that goes on from the previous block (or start: 12)
    # markers: [numbers, letters, roman, bullets]   # each level's marker, four levels at most
    items:
      - text: The first principle, word for word.
        topics: [safety]             # ids from content/topics.yaml
      # - text: "A principle with sub-points:"
      #   items:                     # sub-points, same form, four levels at most
      #     - The first sub-point.
  - kind: actions
    role: worker                     # ids from content/roles.yaml
    heading: "Key Worker Actions: Do I..."
    items:
      - text: Do I do the first thing?
        topics: [family-engagement]
  # - kind: table
  #   heading: Who meets when
  #   header: [Meeting, Who attends]
  #   rows:
  #     - [Family team meeting, The family and its supports]
)";

bool write_file(const fs::path& p, const std::string& text, Diagnostics& diags) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) diags.error(where_of(p), "cannot write the file", "check that the folder is writable");
  return static_cast<bool>(out);
}

// "../x", "content/models/x", "/abs/x/": what people type when they name a model by its folder.
bool looks_like_path(std::string_view value) {
  return value.find('/') != std::string_view::npos || value.find('\\') != std::string_view::npos ||
         value.starts_with('.') || value.starts_with('~');
}

// The model id a path probably means: its last part, when that is an id.
std::string example_id(const std::string& path) {
  fs::path p = fs::path(path).lexically_normal();
  if (p.filename().empty()) p = p.parent_path();
  const std::string last = p.filename().string();
  return is_valid_id(last) ? last : "ar-at-one-table-2023";
}

// Sets top-level keys of a model.yaml as text, keeping every comment and the order of the rest.
std::string as_next_edition(const std::string& yaml, const std::string& family, const std::string& from) {
  std::istringstream in(yaml);
  std::string line, out;
  bool has_family = false;
  while (std::getline(in, line)) {
    const bool top_level = !line.empty() && line[0] != ' ' && line[0] != '#';
    if (top_level && (line.starts_with("supersedes:") || line.starts_with("date:") || line.starts_with("edition:")))
      continue;  // replaced below
    if (top_level && line.starts_with("family:")) has_family = true;
    out += line + "\n";
    if (top_level && line.starts_with("title:")) {
      out += "edition: New edition (draft)   # the label readers see; set 'date' when it is published\n";
      out += fmt::format("supersedes: {}   # the edition this one replaces\n", from);
    }
  }
  if (!has_family) out += fmt::format("family: {}\n", family);
  return out;
}

}  // namespace

ScaffoldResult scaffold_model(const fs::path& content_dir, const std::string& id,
                              const std::optional<std::string>& from, Diagnostics& diags) {
  ScaffoldResult result;
  const fs::path models = content_dir / "models";
  const fs::path target = models / id;
  auto usage = [&](const SourceLocation& where, std::string message, std::string hint) {
    diags.error(where, std::move(message), std::move(hint));
    result.usage_error = true;
    return result;
  };
  // 1. The arguments: ids only, so that no path can reach outside content/models/.
  if (!is_valid_id(id))
    return usage(where_of(target), fmt::format("invalid model id '{}'", id),
                 "use lowercase letters, digits and single hyphens, e.g. 'ar-at-one-table-2025'");
  if (from && !is_valid_id(*from)) {
    if (looks_like_path(*from))
      return usage({}, fmt::format("--from takes a model id, not a path: '{}'", *from),
                   fmt::format("name a folder of {}, e.g. '--from {}'", models.generic_string(),
                               example_id(*from)));
    return usage({}, fmt::format("invalid model id '{}' in --from", *from),
                 "model ids use lowercase letters, digits and single hyphens, e.g. 'ar-at-one-table-2023'");
  }
  std::error_code ec;
  if (!fs::is_directory(content_dir, ec)) {
    diags.error(where_of(content_dir), "the content folder does not exist", "pass --content DIR");
    return result;
  }
  // 2. What they name: a new model, and an existing one to start from.
  if (fs::exists(target, ec))
    return usage(where_of(target), "the model folder already exists; nothing was changed",
                 "choose another id, or edit the existing model");
  if (from && !fs::is_regular_file(models / *from / "model.yaml", ec))
    return usage(where_of(models / *from), fmt::format("there is no model '{}' to start from", *from),
                 fmt::format("name a folder of {}", models.generic_string()));

  // 3. The files.
  if (from) {
    const fs::path source = models / *from;
    // Read before anything is copied: a model.yaml that cannot be read leaves nothing behind.
    const std::optional<std::string> source_model =
        read_file_reporting(source / "model.yaml", where_of(source / "model.yaml"), diags, "the model to start from");
    if (!source_model) return result;
    fs::copy(source, target, fs::copy_options::recursive, ec);
    if (ec) {
      diags.error(where_of(target), fmt::format("cannot copy the model: {}", ec.message()));
      return result;
    }
    // The family of the model it continues: its own `family:` line, or its folder name.
    std::string family = *from;
    std::istringstream lines(*source_model);
    for (std::string line; std::getline(lines, line);)
      if (line.starts_with("family:")) family = std::string(trim(line.substr(7, line.find('#') - 7)));
    if (!write_file(target / "model.yaml", as_next_edition(*source_model, family, *from), diags))
      return result;
    std::vector<fs::path> written;
    for (const auto& entry : fs::recursive_directory_iterator(target))
      if (entry.is_regular_file()) written.push_back(entry.path());
    std::sort(written.begin(), written.end());
    result.files = std::move(written);
    return result;
  }
  fs::create_directories(target / "sections", ec);
  if (ec) {
    diags.error(where_of(target), fmt::format("cannot create the model folder: {}", ec.message()));
    return result;
  }
  std::string model = model_template;
  for (auto pos = model.find("{id}"); pos != std::string::npos; pos = model.find("{id}")) model.replace(pos, 4, id);
  const fs::path section = target / "sections" / "01-first-value.yaml";
  if (!write_file(target / "model.yaml", model, diags) || !write_file(section, section_template, diags)) return result;
  result.files = {target / "model.yaml", section};
  return result;
}

}  // namespace pb::tools
