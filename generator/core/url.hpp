#pragma once
// Addresses from the sources (edit_url, base_url, Markdown links and images) are checked against an
// allow-list of schemes: http, https, mailto, and addresses relative to the page. Anything else
// (javascript:, vbscript:, data:, file:, in any letter case, with any whitespace tricks) is refused.
#include <optional>
#include <string>
#include <string_view>

namespace pb::inline core {

enum class UrlKind {
  relative,  // "../x/index.html", "#anchor", "page.html?x"
  web,       // http: or https:, or "//host/…" (the page's scheme)
  mailto,
};

struct UrlCheck {
  std::optional<UrlKind> kind;  // none when refused
  std::string scheme;           // lowercased, "" when relative
};

UrlCheck check_url(std::string_view url);

// An absolute http or https address: what base_url, edit_url and --base-url must be.
bool is_absolute_web_address(std::string_view url);

}  // namespace pb::core
