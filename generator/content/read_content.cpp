#include "content/read_content.hpp"

#include "content/assemble.hpp"
#include "content/validate.hpp"

namespace pb::inline content {

ContentResult read_content(const ContentOptions& options, Diagnostics& diags, const UntaggedHint& untagged_hint) {
  ContentResult result;
  Site site = load_site(options.content_dir, diags, &result.stats);
  if (diags.has_errors() && result.stats.unparsed > 0) return result;
  validate_site(site, diags, untagged_hint);
  if (diags.has_errors()) return result;
  assemble_site(site);
  if (!options.base_url.empty()) site.config.base_url = options.base_url;
  result.site = std::make_shared<const Site>(std::move(site));
  return result;
}

}  // namespace pb::content
