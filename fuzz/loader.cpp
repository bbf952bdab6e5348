// Any bytes as a content file: parsed, then read as every kind of file. Diagnostics are fine; a crash,
// a sanitizer report, a hang or unbounded memory is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "content/file_readers.hpp"
#include "content/source_node.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  pb::Diagnostics diags;
  const auto root = pb::parse_yaml(text, std::make_shared<const std::string>("fuzz.yaml"), diags);
  if (root) {
    pb::read_site_config(*root, diags);
    pb::read_roles(*root, diags);
    pb::read_topics(*root, diags);
    pb::read_terms(*root, diags);
    pb::read_model(*root, diags);
    pb::read_section(*root, diags);
  }
  for (const auto& d : diags.sorted()) (void)pb::format_diagnostic(d);
  return 0;
}
