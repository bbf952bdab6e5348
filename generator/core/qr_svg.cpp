#include "core/qr_svg.hpp"

#include <fmt/format.h>
#include <qrencode.h>

#include <memory>

#include "core/text_util.hpp"

namespace pb::inline core {

namespace {

struct QrFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

constexpr int quiet_zone = 4;  // modules of white around the code, as the standard asks

}  // namespace

std::string qr_svg(std::string_view text, std::string_view size_css, std::string_view label) {
  if (text.empty()) return {};
  const std::string input(text);  // libqrencode wants a NUL-terminated string
  // 8-bit mode: an address is encoded byte for byte, with no guessing of Kanji or numeric runs.
  std::unique_ptr<QRcode, QrFree> code(QRcode_encodeString8bit(input.c_str(), 0, QR_ECLEVEL_M));
  if (!code) return {};
  const int width = code->width;
  std::string path;
  for (int y = 0; y < width; ++y)
    for (int x = 0; x < width; ++x)
      if (code->data[y * width + x] & 1)  // bit 0: a dark module
        path += fmt::format("M{} {}h1v1h-1z", x + quiet_zone, y + quiet_zone);
  const int side = width + 2 * quiet_zone;
  return fmt::format(
      "<svg class=\"qr-code\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {0}\" width=\"{1}\" height=\"{1}\" "
      "role=\"img\" aria-label=\"{2}\" shape-rendering=\"crispEdges\"><rect width=\"{0}\" height=\"{0}\" fill=\"#fff\"/>"
      "<path fill=\"#000\" d=\"{3}\"/></svg>",
      side, size_css, html_escape(label), path);
}

}  // namespace pb::core
