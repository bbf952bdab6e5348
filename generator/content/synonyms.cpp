#include "content/synonyms.hpp"

#include <fmt/format.h>

#include "content/source_reader.hpp"

namespace pb::inline content {

std::vector<SynonymGroup> read_synonyms(const SourceNode& root, Diagnostics& diags) {
  std::vector<SynonymGroup> out;
  if (root.is_null()) return out;
  if (!expect_map(root, "the 'synonyms' file", diags)) return out;
  MapReader reader(root, diags, "synonyms file");
  if (const SourceNode* list = reader.find("synonyms"); list && expect_list(*list, "synonyms", diags)) {
    for (const auto& entry : list->items) {
      if (!expect_map(entry, "synonym group", diags)) continue;
      MapReader group_reader(entry, diags, "synonym group");
      SynonymGroup group;
      group.where = group_reader.location_of("words");
      if (!group_reader.find("words"))
        diags.error(entry.where, "synonym group is missing the required key 'words'",
                    "add 'words: [foster parent, resource family]': the words and phrases that mean the same");
      for (auto& word : group_reader.text_list("words")) {
        // Spaces are folded so "foster  parent" and "foster parent" are one phrase.
        std::string folded;
        for (char c : word) {
          const bool space = c == ' ' || c == '\t' || c == '\n';
          if (space && (folded.empty() || folded.back() == ' ')) continue;
          folded += space ? ' ' : c;
        }
        while (!folded.empty() && folded.back() == ' ') folded.pop_back();
        if (!folded.empty()) group.words.push_back(std::move(folded));
      }
      if (group_reader.find("words") && group.words.size() < 2)
        diags.error(group.where, "a synonym group needs at least two words or phrases",
                    "list every word staff might type beside the one the documents use, e.g. "
                    "'words: [visitation, family time]'");
      group_reader.finish();
      out.push_back(std::move(group));
    }
  }
  reader.finish();
  return out;
}

}  // namespace pb::content
