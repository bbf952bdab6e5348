#include "core/url.hpp"

namespace pb::inline core {

UrlCheck check_url(std::string_view url) {
  // Browsers drop leading and trailing spaces and control characters, and tabs and newlines
  // anywhere, before they read the scheme: "java\tscript:" is javascript:.
  std::string cleaned;
  for (char c : url)
    if (c != '\t' && c != '\n' && c != '\r') cleaned += c;
  std::size_t start = 0, end = cleaned.size();
  while (start < end && static_cast<unsigned char>(cleaned[start]) <= 0x20) ++start;
  while (end > start && static_cast<unsigned char>(cleaned[end - 1]) <= 0x20) --end;
  const std::string_view u = std::string_view(cleaned).substr(start, end - start);

  if (u.starts_with("//") || u.starts_with("\\\\") || u.starts_with("/\\") || u.starts_with("\\/"))
    return {UrlKind::web, ""};
  const std::size_t colon = u.find(':');
  const std::size_t stop = u.find_first_of("/?#");
  if (colon == std::string_view::npos || (stop != std::string_view::npos && stop < colon)) return {UrlKind::relative, ""};
  std::string scheme;
  for (char c : u.substr(0, colon)) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool other = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    if (!letter && !(other && !scheme.empty())) return {UrlKind::relative, ""};  // not a scheme: "a b:c"
    scheme += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  if (scheme == "http" || scheme == "https") return {UrlKind::web, scheme};
  if (scheme == "mailto") return {UrlKind::mailto, scheme};
  return {std::nullopt, scheme};
}

bool is_absolute_web_address(std::string_view url) {
  const UrlCheck c = check_url(url);
  return c.kind == UrlKind::web && !c.scheme.empty();
}

}  // namespace pb::core
