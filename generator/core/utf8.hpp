#pragma once
// Sources must be UTF-8: a byte of Windows-1252 (a curly quote pasted from Word), UTF-16, overlong
// forms, encoded surrogates, a stray 0xFF or a control character is found here and named, so it
// becomes an error at its file, line and column instead of a crash or a silent "�" later.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pb::inline core {

struct Utf8Problem {
  std::size_t offset;   // of the first offending byte
  std::string what;     // "byte 0x93 is not valid UTF-8"
};

// The first problem in `text` at or after `from`, if any. Tab, line feed and carriage return are the
// only control characters allowed.
std::optional<Utf8Problem> find_utf8_problem(std::string_view text, std::size_t from = 0);

// Every problem in `text`, at most `limit` of them: a file pasted from Word has a curly quote on
// many lines, and each is to be found in one run. After a problem the search goes on at the next
// byte that can start a character.
std::vector<Utf8Problem> find_utf8_problems(std::string_view text, std::size_t limit);

}  // namespace pb::core
