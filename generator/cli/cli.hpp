#pragma once
namespace pb::inline cli {
// The `practicebook` command. Exit status: 0 success, 1 content errors, 2 usage errors.
int run_cli(int argc, char** argv);
}  // namespace pb::cli
