#include "import/import_model.hpp"

#include <fmt/format.h>

#include <regex>
#include <set>
#include <sstream>

#include "core/files.hpp"
#include "compare/topic_suggestions.hpp"
#include "content/read_content.hpp"
#include "content/validate.hpp"
#include "core/text_util.hpp"
#include "import/draft_writer.hpp"
#include "import/import_report.hpp"
#include "import/recognize.hpp"
#include "import/role_split.hpp"
#include "import/text_units.hpp"

namespace fs = std::filesystem;

namespace pb::inline import {

namespace {

// A section id from its title: its first few meaningful words ("relationships-children-youth").
std::string section_id(const std::string& title, std::size_t index, std::set<std::string>& used) {
  static const std::set<std::string> filler = {"a", "an", "the", "and", "of", "to", "in", "for", "with", "we",
                                               "our", "is", "are", "that", "all", "as", "be", "by", "on", "at"};
  std::string id;
  int words = 0;
  std::istringstream slug_words(std::regex_replace(slugify(title), std::regex("-"), " "));
  for (std::string word; words < 4 && slug_words >> word;) {
    if (filler.count(word)) continue;
    id += (id.empty() ? "" : "-") + word;
    ++words;
  }
  if (id.empty() || is_reserved_section_id(id)) id = fmt::format("section-{}", index + 1);
  std::string unique = id;
  for (int n = 2; used.count(unique); ++n) unique = fmt::format("{}-{}", id, n);
  used.insert(unique);
  return unique;
}

// The texts that name the agency and its state, most telling first.
std::string model_texts(const DraftModel& d) {
  std::string all = d.title + "\n" + d.agency + "\n" + d.priorities_intro + "\n" + d.intro + "\n";
  if (d.letter) all += d.letter->signature_title + "\n" + d.letter->body + "\n";
  for (const auto& note : d.footnotes) all += note.text + "\n";
  return all + d.closing;
}

// "Arkansas Division of Children and Family Services (DCFS)": the first agency the text names.
std::string agency_in(const DraftModel& d) {
  static const std::regex agency(
      R"(((?:[A-Z][A-Za-z']+ )*(?:Division|Department|Office|Agency|Administration|Bureau) of (?:[A-Z][A-Za-z&']* ?|and |of |for )+(?:\([A-Z]{2,}\))?))");
  const std::string texts = model_texts(d);
  for (const std::string* text : {&texts}) {
    std::smatch m;
    if (std::regex_search(*text, m, agency)) {
      std::string name(trim(m[1].str()));
      if (name.starts_with("The ")) name.erase(0, 4);
      return name;
    }
  }
  return {};
}

// The first state (or district or territory) the document names.
std::string jurisdiction_in(const DraftModel& d) {
  static const std::vector<std::string> states = {
      "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
      "District of Columbia", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas",
      "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi",
      "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York",
      "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island",
      "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington",
      "West Virginia", "Wisconsin", "Wyoming", "Puerto Rico", "Guam", "American Samoa", "U.S. Virgin Islands"};
  const std::string text = model_texts(d);
  std::size_t best = std::string::npos;
  std::string found;
  for (const auto& state : states) {
    // "West Virginia" must win over "Virginia" at the same place: the longer name starts earlier.
    for (auto at = text.find(state); at != std::string::npos; at = text.find(state, at + 1)) {
      const bool word_start = at == 0 || !std::isalpha(static_cast<unsigned char>(text[at - 1]));
      if (word_start && at < best) best = at, found = state;
      if (word_start) break;
    }
  }
  return found;
}

// "Caseworker Behaviors" for the role worker: the model names the role in its own words, and its pages
// should too. A name that is the role's title or plural needs no declaration.
void declare_role_in_own_words(DraftModel& draft, const Site& site, const DraftBlock& block) {
  const Role* role = site.find_role(block.role);
  if (!role || block.role_name.empty()) return;
  auto same = [](std::string a, std::string b) {
    for (auto* s : {&a, &b})
      for (char& c : *s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return a == b;
  };
  const std::string plural = role->plural.empty() ? role->title + "s" : role->plural;
  if (same(block.role_name, role->title) || same(block.role_name, plural) || same(block.role_name, role->id)) return;
  for (const auto& declared : draft.roles)
    if (declared.id == role->id) return;
  std::string title = block.role_name;
  bool word_start = true;
  for (char& c : title) {
    if (word_start) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    word_start = c == ' ' || c == '-';
  }
  draft.roles.push_back({role->id, title});
}

void suggest_topics(std::vector<DraftItem>& items, const TopicSuggester& suggester) {
  for (auto& item : items) {
    item.suggested_topics = suggester.suggest(item.text);
    suggest_topics(item.children, suggester);
  }
}

}  // namespace

ImportResult import_model(const ImportOptions& options, Diagnostics& diags) {
  ImportResult result;
  const auto models_dir = options.content_dir / "models";
  if (!is_valid_id(options.id)) {
    diags.error(location_of(options.file),
                fmt::format("'{}' cannot be a model id: it becomes a folder name and part of every address", options.id),
                "use lowercase letters, digits and single hyphens, e.g. --id ar-practice-model-2025");
    return result;
  }
  result.model_dir = models_dir / options.id;
  if (std::error_code ec; fs::exists(result.model_dir, ec)) {
    diags.error(location_of(result.model_dir), fmt::format("a model '{}' already exists; import never overwrites", options.id),
                "choose another --id, or remove that folder first");
    return result;
  }
  Diagnostics content_diags;
  const ContentResult content = read_content({options.content_dir, {}}, content_diags);
  if (!content.site) {
    for (const auto& d : content_diags.sorted()) diags.add(d);
    diags.error(location_of(options.content_dir), "the content folder has errors, so its roles and topics are unknown",
                "run 'practicebook check' on it and fix them first");
    return result;
  }
  const Site& site = *content.site;
  for (const auto& [flag, id] : {std::pair{"--supersedes", options.supersedes}})
    if (!id.empty() && !site.find_model(id)) {
      diags.error(location_of(models_dir), fmt::format("{} names '{}', which is not a model in {}", flag, id,
                                                   options.content_dir.generic_string()),
                  "give the id of a model folder in content/models/");
        return result;
    }

  const auto doc = read_source(options.file, options.limits, diags);
  if (!doc) return result;

  ImportNotes notes;
  const auto units = units_of(*doc, notes);
  const RoleResolver resolve = [&](const std::string& name) -> std::optional<std::string> {
    for (const std::string& candidate : {name, name.ends_with("s") ? name.substr(0, name.size() - 1) : name})
      if (const Role* role = site.resolve_role(candidate)) return role->id;
    return std::nullopt;
  };
  DraftModel draft = recognize(units, acronyms_of(*doc), resolve, notes);

  // The model's own facts, from the options or the text; what is guessed is said.
  draft.id = options.id;
  draft.family = options.family;
  draft.supersedes = options.supersedes;
  if (draft.title.empty()) {
    draft.title = options.id;
    notes.to_do.push_back("no title was found: set `title` in model.yaml");
  }
  draft.agency = agency_in(draft);
  if (draft.agency.empty()) {
    draft.agency = "Agency name";
    notes.to_do.push_back("the agency is not named in the text: set `agency` in model.yaml");
  } else {
    notes.to_do.push_back(fmt::format("the agency '{}' is the first one the text names: check it", draft.agency));
  }
  draft.jurisdiction = options.jurisdiction;
  if (draft.jurisdiction.empty()) draft.jurisdiction = jurisdiction_in(draft);
  if (draft.jurisdiction.empty()) {
    draft.jurisdiction = "Jurisdiction";
    notes.to_do.push_back("no state is named in the text: set `jurisdiction` (or import with --jurisdiction)");
  } else if (options.jurisdiction.empty()) {
    notes.to_do.push_back(fmt::format("the jurisdiction '{}' is the first state the text names: check it (or "
                                      "import with --jurisdiction)", draft.jurisdiction));
  }
  draft.source = fmt::format("{}, *{}*.", draft.agency, draft.title);
  notes.to_do.push_back(draft.edition.empty()
                            ? "`source` and `edition` are placeholders: give the document's citation and edition (and `date`)"
                            : "`source` is a placeholder: give the document's citation");

  std::vector<const Model*> references;
  for (const auto& m : site.models)
    if (!options.family.empty() && m.family == options.family) references.push_back(&m);
  if (const Model* older = options.supersedes.empty() ? nullptr : site.find_model(options.supersedes))
    if (std::find(references.begin(), references.end(), older) == references.end()) references.push_back(older);
  split_stacked_roles(draft, references, notes);

  std::set<std::string> used;
  for (std::size_t k = 0; k < draft.sections.size(); ++k) {
    auto& section = draft.sections[k];
    if (section.title.empty()) {
      section.title = section.label.empty() ? fmt::format("Section {}", k + 1) : section.label;
      notes.to_do.push_back(fmt::format("section {} has no title: give it one", k + 1));
    }
    section.id = section_id(section.title, k, used);
    for (const auto& block : section.blocks)
      if (block.kind == "actions" && block.role_known) declare_role_in_own_words(draft, site, block);
    for (const auto& block : section.blocks)
      if (block.kind == "actions" && !block.role_known)
        notes.to_do.push_back(fmt::format("'{}': the role of '{}' is not in roles.yaml: add '{}' there (or as an "
                                          "alias of a role), or change the block's role",
                                          section.title, block.heading, block.role));
  }
  const TopicSuggester suggester(site);
  suggest_topics(draft.priorities, suggester);
  for (auto& section : draft.sections)
    for (auto& block : section.blocks) suggest_topics(block.items, suggester);

  const auto files = section_files(draft);
  account_lines(draft, files, notes);
  result.files = write_draft(options.content_dir, draft, diags);
  if (result.files.empty()) return result;
  result.ok = true;
  result.report = fmt::format("Imported {} ({}, {} lines{}) as {}\n", doc->path, doc->from_pdf ? "PDF" : "text",
                              doc->lines.size(), doc->from_pdf ? fmt::format(", {} pages", doc->pages) : "",
                              result.model_dir.generic_string()) +
                  import_report(*doc, draft, files, notes);
  return result;
}

}  // namespace pb::import
