#pragma once
// `practicebook serve`: build, serve on 127.0.0.1, rebuild on change and reload open pages.
#include <functional>
#include <string_view>

#include "render/pipeline.hpp"

namespace pb::inline serve {

struct ServeOptions {
  BuildOptions build;          // content, theme and output folders
  int port = 8000;             // 0 picks a free port
};

// Runs until interrupted (SIGINT/SIGTERM). `log` receives one line per event (the URL to open, each
// rebuild with its time, build errors); the CLI prints them. Returns the process exit status.
int run_serve(const ServeOptions& options, const std::function<void(std::string_view)>& log);

}  // namespace pb::serve
