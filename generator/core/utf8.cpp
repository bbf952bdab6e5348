#include "core/utf8.hpp"

#include <array>

#include <fmt/format.h>

namespace pb::inline core {

namespace {

std::string bytes_at(std::string_view text, std::size_t at, std::size_t count) {
  std::string out;
  for (std::size_t i = at; i < at + count && i < text.size(); ++i)
    out += fmt::format("{}0x{:02X}", out.empty() ? "" : " ", static_cast<unsigned char>(text[i]));
  return out;
}

}  // namespace

std::optional<Utf8Problem> find_utf8_problem(std::string_view text, std::size_t from) {
  if (from == 0 && (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")))
    return Utf8Problem{0, "the file is UTF-16 (it starts with a UTF-16 byte order mark), not UTF-8"};
  // Printable ASCII, tab, line feed and carriage return: most bytes of any source, skipped by a
  // table lookup each.
  static constexpr auto plain = [] {
    std::array<bool, 256> table{};
    for (int c = 0x20; c < 0x7F; ++c) table[c] = true;
    table['\t'] = table['\n'] = table['\r'] = true;
    return table;
  }();
  for (std::size_t i = from; i < text.size();) {
    while (i < text.size() && plain[static_cast<unsigned char>(text[i])]) ++i;
    if (i == text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c == 0) return Utf8Problem{i, "a NUL byte (0x00)"};
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
        return Utf8Problem{i, fmt::format("a control character (U+{:04X})", c)};
      ++i;
      continue;
    }
    std::size_t length = 0;
    char32_t code = 0;
    if (c >= 0xC2 && c <= 0xDF) length = 2, code = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) length = 3, code = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) length = 4, code = c & 0x07;
    else if (c == 0xC0 || c == 0xC1) return Utf8Problem{i, fmt::format("byte 0x{:02X} starts an overlong UTF-8 form", c)};
    else return Utf8Problem{i, fmt::format("byte 0x{:02X} is not valid UTF-8", c)};
    if (i + length > text.size()) return Utf8Problem{i, fmt::format("{} is a UTF-8 sequence cut short", bytes_at(text, i, length))};
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80)
        return Utf8Problem{i, fmt::format("byte 0x{:02X} is not valid UTF-8 (it is not followed by continuation bytes)", c)};
      code = (code << 6) | (next & 0x3F);
    }
    if ((length == 3 && code < 0x800) || (length == 4 && code < 0x10000))
      return Utf8Problem{i, fmt::format("bytes {} are an overlong UTF-8 form", bytes_at(text, i, length))};
    if (code >= 0xD800 && code <= 0xDFFF)
      return Utf8Problem{i, fmt::format("bytes {} encode a UTF-16 surrogate, which UTF-8 does not allow",
                                        bytes_at(text, i, length))};
    if (code > 0x10FFFF) return Utf8Problem{i, fmt::format("bytes {} are beyond Unicode", bytes_at(text, i, length))};
    if (code >= 0x80 && code <= 0x9F)
      return Utf8Problem{i, fmt::format("a control character (U+{:04X})", static_cast<unsigned>(code))};
    i += length;
  }
  return std::nullopt;
}

std::vector<Utf8Problem> find_utf8_problems(std::string_view text, std::size_t limit) {
  std::vector<Utf8Problem> found;
  for (std::size_t from = 0; found.size() < limit;) {
    auto problem = find_utf8_problem(text, from);
    if (!problem) break;
    if (problem->offset == 0 && problem->what.starts_with("the file is UTF-16")) return {std::move(*problem)};
    // A stray byte (0x93, a Windows-1252 quote) is one problem; the bytes after a lead byte that
    // went wrong are part of its problem, not more of them.
    from = problem->offset + 1;
    if (static_cast<unsigned char>(text[problem->offset]) >= 0xC0)
      while (from < text.size() && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
    found.push_back(std::move(*problem));
  }
  return found;
}

}  // namespace pb::core
