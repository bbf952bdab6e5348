#pragma once
// content/frameworks/<id>.yaml: external frameworks the models are compared against (the federal Child
// and Family Services Reviews: outcomes, items, systemic factors), each item mapped to topics, keywords
// and statements. read_framework reads one file; check_frameworks checks what it names against the
// rest of the site (topics, models, statements).
#include <optional>
#include <string>

#include "core/diagnostics.hpp"
#include "content/model.hpp"
#include "content/source_node.hpp"

namespace pb::inline content {

ExternalFramework read_framework(const SourceNode& root, Diagnostics& diags);

// "ar-at-one-table-2023/relationships#worker-3" or "me-practice-model#priority-2"; nullopt when the
// text has another shape.
std::optional<StatementAddress> parse_statement_address(const std::string& text);

// Unknown topics, models and statements, and ids repeated within a framework or between frameworks.
void check_frameworks(const Site& site, Diagnostics& diags);

}  // namespace pb::content
