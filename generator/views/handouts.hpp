#pragma once
// The printable handouts: which exist (for the pages, the handouts index and the PDF export).
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "link/linked_site.hpp"
#include "content/model.hpp"
#include "views/state_lists.hpp"
#include "views/state_split.hpp"

namespace pb::inline views {

enum class HandoutKind { checklist, self_assessment, one_pager, topic_sheet };

struct Handout {
  HandoutKind kind;
  const Model* model = nullptr;      // none for topic sheets
  const Section* section = nullptr;  // one-pagers
  const Role* role = nullptr;        // checklists and self-assessments
  const Topic* topic = nullptr;      // topic sheets
  std::string title;                 // "Worker checklist"
  std::string path;                  // the handout page
  std::string pdf;                   // the PDF beside it, root-relative
  bool landscape = false;
  std::string thumbnail;             // a PNG of the PDF's first page, beside it
  // Topic sheets on a large site: the sheet across models becomes a summary that lists one sheet per
  // state (or several, numbered, for a state of many models).
  std::shared_ptr<const StateSplit> states{};  // the topic's sheets by state: the sheet is their summary
  std::size_t state_page = 0;                // a state's sheet: its index in states->pages
  bool summary() const { return states && state.empty(); }
  std::string state{};                       // a state's sheet: its state
  // A long manual's checklist or self-assessment of its actions comes in parts, each a handout of a
  // run of the actions: the first at the handout's own address, the others at …/2/, …/3/.
  ResultRun part = whole_part;
  std::size_t part_number = 1, part_count = 1;
};

// What printing a handout to PDF gave, for its page and the index (the build fills it in when it
// prints PDFs; a handout that did not print has no entry).
struct HandoutPrint {
  int pages = 0;
  std::uintmax_t pdf_bytes = 0;
  bool thumbnail = false;  // whether the first-page PNG was written
  std::string fingerprint;  // of what it was printed from, named in the page so a later build can reuse it
};
using HandoutPrints = std::map<std::string, HandoutPrint>;  // by handout page path

// Every handout the content supports: checklists and self-assessments for roles with actions
// (self-assessments only where the model has a rubric), a one-pager per section, a sheet per topic.
std::vector<Handout> list_handouts(const LinkedSite& linked, std::size_t budget = split_budget);

// "Role checklists", "CQI self-assessments", "One page per value": in the model's words when there is one.
std::string handout_kind_label(HandoutKind kind, const Model* model = nullptr);

// Whether the model's rubric gives `role` a self-assessment form: the rubric applies to the role
// (its `roles`, or every role with actions), and rates actions the role has, or sections, or the model.
bool has_self_assessment(const LinkGraph& graph, const Model& model, const std::string& role);

// What a handout's entry in the index weighs against the split budget: the index prints about 430
// bytes per handout (its model's headings included), about 700 with its thumbnail and PDF facts; a
// listed statement weighs about half of what its page prints for it, and so does a handout.
inline constexpr std::size_t handout_entry_weight = 350;

// How the handouts index is split by state on a large site (by its models' handouts, each weighing
// handout_entry_weight); none when it stays one page. The topic sheets stay on the index.
std::optional<StateSplit> split_handouts_index(const Site& site, const std::vector<Handout>& handouts, std::size_t budget);

// Where the handouts index lists a model's handouts: "handouts/index.html#handouts-<m>", or on a
// split index its state's page.
std::string model_handouts(const StateSplit* split, const Site& site, const Model& model);

}  // namespace pb::views
