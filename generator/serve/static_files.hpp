#pragma once
// Serving the built site. cpp-httplib's mount point finds and reads the files, index.html of a folder
// included; added here is what it lacks: only requests addressed to this machine by name are answered
// (a web page elsewhere cannot rebind its own host name to 127.0.0.1 and read the site), names starting
// with a dot are never served, a folder named without its slash is redirected (relative links in pretty
// URLs need the slash), a missing page gets the site's own 404.html, and HTML pages get the live-reload
// additions.
#include <filesystem>

#include "serve/live_reload.hpp"

namespace pb::inline serve {

// Serves `root` on `server`, which listens on `port`; false when `root` is not a folder. `root` must hold
// only folders and regular files (see site_snapshots.hpp): symbolic links in it would be followed.
bool serve_site(httplib::Server& server, const std::filesystem::path& root, const LiveState& live, int port);

}  // namespace pb::serve
