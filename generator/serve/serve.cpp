// `practicebook serve`: build once, serve the output folder on 127.0.0.1, rebuild when the sources change
// and reload the open pages. The reload script and the error banner are added to HTML responses as they
// are sent, so the site on disk is exactly what `practicebook build` writes.
#include "serve/serve.hpp"

#include "core/text_util.hpp"

// Debian builds libcpp-httplib with TLS and compression; the header must be read with the same options,
// or Request and Response would not have the layout the library was compiled with.
#ifndef CPPHTTPLIB_OPENSSL_SUPPORT
#define CPPHTTPLIB_OPENSSL_SUPPORT
#endif
#ifndef CPPHTTPLIB_ZLIB_SUPPORT
#define CPPHTTPLIB_ZLIB_SUPPORT
#endif
#ifndef CPPHTTPLIB_BROTLI_SUPPORT
#define CPPHTTPLIB_BROTLI_SUPPORT
#endif
#include <httplib.h>

#include <fmt/format.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace pb::inline serve {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using Log = std::function<void(std::string_view)>;

constexpr int exit_ok = 0, exit_failure = 1, exit_usage = 2;

constexpr const char* events_path = "/__practicebook/events";
constexpr auto debounce_quiet = std::chrono::milliseconds(150);  // an editor's save is a burst of events
constexpr auto debounce_limit = std::chrono::seconds(1);         // ...but a steady stream must not starve it
constexpr auto heartbeat = std::chrono::seconds(15);             // finds event streams whose page was closed

// ---------------------------------------------------------------------------------------------------
// The state of the latest build, shared by the watcher (which publishes) and the request threads.

class LiveState {
 public:
  struct Snapshot {
    std::string token;                // changes after every rebuild; pages reload when it does
    std::vector<std::string> errors;  // of the latest build; empty when it succeeded
  };

  Snapshot snapshot() const {
    std::lock_guard lock(mutex_);
    return {token(), errors_};
  }

  void publish(std::vector<std::string> errors) {
    {
      std::lock_guard lock(mutex_);
      ++generation_;
      errors_ = std::move(errors);
    }
    changed_.notify_all();
  }

  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
  }

  // Waits until the token differs from `seen`, the server stops, or `timeout` passes.
  // Returns the current token, or nothing when the server is stopping.
  std::optional<std::string> wait_for_change(const std::string& seen, std::chrono::seconds timeout) const {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, timeout, [&] { return stopping_ || token() != seen; });
    if (stopping_) return std::nullopt;
    return token();
  }

 private:
  std::string token() const { return fmt::format("{}-{}", instance_, generation_); }

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  // Tells this run from an earlier one on the same port, so a page left open across a restart reloads.
  const long long instance_ = std::chrono::system_clock::now().time_since_epoch().count();
  std::uint64_t generation_ = 0;
  std::vector<std::string> errors_;
  bool stopping_ = false;
};

// ---------------------------------------------------------------------------------------------------
// Building.

void log_lines(const Log& log, std::string_view text) {
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    log(text.substr(start, end - start));
    start = end + 1;
  }
}

// Runs one build and logs it. Returns the errors of a failed build (formatted), or nothing on success.
std::vector<std::string> build_and_log(const BuildOptions& options, const Log& log, std::string_view verb) {
  Diagnostics diags;
  BuildReport report;
  try {
    report = run_build(options, diags);
  } catch (const std::exception& e) {  // the server keeps running on the last good site
    report.ok = false;
    diags.error(SourceLocation{}, e.what());
  }
  std::vector<std::string> errors;
  for (const Diagnostic& d : diags.sorted()) {
    std::string text = format_diagnostic(d);
    log_lines(log, text);
    if (d.severity == Severity::error) errors.push_back(std::move(text));
  }
  if (report.ok) {
    log(fmt::format("{} {} pages in {:.1f} ms", verb, report.pages, report.total_milliseconds));
    return {};
  }
  if (errors.empty()) errors.emplace_back("error: the build failed");
  log("build failed; serving the last good site");
  return errors;
}

// ---------------------------------------------------------------------------------------------------
// Watching the sources. inotify is not recursive: each folder gets its own watch, and folders that
// appear later (created or moved in) are watched as they appear.

