// `practicebook serve`: build once, serve the output folder on 127.0.0.1, rebuild when the sources change
// and reload the open pages. This file only puts the parts together: watcher.cpp finds the changes,
// site_snapshots.cpp keeps the copy that is served, static_files.cpp serves it, live_reload.cpp tells the
// open pages, connection_threads.cpp runs the connections, stop_signals.cpp ends it all.
#include "serve/serve.hpp"

#include <fmt/format.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "serve/connection_threads.hpp"
#include "serve/http.hpp"
#include "serve/live_reload.hpp"
#include "serve/site_snapshots.hpp"
#include "serve/static_files.hpp"
#include "serve/stop_signals.hpp"
#include "serve/watcher.hpp"

namespace pb::inline serve {

namespace {

namespace fs = std::filesystem;
using Log = std::function<void(std::string_view)>;

constexpr int exit_ok = 0, exit_failure = 1, exit_usage = 2;

// Reload streams hold a thread each for as long as their page is open; at most this many, so that most
// of the threads are always left for pages and for clients that are slow to send their request.
constexpr int max_reload_streams = 32;
constexpr std::size_t max_threads = 128;

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

void configure(httplib::Server& server) {
  server.new_task_queue = [] { return new ConnectionThreads(max_threads); };
  server.set_keep_alive_timeout(1);  // idle keep-alive connections delay stopping by up to this
  server.set_read_timeout(2);        // a browser on this machine sends a request at once; a client that
  server.set_write_timeout(5);       // stalls, or stops reading, gives its thread back after this
  server.set_payload_max_length(64 * 1024);  // nothing here reads a request body
  server.set_default_headers({{"Cache-Control", "no-store"}, {"X-Content-Type-Options", "nosniff"}});
}

// A build that succeeded is copied and swapped in; one that failed leaves the last good copy served.
std::vector<std::string> build_and_swap(const BuildOptions& options, SiteSnapshots& snapshots, const Log& log,
                                        std::string_view verb) {
  std::vector<std::string> errors = build_and_log(options, log, verb);
  if (errors.empty())
    if (auto error = snapshots.take()) {
      log("error: " + *error);
      errors.push_back("error: " + *error);
    }
  return errors;
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
  std::error_code ec;
  fs::path out_dir = fs::absolute(build.out_dir, ec).lexically_normal();
  if (!out_dir.has_filename()) out_dir = out_dir.parent_path();  // "site/" → "site"
  if (auto reason = not_servable(out_dir)) {  // before anything is built or served
    log("error: " + *reason);
    return exit_failure;
  }
  StopSignals signals;  // first, so that every thread started below inherits the blocked signals
  Wakeup server_ended;

  std::vector<fs::path> roots = {fs::absolute(build.content_dir, ec)};
  if (build.theme_dir) roots.push_back(fs::absolute(*build.theme_dir, ec));
  // Watching starts before the first build, so an edit made while it runs is not missed.
  Watcher watcher(roots, out_dir);

  if (signals.fd() < 0 || server_ended.fd() < 0 || !watcher.ok()) {
    log(fmt::format("error: cannot watch {} for changes", build.content_dir.generic_string()));
    return exit_failure;
  }
  SiteSnapshots snapshots(out_dir);
  if (!snapshots.ok()) {
    log(fmt::format("error: cannot create {}", snapshots.current().parent_path().generic_string()));
    return exit_failure;
  }
  LiveState state;
  std::vector<std::string> errors = build_and_log(build, log, "built");
  if (auto error = snapshots.take(); error && errors.empty()) errors.push_back("error: " + *error);
  state.publish(std::move(errors));  // a first build that failed still serves the last good site, if any

  httplib::Server server;
  configure(server);
  int listening = -1;
  server.set_socket_options([&listening](socket_t sock) {
    // SO_REUSEADDR alone (a restart may bind at once past the old run's closing connections), not
    // httplib's default SO_REUSEPORT, which let a second `serve` share the port and answer half the requests.
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    listening = sock;
  });
  const int port = options.port == 0 ? server.bind_to_any_port("127.0.0.1") : options.port;
  if (port < 0 || (options.port != 0 && !server.bind_to_port("127.0.0.1", port))) {
    log(fmt::format("error: cannot listen on 127.0.0.1:{} (is another server using it?)", options.port));
    return exit_usage;
  }
  // Debian's httplib listens with a backlog of 5: a burst of connections (many open pages, a page's
  // assets) would have the rest dropped, and retried only a second later.
  ::listen(listening, SOMAXCONN);
  add_event_stream(server, state, max_reload_streams);
  serve_site(server, snapshots.current(), state, port);  // always a folder
  std::atomic<bool> ended = false;
  std::thread listener([&] {
    server.listen_after_bind();
    ended = true;
    server_ended.signal();
  });
  log(fmt::format("Serving {} at http://127.0.0.1:{}/ (Ctrl-C to stop)", build.content_dir.generic_string(), port));

  const int stopped_by = watch_until(watcher, {signals.fd(), server_ended.fd()}, [&] {
    state.publish(build_and_swap(build, snapshots, log, "rebuilt"));
    snapshots.prune();
  });
  state.stop();  // ends the event streams, which would otherwise keep server workers busy
  stop_server(server, ended);
  listener.join();
  if (stopped_by != 0) {
    log("error: the server stopped unexpectedly");
    return exit_failure;
  }
  log("stopped");
  return exit_ok;
}

}  // namespace pb::serve
