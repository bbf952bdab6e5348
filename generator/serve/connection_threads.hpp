#pragma once
// How `serve` runs connections: each on its own thread, up to a limit. cpp-httplib's ThreadPool has a
// fixed number of workers, and every open page holds one for its reload stream while a slow client holds
// one until its read times out; with a fixed pool those two would starve page requests. Threads here are
// started as connections need them and reused after.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "serve/http.hpp"

namespace pb::inline serve {

class ConnectionThreads : public httplib::TaskQueue {
 public:
  explicit ConnectionThreads(std::size_t max_threads) : max_threads_(max_threads) {}
  ~ConnectionThreads() override { shutdown(); }

  void enqueue(std::function<void()> connection) override;
  void shutdown() override;  // runs what is queued, then joins every thread

 private:
  void work();

  const std::size_t max_threads_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> queued_;
  std::vector<std::thread> threads_;
  std::size_t idle_ = 0;
  bool stopping_ = false;
};

}  // namespace pb::serve