bool is_scratch_file(std::string_view name) {  // editors' swap, lock and backup files
  return name.empty() || name.front() == '.' || name.back() == '~' || name == "4913";
}

class Watcher {
 public:
  Watcher(std::vector<fs::path> roots, fs::path out_dir)
      : fd_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)), roots_(std::move(roots)), out_(std::move(out_dir)) {
    if (fd_ >= 0)
      for (const auto& root : roots_) watch_tree(root);
  }
  ~Watcher() {
    if (fd_ >= 0) ::close(fd_);
  }
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  bool ok() const { return fd_ >= 0 && !folders_.empty(); }
  int fd() const { return fd_; }

  // Reads every pending event; true when one of them is a change that needs a rebuild.
  bool read_events() {
    bool changed = false;
    alignas(inotify_event) char buffer[16 * 1024];
    for (;;) {
      const ssize_t n = ::read(fd_, buffer, sizeof buffer);
      if (n <= 0) return changed;  // EAGAIN: drained
      for (const char* p = buffer; p < buffer + n;) {
        const auto* event = reinterpret_cast<const inotify_event*>(p);
        changed = handle(*event) || changed;
        p += sizeof(inotify_event) + event->len;
      }
    }
  }

 private:
  static constexpr std::uint32_t mask = IN_CREATE | IN_MODIFY | IN_ATTRIB | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
                                        IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;

  bool handle(const inotify_event& event) {
    if (event.mask & IN_Q_OVERFLOW) {  // events were lost: pick up any new folder and rebuild anyway
      for (const auto& root : roots_) watch_tree(root);
      return true;
    }
    if (event.mask & IN_IGNORED) {
      folders_.erase(event.wd);
      return false;
    }
    const auto folder = folders_.find(event.wd);
    if (folder == folders_.end()) return false;
    if (event.len == 0) return true;  // the watched folder itself was deleted or moved
    const std::string name(event.name);
    const fs::path path = folder->second / name;
    if (is_output(path)) return false;
    if (is_scratch_file(name)) return false;
    if ((event.mask & IN_ISDIR) && (event.mask & (IN_CREATE | IN_MOVED_TO))) watch_tree(path);
    return true;
  }

  void watch_tree(const fs::path& dir) {
    add_watch(dir);
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      if (!it->is_directory(ec)) continue;
      if (is_output(it->path()) || is_scratch_file(it->path().filename().string())) {  // e.g. .git
        it.disable_recursion_pending();
        continue;
      }
      add_watch(it->path());
    }
  }

  void add_watch(const fs::path& dir) {
    const int wd = ::inotify_add_watch(fd_, dir.c_str(), mask);
    if (wd >= 0) folders_[wd] = dir;
  }

  // The output folder and its staging siblings, should someone put them inside the content folder:
  // watching them would make every build trigger the next.
  bool is_output(const fs::path& path) const {
    if (path == out_) return true;
    if (path.parent_path() != out_.parent_path()) return false;
    const std::string name = path.filename().string(), out = out_.filename().string();
    return name.starts_with(out + ".tmp-") || name.starts_with(out + ".old-");
  }

  int fd_;
  std::vector<fs::path> roots_;
  fs::path out_;
  std::unordered_map<int, fs::path> folders_;  // watch descriptor → folder
};

// ---------------------------------------------------------------------------------------------------
// Stopping. SIGINT and SIGTERM are blocked before any thread starts (threads inherit the mask) and read
// from a signalfd in the watch loop: no signal handler runs, so nothing unsafe can happen inside one.

class StopSignals {
 public:
  StopSignals() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    ::pthread_sigmask(SIG_BLOCK, &set_, &previous_);
    fd_ = ::signalfd(-1, &set_, SFD_NONBLOCK | SFD_CLOEXEC);
  }
  ~StopSignals() {
    if (fd_ >= 0) {
      // Read what arrived, so that restoring the mask does not deliver it a second time.
      signalfd_siginfo info;
      while (::read(fd_, &info, sizeof info) == static_cast<ssize_t>(sizeof info)) continue;
      ::close(fd_);
    }
    ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  int fd() const { return fd_; }

 private:
  sigset_t set_{}, previous_{};
  int fd_ = -1;
};

