#pragma once
// The one way work is spread over cores (loading files, rendering pages, printing PDFs). An exception
// thrown by one item never reaches std::terminate: it is caught, the remaining items still run, and
// the caller gets it back as a diagnostic naming the item.
#include <cstddef>
#include <functional>
#include <string>

#include "core/diagnostics.hpp"

namespace pb::inline core {

// One thread per core, or `requested` when it is not 0; never more than 256.
unsigned worker_count(unsigned requested = 0);

struct ParallelTask {
  std::size_t count = 0;         // items 0 … count-1
  unsigned threads = 0;          // 0: one per core; never more than there are items
  std::size_t min_per_thread = 1;  // a thread costs more than this many small items
  // What an item is called in a diagnostic ("models/x/index.html"), only called on failure.
  std::function<std::string(std::size_t item)> name;
};

// Calls body(item, worker) for every item, on up to `threads` threads (the calling one included).
// `worker` is 0 … threads-1, for per-thread state. Each failed item adds
// "<name>: error: internal: <what>" to `diags`. Returns the number of items that failed. Once a stop
// is requested (core/stop.hpp) no further item starts.
std::size_t parallel_for(const ParallelTask& task, const std::function<void(std::size_t item, unsigned worker)>& body,
                         Diagnostics& diags);

}  // namespace pb::core
