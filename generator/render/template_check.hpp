#pragma once
// Mustache prints a name the data lacks as empty text, silently. This walks a template the way it
// would render with given data (sections entered for each item of a list, skipped when false or
// empty) and returns every printed name, {{x}} or {{{x}}}, that resolves to nothing. A section name
// may be absent: that means false.
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace pb::inline render {

// "{{titel}} (line 4)", in template order, each once.
std::vector<std::string> missing_names(std::string_view template_source, const nlohmann::json& data);

}  // namespace pb::render