// Lets the server thread wake the watch loop if it ends on its own (e.g. the socket failed).
class Wakeup {
 public:
  Wakeup() : fd_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {}
  ~Wakeup() {
    if (fd_ >= 0) ::close(fd_);
  }
  Wakeup(const Wakeup&) = delete;
  Wakeup& operator=(const Wakeup&) = delete;

  int fd() const { return fd_; }
  void signal() const {
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(fd_, &one, sizeof one);
  }

 private:
  int fd_;
};

enum class StopReason { signal, server_ended };

// Waits for source changes, lets each burst settle, then rebuilds; returns on SIGINT/SIGTERM.
StopReason watch_until_stopped(Watcher& watcher, int signal_fd, int server_ended_fd,
                               const std::function<void()>& rebuild) {
  bool pending = false;  // a burst of changes has begun and not been built yet
  Clock::time_point first, last;
  for (;;) {
    int timeout_ms = -1;
    if (pending) {
      const auto deadline = std::min(last + debounce_quiet, first + debounce_limit);
      const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      timeout_ms = static_cast<int>(std::max<long long>(wait, 0));
    }
    pollfd fds[] = {{signal_fd, POLLIN, 0}, {server_ended_fd, POLLIN, 0}, {watcher.fd(), POLLIN, 0}};
    if (::poll(fds, 3, timeout_ms) < 0 && errno != EINTR) return StopReason::server_ended;
    if (fds[0].revents & POLLIN) return StopReason::signal;
    if (fds[1].revents & POLLIN) return StopReason::server_ended;
    if ((fds[2].revents & POLLIN) && watcher.read_events()) {
      last = Clock::now();
      if (!pending) first = last;
      pending = true;
    }
    const auto now = Clock::now();
    if (pending && (now >= last + debounce_quiet || now >= first + debounce_limit)) {
      pending = false;
      rebuild();
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Mapping a request to a file. The raw request target is used, not httplib's decoded path, so that
// an encoded slash or NUL can be told from a real one.

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;  // a '%' needs two hex digits
    const int high = hex_value(text[i + 1]), low = hex_value(text[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

// "/a/b/" → "a/b/index.html". Nothing when a segment is "..", or decodes to something that is not a
// plain name (a slash, a backslash or a NUL byte).
std::optional<fs::path> safe_relative_path(std::string_view path) {
  if (path.empty() || path.front() != '/') return std::nullopt;
  fs::path relative;
  for (std::size_t start = 1; start <= path.size();) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    const std::optional<std::string> segment = percent_decode(path.substr(start, end - start));
    if (!segment || *segment == ".." || segment->find_first_of(std::string_view("/\\\0", 3)) != std::string::npos)
      return std::nullopt;
    if (!segment->empty() && *segment != ".") relative /= *segment;
    start = end + 1;
  }
  if (path.back() == '/') relative /= "index.html";
  return relative;
}

bool is_within(const fs::path& path, const fs::path& root) {
  const auto [in_root, in_path] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return in_root == root.end();
}

struct Resolved {
  explicit Resolved(int s, fs::path f = {}, std::string l = {})
      : status(s), file(std::move(f)), location(std::move(l)) {}
  int status;
  fs::path file;         // the real file, when status is 200
  std::string location;  // where to go, when status is 301
};

Resolved resolve(const fs::path& root, std::string_view target) {
  const std::size_t query = target.find_first_of("?#");
  const std::string_view path = target.substr(0, query);
  const std::optional<fs::path> relative = safe_relative_path(path);
  if (!relative) return Resolved(403);
  // Compare real paths: a symbolic link inside the site must not lead out of it.
  std::error_code ec;
  const fs::path real_root = fs::weakly_canonical(root, ec);
  if (ec) return Resolved(404);
  const fs::path file = fs::weakly_canonical(real_root / *relative, ec);
  if (ec) return Resolved(404);
  if (!is_within(file, real_root)) return Resolved(403);
  if (fs::is_directory(file, ec) && path.back() != '/')  // relative links in pretty URLs need the slash
    return Resolved(301, {}, std::string(path) + "/" + std::string(target.substr(std::min(query, target.size()))));
  if (!fs::is_regular_file(file, ec)) return Resolved(404);
  return Resolved(200, file);
}

std::optional<std::string> read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(bytes).str();
}

std::string content_type(const fs::path& file) {
  static const std::unordered_map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".xml", "application/xml"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".ico", "image/x-icon"},
      {".webp", "image/webp"},
      {".woff2", "font/woff2"},
      {".pdf", "application/pdf"},
      {".txt", "text/plain; charset=utf-8"},
  };
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto found = types.find(ext);
  return found != types.end() ? found->second : "application/octet-stream";
}

// ---------------------------------------------------------------------------------------------------
// What serve adds to HTML responses.

// Reloads the page when the build it was served from is no longer the latest. The token is written
// into the page, so a rebuild that lands before the event stream connects still reloads it.
std::string reload_script(const std::string& token) {
  return fmt::format(
      "<script>/* added by practicebook serve */(function(){{var built=\"{}\";"
      "var events=new EventSource(\"{}\");events.onmessage=function(e){{"
      "if(e.data!==built){{events.close();location.reload();}}}};}})();</script>\n",
      token, events_path);
}

// Plain inline style so it reads the same on every page: black on white, a thick red rule.
std::string error_banner(const std::vector<std::string>& errors) {
  std::string items;
  for (const auto& error : errors) items += "<li style=\"margin:0.25em 0\">" + html_escape(error) + "</li>";
  return fmt::format(
      "<div id=\"practicebook-build-errors\" role=\"alert\" style=\"position:relative;z-index:2147483647;margin:0;padding:1em 1.25em;"
      "background:#fff;color:#000;border:0.25em solid #b00020;font:1rem/1.5 monospace;"
      "white-space:pre-wrap;overflow-wrap:anywhere\">"
      "<p style=\"margin:0;font-weight:bold\">Build failed; showing the last good site.</p>"
      "<ul style=\"margin:0.5em 0 0;padding-left:1.5em\">{}</ul></div>\n",
      items);
}

std::size_t after_opening_tag(const std::string& html, std::string_view tag) {
  const std::size_t open = html.find(tag);
  if (open == std::string::npos) return std::string::npos;
  const std::size_t close = html.find('>', open);
  return close == std::string::npos ? std::string::npos : close + 1;
}

std::string with_live_additions(std::string html, const LiveState::Snapshot& live) {
  const std::size_t body_end = html.rfind("</body>");
  html.insert(body_end == std::string::npos ? html.size() : body_end, reload_script(live.token));
  if (!live.errors.empty()) {
    const std::size_t body = after_opening_tag(html, "<body");
    html.insert(body == std::string::npos ? 0 : body, error_banner(live.errors));
  }
  return html;
}

const char* fallback_page(int status) {
  return status == 403 ? "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Forbidden</title>"
                         "</head><body><h1>Forbidden</h1><p>This address is outside the site.</p></body></html>\n"
                       : "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title>"
                         "</head><body><h1>Not found</h1><p>There is no page at this address.</p></body></html>\n";
}

void send(httplib::Response& res, int status, std::string body, const std::string& type,
          const LiveState::Snapshot& live) {
  if (type.starts_with("text/html")) body = with_live_additions(std::move(body), live);
  res.status = status;
  res.body = std::move(body);
  res.set_header("Content-Type", type);
}

void serve_file(const fs::path& root, const LiveState& state, const httplib::Request& req, httplib::Response& res) {
  const LiveState::Snapshot live = state.snapshot();  // before reading: a page is never older than its token
  const Resolved found = resolve(root, req.target);
  if (found.status == 301) {
    res.set_redirect(found.location, 301);
    return;
  }
  if (found.status == 200)
    if (auto body = read_file(found.file)) return send(res, 200, std::move(*body), content_type(found.file), live);
  if (found.status == 403) return send(res, 403, fallback_page(403), "text/html; charset=utf-8", live);

  // The site's own 404 page. It is written for the site root, so its relative links get a base.
  const Resolved page = resolve(root, "/404.html");
  std::optional<std::string> body = page.status == 200 ? read_file(page.file) : std::nullopt;
  if (!body) return send(res, 404, fallback_page(404), "text/html; charset=utf-8", live);
  const std::size_t head = after_opening_tag(*body, "<head");
  if (head != std::string::npos) body->insert(head, "\n<base href=\"/\">");
  send(res, 404, std::move(*body), "text/html; charset=utf-8", live);
}

// Keeps one connection open per page and sends the current build token whenever it changes.
void stream_events(const LiveState& state, httplib::Response& res) {
  res.set_chunked_content_provider(
      "text/event-stream", [&state, sent = std::string()](std::size_t, httplib::DataSink& sink) mutable {
        const std::optional<std::string> token = state.wait_for_change(sent, heartbeat);
        if (!token) {  // stopping: end the stream so the server can join its threads
          sink.done();
          return true;
        }
        std::string message = sent.empty() ? "retry: 1000\n" : "";
        message += *token != sent ? fmt::format("data: {}\n\n", *token) : ": waiting\n\n";
        sent = *token;
        return sink.write(message.data(), message.size());
      });
}

void configure(httplib::Server& server, const fs::path& root, LiveState& state) {
  // Each open page holds a worker for its event stream; httplib's default pool is only 8 workers.
  server.new_task_queue = [] { return new httplib::ThreadPool(32); };
  server.set_keep_alive_timeout(1);  // idle keep-alive connections delay stopping by up to this
  server.set_default_headers({{"Cache-Control", "no-store"}, {"X-Content-Type-Options", "nosniff"}});
  server.Get(events_path, [&state](const httplib::Request&, httplib::Response& res) { stream_events(state, res); });
  // Files are served before routing, so httplib's regex router never sees arbitrary request paths.
  server.set_pre_routing_handler([root, &state](const httplib::Request& req, httplib::Response& res) {
    if ((req.method != "GET" && req.method != "HEAD") || req.path == events_path)
      return httplib::Server::HandlerResponse::Unhandled;
    serve_file(root, state, req, res);
    return httplib::Server::HandlerResponse::Handled;
  });
}

// stop() only takes effect once listening has begun, and a signal can arrive before the server thread
// gets there.
void stop_server(httplib::Server& server, const std::atomic<bool>& ended) {
  while (!server.is_running() && !ended) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  if (server.is_running()) server.stop();
}

}  // namespace

