#pragma once
// Live reload: open pages learn of each rebuild through server-sent events and reload themselves, and while
// the latest build has failed every HTML page shows its errors at the top. Both are added to pages as they
// are sent, so the site on disk stays exactly what `practicebook build` writes.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace httplib {
class Server;
}

namespace pb::inline serve {

inline constexpr const char* events_path = "/__practicebook/events";

// The state of the latest build, published by the watch loop and read by the request threads.
class LiveState {
 public:
  struct Snapshot {
    std::string token;                // changes after every rebuild; pages reload when it does
    std::vector<std::string> errors;  // of the latest build; empty when it succeeded
  };

  Snapshot snapshot() const;
  void publish(std::vector<std::string> errors);
  void stop();  // ends every event stream, so the server can join its threads

  // Waits until the token differs from `seen`, the server stops, or `timeout` passes.
  // Returns the current token, or nothing when the server is stopping.
  std::optional<std::string> wait_for_change(const std::string& seen, std::chrono::seconds timeout) const;

 private:
  std::string token() const;

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  // Tells this run from an earlier one on the same port, so a page left open across a restart reloads.
  const long long instance_ = std::chrono::system_clock::now().time_since_epoch().count();
  std::uint64_t generation_ = 0;
  std::vector<std::string> errors_;
  bool stopping_ = false;
};

// Answers GET `events_path` with a stream of build tokens, to at most `max_streams` pages at a time
// (each holds a thread); a page past that gets 503 and simply does not reload.
void add_event_stream(httplib::Server& server, const LiveState& state, int max_streams);

// `html` with the reload script before </body> and, when the build failed, the error banner after <body>.
std::string with_live_additions(std::string html, const LiveState::Snapshot& live);

}  // namespace pb::serve
