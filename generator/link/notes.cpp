#include "link/notes.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/text_util.hpp"
#include "link/urls.hpp"

namespace pb::inline link {

namespace {

constexpr std::uint32_t overview = 0xFFFFFFFF;

// Where a text of the overview is, for the link back to it: "Letter body" → "Letter".
std::string overview_place(const Model& model, std::string_view field) {
  if (field == "framework" && model.framework && !model.framework->heading.empty()) return model.framework->heading;
  // Headings as the overview shows them.
  auto or_else = [](const std::string& heading, const char* fallback) { return heading.empty() ? fallback : heading; };
  if (field == "statement" || field == "priorities intro")
    return or_else(model.priorities ? model.priorities->heading : "", "Priorities");
  if (field == "model intro") return "Introduction";
  if (field == "letter body") return or_else(model.letter ? model.letter->heading : "", "Letter");
  if (field == "rubric intro" || field == "rubric level") return or_else(model.rubric ? model.rubric->title : "", "Rubric");
  if (field == "footnote") return "Notes";
  std::string place(field);
  if (!place.empty()) place[0] = static_cast<char>(place[0] - 'a' + 'A');
  return place;
}

}  // namespace

std::string note_anchor(std::size_t note) { return fmt::format("fn-{}", note + 1); }

NoteReferences::NoteReferences(const Site& site) : site_(site), counts_(site.models.size(), 0), uses_(site.models.size()) {
  for (std::uint32_t m = 0; m < site.models.size(); ++m) {
    const Model& model = site.models[m];
    uses_[m].resize(model.footnotes.size());
    // A model's texts start with its source, a section's with its summary (for_each_markdown's order).
    starts_.push_back({model.source.slot, m, overview});
    for (std::uint32_t s = 0; s < model.sections.size(); ++s) starts_.push_back({model.sections[s].summary.slot, m, s});
  }
}

NoteLinks* NoteReferences::links_for(const Markdown& text, const char* field) {
  if (text.source.find("[^") == std::string::npos) return nullptr;
  const auto after = std::upper_bound(starts_.begin(), starts_.end(), text.slot,
                                      [](std::uint32_t slot, const Start& s) { return slot < s.slot; });
  if (after == starts_.begin()) return nullptr;  // a text of the site, not of a model
  const Start place = *(after - 1);
  const Model& model = site_.models[place.model];
  const Section* section = place.section == overview ? nullptr : &model.sections[place.section];
  links_ = NoteLinks{};
  for (const auto& note : model.footnotes) links_.markers.push_back(note.marker);
  const std::string page = section ? urls::section(model, *section) : urls::model(model);
  const std::string where = section ? (section->label.empty() ? section->title : section->label) : overview_place(model, field);
  links_.open = [this, place, page, where, &model](std::size_t note) {
    const std::string anchor = fmt::format("fnref-{}-{}", model.id, ++counts_[place.model]);
    uses_[place.model][note].push_back({page, anchor, where});
    return fmt::format(R"(<sup class="note-ref"><a href="{}{}#{}" id="{}" aria-label="Note {}">)", root_mark,
                       urls::model(model), note_anchor(note), anchor, html_escape(model.footnotes[note].marker));
  };
  return &links_;
}

}  // namespace pb::link