int run_serve(const ServeOptions& options, const Log& log) {
  if (options.port < 0 || options.port > 65535) {
    log(fmt::format("error: --port must be between 0 and 65535, not {}", options.port));
    return exit_usage;
  }
  const BuildOptions& build = options.build;
  StopSignals signals;  // first, so that every thread started below inherits the blocked signals
  Wakeup server_ended;

  std::error_code ec;
  std::vector<fs::path> roots = {fs::absolute(build.content_dir, ec)};
  if (build.theme_dir) roots.push_back(fs::absolute(*build.theme_dir, ec));
  fs::path out_dir = fs::absolute(build.out_dir, ec).lexically_normal();
  if (!out_dir.has_filename()) out_dir = out_dir.parent_path();  // "site/" → "site"
  // Watching starts before the first build, so an edit made while it runs is not missed.
  Watcher watcher(roots, out_dir);

  LiveState state;
  state.publish(build_and_log(build, log, "built"));
  if (signals.fd() < 0 || server_ended.fd() < 0 || !watcher.ok()) {
    log(fmt::format("error: cannot watch {} for changes", build.content_dir.generic_string()));
    return exit_failure;
  }

  httplib::Server server;
  configure(server, out_dir, state);
  const int port = options.port == 0 ? server.bind_to_any_port("127.0.0.1") : options.port;
  if (port < 0 || (options.port != 0 && !server.bind_to_port("127.0.0.1", port))) {
    log(fmt::format("error: cannot listen on 127.0.0.1:{} (is another server using it?)", options.port));
    return exit_usage;
  }
  std::atomic<bool> ended = false;
  std::thread listener([&] {
    server.listen_after_bind();
    ended = true;
    server_ended.signal();
  });
  log(fmt::format("Serving {} at http://127.0.0.1:{}/ (Ctrl-C to stop)", build.content_dir.generic_string(), port));

  const StopReason reason = watch_until_stopped(watcher, signals.fd(), server_ended.fd(), [&] {
    state.publish(build_and_log(build, log, "rebuilt"));
  });
  state.stop();  // ends the event streams, which would otherwise keep server workers busy
  stop_server(server, ended);
  listener.join();
  if (reason == StopReason::server_ended) {
    log("error: the server stopped unexpectedly");
    return exit_failure;
  }
  log("stopped");
  return exit_ok;
}

}  // namespace pb::serve
