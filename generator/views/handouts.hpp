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

// "Role checklists", "CQI self-assessments", "One page per value": in the model's words when there is one.
std::string handout_kind_label(HandoutKind kind, const Model* model = nullptr);

// Whether the model's rubric gives `role` a self-assessment form: the rubric applies to the role
// (its `roles`, or every role with actions), and rates actions the role has, or sections, or the model.
bool has_self_assessment(const LinkGraph& graph, const Model& model, const std::string& role);

}  // namespace pb::views
