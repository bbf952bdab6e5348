#include "serve/static_files.hpp"

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "serve/http.hpp"

namespace pb::inline serve {

namespace fs = std::filesystem;
using httplib::Request, httplib::Response, httplib::Server;

namespace {

constexpr const char* html_type = "text/html; charset=utf-8";

// The build a request is answered from, taken before the file is read: a page is never older than the
// token written into it, so a rebuild that lands while it is read still reloads it. The handlers of one
// request all run on the thread that read it.
thread_local LiveState::Snapshot request_live;

const char* fallback_page(int status) {
  return status == 403 ? "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Forbidden</title>"
                         "</head><body><h1>Forbidden</h1><p>This address is outside the site.</p></body></html>\n"
                       : "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title>"
                         "</head><body><h1>Not found</h1><p>There is no page at this address.</p></body></html>\n";
}

void send_page(Response& res, int status, std::string html) {
  res.status = status;
  res.set_content(with_live_additions(std::move(html), request_live), html_type);
}

std::optional<std::string> read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(bytes).str();
}

// httplib's mount point already refuses a ".." that climbs above the root; this also refuses one that does
// not (no file needs it), bytes no file name has here, and a symbolic link that leads out of the site.
bool stays_inside(const fs::path& root, std::string_view path) {
  if (path.find_first_of(std::string_view("\\\0", 2)) != std::string_view::npos) return false;
  for (std::size_t start = 0; start <= path.size();) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    if (path.substr(start, end - start) == "..") return false;
    start = end + 1;
  }
  std::error_code ec;
  const fs::path real_root = fs::weakly_canonical(root, ec);
  const fs::path real = fs::weakly_canonical(root / fs::path(path).relative_path(), ec);
  if (ec) return false;
  const auto [in_root, in_path] = std::mismatch(real_root.begin(), real_root.end(), real.begin(), real.end());
  return in_root == real_root.end();
}

Server::HandlerResponse before_files(const fs::path& root, const LiveState& live, const Request& req,
                                     Response& res) {
  if ((req.method != "GET" && req.method != "HEAD") || req.path == events_path) return Server::HandlerResponse::Unhandled;
  request_live = live.snapshot();
  if (!stays_inside(root, req.path)) {
    send_page(res, 403, fallback_page(403));
    return Server::HandlerResponse::Handled;
  }
  std::error_code ec;
  if (!req.path.ends_with('/') && fs::is_directory(root / fs::path(req.path).relative_path(), ec)) {
    const std::size_t query = req.target.find('?');
    res.set_redirect(req.target.substr(0, query) + "/" + (query == std::string::npos ? "" : req.target.substr(query)),
                     301);
    return Server::HandlerResponse::Handled;
  }
  return Server::HandlerResponse::Unhandled;  // httplib's mount point serves the file, or finds none
}

// The site's own 404 page. It is written for the site root, so its relative links get a base.
Server::HandlerResponse not_found(const fs::path& root, const Request& req, Response& res) {
  if (res.status != 404 || (req.method != "GET" && req.method != "HEAD")) return Server::HandlerResponse::Unhandled;
  std::optional<std::string> page = read_file(root / "404.html");
  if (!page) {
    send_page(res, 404, fallback_page(404));
    return Server::HandlerResponse::Handled;
  }
  const std::size_t head = page->find("<head");
  const std::size_t head_end = head == std::string::npos ? head : page->find('>', head);
  if (head_end != std::string::npos) page->insert(head_end + 1, "\n<base href=\"/\">");
  send_page(res, 404, std::move(*page));
  return Server::HandlerResponse::Handled;
}

}  // namespace

bool serve_site(Server& server, const fs::path& root, const LiveState& live) {
  if (!server.set_mount_point("/", root.string())) return false;
  // httplib's own types, with the charset for text (it names none).
  for (const char* ext : {"html", "htm"}) server.set_file_extension_and_mimetype_mapping(ext, html_type);
  server.set_file_extension_and_mimetype_mapping("css", "text/css; charset=utf-8");
  server.set_file_extension_and_mimetype_mapping("js", "text/javascript; charset=utf-8");
  server.set_file_extension_and_mimetype_mapping("txt", "text/plain; charset=utf-8");
  server.set_pre_routing_handler(
      [root, &live](const Request& req, Response& res) { return before_files(root, live, req, res); });
  server.set_file_request_handler([](const Request&, Response& res) {
    if (res.get_header_value("Content-Type").starts_with("text/html"))
      res.body = with_live_additions(std::move(res.body), request_live);
    else if (!res.has_header("Content-Type"))  // httplib would call it text/plain
      res.set_header("Content-Type", "application/octet-stream");
  });
  server.set_error_handler(
      Server::HandlerWithResponse([root](const Request& req, Response& res) { return not_found(root, req, res); }));
  return true;
}

}  // namespace pb::serve
