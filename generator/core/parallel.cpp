#include "core/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "core/stop.hpp"

namespace pb::inline core {

unsigned worker_count(unsigned requested) {
  constexpr unsigned most = 256;  // --jobs 100000 must not start a hundred thousand threads
  return std::min(most, requested ? requested : std::max(1u, std::thread::hardware_concurrency()));
}

std::size_t parallel_for(const ParallelTask& task, const std::function<void(std::size_t, unsigned)>& body,
                         Diagnostics& diags) {
  if (task.count == 0) return 0;
  const std::size_t by_size = std::max<std::size_t>(1, task.count / std::max<std::size_t>(1, task.min_per_thread));
  const auto threads = static_cast<unsigned>(std::min<std::size_t>(worker_count(task.threads), by_size));
  std::atomic<std::size_t> next{0}, failed{0};
  auto run = [&](unsigned worker) {
    for (std::size_t item = next++; item < task.count && !stop_requested(); item = next++) {
      std::string what;
      try {
        body(item, worker);
        continue;
      } catch (const std::exception& e) {
        what = e.what();
      } catch (...) {
        what = "an unknown exception";
      }
      ++failed;
      std::string name;
      try {
        name = task.name ? task.name(item) : fmt::format("item {}", item);
      } catch (...) {
        name = fmt::format("item {}", item);
      }
      diags.error(location_in(std::make_shared<const std::string>(name)), fmt::format("internal: {}", what),
                  "this is a bug in Practicebook; please report it with the file or page named here");
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(run, t);
    } catch (const std::system_error&) {
      break;  // the system has no more threads to give: the ones started do all the work
    }
  }
  run(0);
  for (auto& th : pool) th.join();
  return failed;
}

}  // namespace pb::core
