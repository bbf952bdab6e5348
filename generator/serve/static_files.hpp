#pragma once
// Serving the built site. cpp-httplib's mount point finds and reads the files, index.html of a folder
// included; added here is what it lacks: paths that would leave the site are refused, a folder named
// without its slash is redirected (relative links in pretty URLs need the slash), a missing page gets the
// site's own 404.html, and HTML pages get the live-reload additions.
#include <filesystem>

#include "serve/live_reload.hpp"

namespace pb::inline serve {

// Serves `root` on `server`; false when `root` is not a folder.
bool serve_site(httplib::Server& server, const std::filesystem::path& root, const LiveState& live);

}  // namespace pb::serve
