#include "serve/static_files.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "core/files.hpp"
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

constexpr const char* fallback_404 =
    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title>"
    "</head><body><h1>Not found</h1><p>There is no page at this address.</p></body></html>\n";

void send_page(Response& res, int status, std::string html) {
  res.status = status;
  res.set_content(with_live_additions(std::move(html), request_live), html_type);
}


// The Host header names the server the page thinks it talks to; only this machine's own names are
// answered, so a page whose host name was made to point here (DNS rebinding) gets nothing.
bool is_own_host(const Request& req, int port) {
  if (req.get_header_value_count("Host") != 1) return false;
  std::string host = req.get_header_value("Host");
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const std::string name : {"127.0.0.1", "localhost", "[::1]"})
    if (host == name + ":" + std::to_string(port) || (port == 80 && host == name)) return true;
  return false;
}

// No file the site serves has such a name: dot files (the build's marker, an editor's or git's) and the
// "." and ".." segments; nor a NUL or a backslash, which no name here holds.
bool has_hidden_name(std::string_view path) {
  if (path.find_first_of(std::string_view("\\\0", 2)) != std::string_view::npos) return true;
  for (std::size_t start = 0; start < path.size();) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    if (end > start && path[start] == '.') return true;
    start = end + 1;
  }
  return false;
}

Server::HandlerResponse before_files(const fs::path& root, const LiveState& live, int port, const Request& req,
                                     Response& res) {
  if (!is_own_host(req, port)) {
    res.status = 403;
    res.set_content(fmt::format("This server answers only requests for 127.0.0.1:{0} or localhost:{0}.\n", port),
                    "text/plain; charset=utf-8");
    return Server::HandlerResponse::Handled;
  }
  if ((req.method != "GET" && req.method != "HEAD") || req.path == events_path) return Server::HandlerResponse::Unhandled;
  request_live = live.snapshot();
  if (has_hidden_name(req.path)) {
    res.status = 404;  // the error handler adds the page
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
  if (res.status != 404 || !res.body.empty() || (req.method != "GET" && req.method != "HEAD"))
    return Server::HandlerResponse::Unhandled;
  std::optional<std::string> page = read_whole_file(root / "404.html");
  if (!page) {
    send_page(res, 404, fallback_404);
    return Server::HandlerResponse::Handled;
  }
  const std::size_t head = page->find("<head");
  const std::size_t head_end = head == std::string::npos ? head : page->find('>', head);
  if (head_end != std::string::npos) page->insert(head_end + 1, "\n<base href=\"/\">");
  send_page(res, 404, std::move(*page));
  return Server::HandlerResponse::Handled;
}

}  // namespace

bool serve_site(Server& server, const fs::path& root, const LiveState& live, int port) {
  if (!server.set_mount_point("/", root.string())) return false;
  // httplib's own types, with the charset for text (it names none).
  for (const char* ext : {"html", "htm"}) server.set_file_extension_and_mimetype_mapping(ext, html_type);
  server.set_file_extension_and_mimetype_mapping("css", "text/css; charset=utf-8");
  server.set_file_extension_and_mimetype_mapping("js", "text/javascript; charset=utf-8");
  server.set_file_extension_and_mimetype_mapping("txt", "text/plain; charset=utf-8");
  server.set_pre_routing_handler(
      [root, &live, port](const Request& req, Response& res) { return before_files(root, live, port, req, res); });
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
