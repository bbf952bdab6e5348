#include "serve.hpp"

namespace pb {

int run_serve(const ServeOptions&, const std::function<void(std::string_view)>& log) {
  log("serve is not implemented yet");
  return 2;
}

}  // namespace pb
