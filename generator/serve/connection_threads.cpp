#include "serve/connection_threads.hpp"

namespace pb::inline serve {

void ConnectionThreads::enqueue(std::function<void()> connection) {
  std::lock_guard lock(mutex_);
  queued_.push_back(std::move(connection));
  // Past the limit a connection waits for a thread, as in httplib's own pool.
  if (queued_.size() > idle_ && threads_.size() < max_threads_) threads_.emplace_back([this] { work(); });
  ready_.notify_one();
}

void ConnectionThreads::shutdown() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  ready_.notify_all();
  for (auto& thread : threads_) thread.join();  // no thread starts once stopping_ is set
}

void ConnectionThreads::work() {
  std::unique_lock lock(mutex_);
  for (;;) {
    ++idle_;
    ready_.wait(lock, [&] { return stopping_ || !queued_.empty(); });
    --idle_;
    if (queued_.empty()) return;  // stopping, and nothing left to run
    std::function<void()> connection = std::move(queued_.front());
    queued_.pop_front();
    lock.unlock();
    connection();
    lock.lock();
  }
}

}  // namespace pb::serve
