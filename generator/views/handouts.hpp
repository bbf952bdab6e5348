#pragma once
// The printable handouts: which exist (for the pages, the handouts index and the PDF export).
#include <string>
#include <vector>

#include "link/linked_site.hpp"
#include "content/model.hpp"

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
};

// Every handout the content supports: checklists and self-assessments for roles with actions
// (self-assessments only where the model has a rubric), a one-pager per section, a sheet per topic.
std::vector<Handout> list_handouts(const LinkedSite& linked);

const char* handout_kind_label(HandoutKind kind);

}  // namespace pb::views
