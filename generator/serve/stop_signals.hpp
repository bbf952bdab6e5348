#pragma once
// Stopping `serve` cleanly. SIGINT and SIGTERM are blocked before any thread starts (threads inherit the
// mask) and read from a signalfd in the watch loop: no signal handler runs, so nothing unsafe can happen
// inside one.
#include <signal.h>

namespace pb::inline serve {

class StopSignals {
 public:
  StopSignals();  // construct before starting any thread
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  int fd() const { return fd_; }  // readable once SIGINT or SIGTERM has arrived; -1 on failure

 private:
  sigset_t set_{}, previous_{};
  int fd_ = -1;
};

// Lets the server thread wake the watch loop if it ends on its own (e.g. the socket failed).
class Wakeup {
 public:
  Wakeup();
  ~Wakeup();
  Wakeup(const Wakeup&) = delete;
  Wakeup& operator=(const Wakeup&) = delete;

  int fd() const { return fd_; }
  void signal() const;

 private:
  int fd_;
};

}  // namespace pb::serve
