#pragma once
// Sources must be UTF-8: a byte of Windows-1252 (a curly quote pasted from Word), UTF-16, overlong
// forms, encoded surrogates, a stray 0xFF or a control character is found here and named, so it
// becomes an error at its file, line and column instead of a crash or a silent "�" later.
#include <optional>
#include <string>
#include <string_view>

namespace pb::inline core {

struct Utf8Problem {
  std::size_t offset;   // of the first offending byte
  std::string what;     // "byte 0x93 is not valid UTF-8"
};

// The first problem in `text`, if any. Tab, line feed and carriage return are the only control
// characters allowed.
std::optional<Utf8Problem> find_utf8_problem(std::string_view text);

}  // namespace pb::core
