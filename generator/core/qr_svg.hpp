#pragma once
// A QR code as inline SVG (libqrencode draws the modules; one <path> holds them, so a printed handout
// carries its way back online without an image file or a request).
#include <string>
#include <string_view>

namespace pb::inline core {

// An <svg> of the QR code of `text` (error correction level M, 4-module quiet zone), `size_css` wide
// (e.g. "0.9in"), labelled for screen readers with `label`. Empty when `text` cannot be encoded
// (empty, or too long for a QR code).
std::string qr_svg(std::string_view text, std::string_view size_css, std::string_view label);

}  // namespace pb::core
