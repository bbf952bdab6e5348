#include "views/json_text.hpp"

#include <array>

#include <nlohmann/json.hpp>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace pb::inline views {

namespace {

// Bytes copied as they are: printable ASCII but '"' and '\\', and DEL (dump() leaves it alone
// unless asked for ASCII only). Bytes from 0x80 start UTF-8 sequences, checked one by one.
constexpr auto plain = [] {
  std::array<bool, 256> table{};
  for (int c = 0x20; c < 0x80; ++c) table[c] = c != '"' && c != '\\';
  return table;
}();

// Where the run of plain bytes starting at `i` ends. Sixteen bytes at a step where SSE2 is there
// (every x86-64 processor): as signed bytes, both the control characters and the bytes from 0x80 are
// below 0x20, so one comparison finds them, and two more find '"' and '\\'.
std::size_t plain_run_end(std::string_view text, std::size_t i) {
#if defined(__SSE2__)
  const __m128i below = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const __m128i special = _mm_or_si128(_mm_cmplt_epi8(bytes, below),
                                         _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash)));
    if (const int mask = _mm_movemask_epi8(special)) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  while (i < text.size() && plain[static_cast<unsigned char>(text[i])]) ++i;
  return i;
}

// The length of the well-formed UTF-8 sequence at text[i] (Unicode's table 3-7, which nlohmann's
// decoder follows: no overlong forms, no surrogates, nothing beyond U+10FFFF), or 0.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
  auto tail = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) { return byte(k) >= lo && byte(k) <= hi; };
  const unsigned c = byte(0);
  if (c >= 0xC2 && c <= 0xDF) return tail(1) ? 2 : 0;
  if (c == 0xE0) return tail(1, 0xA0) && tail(2) ? 3 : 0;
  if (c == 0xED) return tail(1, 0x80, 0x9F) && tail(2) ? 3 : 0;
  if (c >= 0xE1 && c <= 0xEF) return tail(1) && tail(2) ? 3 : 0;
  if (c == 0xF0) return tail(1, 0x90) && tail(2) && tail(3) ? 4 : 0;
  if (c == 0xF4) return tail(1, 0x80, 0x8F) && tail(2) && tail(3) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) return tail(1) && tail(2) && tail(3) ? 4 : 0;
  return 0;
}

// Appends text as a JSON string's contents; false (and nothing appended) when it is not valid UTF-8.
bool append_escaped(std::string& out, std::string_view text) {
  const std::size_t start = out.size();
  std::size_t from = 0;
  for (std::size_t i = 0;;) {
    i = plain_run_end(text, i);
    if (i == text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::size_t length = utf8_length(text, i);
      if (!length) {
        out.resize(start);
        return false;
      }
      i += length;
      continue;
    }
    out.append(text, from, i - from);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      default: {  // the other control characters, as dump() writes them: \u and four lowercase digits
        static constexpr char hex[] = "0123456789abcdef";
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 0xF];
      }
    }
    from = ++i;
  }
  out.append(text, from, std::string_view::npos);
  return true;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  if (!append_escaped(out, text)) {
    out.pop_back();
    out += nlohmann::json(std::string(text)).dump();  // throws, as dump() did
    return;
  }
  out += '"';
}

std::size_t json_string_size_bound(std::string_view text) {
  std::size_t size = text.size() + 2;
  for (std::size_t i = plain_run_end(text, 0); i < text.size(); i = plain_run_end(text, i + 1))
    if (static_cast<unsigned char>(text[i]) < 0x80) size += 5;  // at most "\u00xx" for one byte
  return size;
}

}  // namespace pb::views
