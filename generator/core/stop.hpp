#pragma once
// Ctrl-C and SIGTERM stop a build between pages, never in the middle of writing the site: the handler
// only raises a flag that parallel_for and the pipeline read, and the staging folder is removed on the
// way out. A second Ctrl-C ends the process at once (the default action comes back after the first).
namespace pb::inline core {

void request_stop() noexcept;  // async-signal-safe
bool stop_requested() noexcept;
void clear_stop() noexcept;

// While it lives, SIGINT and SIGTERM request a stop instead of ending the process.
class StopOnSignals {
 public:
  StopOnSignals();
  ~StopOnSignals();
  StopOnSignals(const StopOnSignals&) = delete;
  StopOnSignals& operator=(const StopOnSignals&) = delete;
};

}  // namespace pb::core
