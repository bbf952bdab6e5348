#include "import/import_report.hpp"

#include <fmt/format.h>

#include <map>

namespace pb::inline import {

namespace {

void place(ImportNotes& notes, const std::vector<int>& lines, const std::string& where) {
  for (int line : lines)
    if (line >= 1 && line <= static_cast<int>(notes.lines.size())) notes.lines[line - 1] = {where, false};
}

void place_items(ImportNotes& notes, const std::vector<DraftItem>& items, const std::string& prefix) {
  for (std::size_t k = 0; k < items.size(); ++k) {
    const std::string where = fmt::format("{} {}", prefix, k + 1);
    place(notes, items[k].lines, where);
    place_items(notes, items[k].children, where + ".");
  }
}

std::string block_name(const DraftBlock& b) { return b.kind == "actions" ? b.role : b.kind; }

std::size_t count_items(const std::vector<DraftItem>& items) {
  std::size_t n = items.size();
  for (const auto& item : items) n += count_items(item.children);
  return n;
}

void untagged(const std::vector<DraftItem>& items, std::size_t& without, std::size_t& suggested) {
  for (const auto& item : items) {
    ++without;
    if (!item.suggested_topics.empty()) ++suggested;
    untagged(item.children, without, suggested);
  }
}

}  // namespace

void account_lines(const DraftModel& draft, const std::vector<std::string>& files, ImportNotes& notes) {
  for (const auto& p : draft.placed) place(notes, p.lines, "model.yaml: " + p.field);
  place_items(notes, draft.priorities, "model.yaml: priority");
  for (std::size_t s = 0; s < draft.sections.size(); ++s) {
    const auto& section = draft.sections[s];
    for (const auto& p : section.placed) place(notes, p.lines, files[s] + ": " + p.field);
    std::map<std::string, int> seen;
    for (const auto& b : section.blocks) {
      const std::string name = block_name(b);
      const int nth = ++seen[name];
      const std::string block = nth == 1 ? name : fmt::format("{} ({})", name, nth);
      place(notes, b.heading_lines, files[s] + ": " + block + " heading");
      for (const auto& stacked : b.stacked)  // a role whose actions are still in this block's list
        place(notes, stacked.heading_lines,
              files[s] + ": " + stacked.role + " heading (its actions are in the " + block + " list, to move by hand)");
      place(notes, b.text_lines, files[s] + ": text");
      place_items(notes, b.items, files[s] + ": " + block);
    }
  }
}

std::string import_report(const SourceDocument& doc, const DraftModel& draft, const std::vector<std::string>& files,
                          const ImportNotes& notes) {
  std::string out;
  std::size_t statements = count_items(draft.priorities);
  std::map<std::string, std::size_t> per_role;
  std::vector<std::string> role_order;
  out += fmt::format("Sections ({}):\n", draft.sections.size());
  for (std::size_t s = 0; s < draft.sections.size(); ++s) {
    const auto& section = draft.sections[s];
    std::vector<std::string> counts;
    for (const auto& b : section.blocks) {
      if (b.kind == "text") continue;
      const std::size_t n = count_items(b.items);
      statements += n;
      counts.push_back(fmt::format("{} {}", block_name(b), n));
      if (b.kind == "actions") {
        if (!per_role.count(b.role)) role_order.push_back(b.role);
        per_role[b.role] += b.items.size();
      }
    }
    out += fmt::format("  {:<44} {:<8} {}\n", files[s], section.label.empty() ? "-" : section.label, fmt::join(counts, ", "));
  }
  if (!role_order.empty()) {
    out += "Actions per role:";
    for (const auto& role : role_order) out += fmt::format(" {} {},", role, per_role[role]);
    out.back() = '\n';
  }
  out += fmt::format("Statements: {}{}{}{}\n", statements, draft.priorities.empty() ? "" : " (with the priorities)",
                     draft.rubric ? fmt::format("; rubric levels: {}", draft.rubric->levels.size()) : "",
                     draft.footnotes.empty() ? "" : fmt::format("; footnotes: {}", draft.footnotes.size()));

  std::size_t without = 0, suggested = 0;
  untagged(draft.priorities, without, suggested);
  for (const auto& s : draft.sections)
    for (const auto& b : s.blocks) untagged(b.items, without, suggested);
  std::vector<std::string> to_do = notes.to_do;
  if (without)
    to_do.push_back(fmt::format("{} statements have no topics; {} have topics suggested from the most similar tagged "
                                "statements, as '# topics? [...]' comments in the YAML: confirm each as `topics:`",
                                without, suggested));
  out += fmt::format("Needs a person ({}):\n", to_do.size());
  for (const auto& line : to_do) out += "  - " + line + "\n";

  // Every line, in runs that went to the same place.
  std::size_t blank = 0, set_aside = 0, placed = 0, left = 0;
  std::string lines_out;
  for (std::size_t k = 0; k < notes.lines.size();) {
    std::string where = notes.lines[k].where;
    const bool is_blank = where.empty() && doc.lines[k].text.find_first_not_of(" \t\r") == std::string::npos;
    if (where.empty()) where = is_blank ? "blank" : "NOT PLACED";
    std::size_t end = k + 1;
    while (end < notes.lines.size()) {
      std::string next = notes.lines[end].where;
      const bool next_blank = next.empty() && doc.lines[end].text.find_first_not_of(" \t\r") == std::string::npos;
      if (next.empty()) next = next_blank ? "blank" : "NOT PLACED";
      if (next != where) break;
      ++end;
    }
    for (std::size_t j = k; j < end; ++j) {
      if (where == "blank") ++blank;
      else if (notes.lines[j].set_aside) ++set_aside;
      else if (where == "NOT PLACED") ++left;
      else ++placed;
    }
    if (where != "blank")
      lines_out += end - k == 1 ? fmt::format("  {:>9}  {}\n", k + 1, where)
                                : fmt::format("  {:>9}  {}\n", fmt::format("{}-{}", k + 1, end), where);
    k = end;
  }
  out += fmt::format("Every line ({}): {} placed, {} set aside as page furniture, {} blank, {} not placed\n",
                     notes.lines.size(), placed, set_aside, blank, left);
  out += lines_out;
  return out;
}

}  // namespace pb::import
