#pragma once
// Footnote references: a text of a model writes `[^marker]` for one of the model's `footnotes`. The
// notes are listed on the model's overview (#fn-1, #fn-2, …); each reference links to its note, and
// each note links back to every reference, on the page that shows the text.
#include <cstdint>
#include <string>
#include <vector>

#include "content/model.hpp"
#include "link/markdown.hpp"

namespace pb::inline link {

// One reference to a note: the page showing it (root-relative), its anchor there, and where that is
// for people ("Practice element 1", "Letter").
struct NoteUse {
  std::string page;
  std::string anchor;
  std::string place;
};

// The anchor of a model's note on its overview: "fn-1" for the first.
std::string note_anchor(std::size_t note);

// Finds, for each text of the site (by Markdown::slot), the model and page it belongs to, and writes
// its references to that model's notes with anchors unique on any page ("fnref-<model>-<n>": a page
// may show the texts of several sections and models).
class NoteReferences {
 public:
  explicit NoteReferences(const Site& site);

  // The links for the text in `slot` (visited in slot order), or none when it cannot refer to notes.
  NoteLinks* links_for(const Markdown& m, const char* field);
  // After rendering: the references to each note of each model (by model, then note index).
  std::vector<std::vector<std::vector<NoteUse>>> take_uses() { return std::move(uses_); }

 private:
  struct Start {
    std::uint32_t slot;
    std::uint32_t model;
    std::uint32_t section;  // no section: the model overview
  };
  const Site& site_;
  std::vector<Start> starts_;  // ascending by slot
  std::vector<std::uint32_t> counts_;  // references written so far, by model
  std::vector<std::vector<std::vector<NoteUse>>> uses_;
  NoteLinks links_;
};

}  // namespace pb::link
