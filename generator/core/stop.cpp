#include "core/stop.hpp"

#include <atomic>
#include <csignal>

namespace pb::inline core {

namespace {
std::atomic<bool> stop_flag{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the flag is set from a signal handler");

extern "C" void on_stop_signal(int signal) {
  stop_flag.store(true, std::memory_order_relaxed);
  std::signal(signal, SIG_DFL);  // a second signal ends the process
}

struct sigaction previous_int, previous_term;
}  // namespace

void request_stop() noexcept { stop_flag.store(true, std::memory_order_relaxed); }
bool stop_requested() noexcept { return stop_flag.load(std::memory_order_relaxed); }
void clear_stop() noexcept { stop_flag.store(false, std::memory_order_relaxed); }

StopOnSignals::StopOnSignals() {
  clear_stop();
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, &previous_int);
  sigaction(SIGTERM, &action, &previous_term);
}

StopOnSignals::~StopOnSignals() {
  sigaction(SIGINT, &previous_int, nullptr);
  sigaction(SIGTERM, &previous_term, nullptr);
}

}  // namespace pb::core
