#include "tools/pdf_facts.hpp"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>
#include <poppler/cpp/poppler-page-renderer.h>

#include <memory>

namespace pb::inline tools {

std::optional<PdfFacts> read_pdf_facts(const std::filesystem::path& pdf, const std::filesystem::path& thumbnail,
                                       int thumbnail_width) {
  std::error_code ec;
  const auto bytes = std::filesystem::file_size(pdf, ec);
  if (ec) return std::nullopt;
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf.string()));
  if (!doc || doc->is_locked() || doc->pages() < 1) return std::nullopt;
  PdfFacts facts{doc->pages(), bytes};
  if (thumbnail.empty()) return facts;
  std::unique_ptr<poppler::page> first(doc->create_page(0));
  if (!first) return std::nullopt;
  const double points_wide = first->page_rect().width();
  if (points_wide <= 0) return std::nullopt;
  const double dpi = 72.0 * thumbnail_width / points_wide;
  poppler::page_renderer renderer;
  // Smooth type and lines: a thumbnail is read at a glance, not measured.
  renderer.set_render_hint(poppler::page_renderer::antialiasing);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing);
  const poppler::image image = renderer.render_page(first.get(), dpi, dpi);
  if (!image.is_valid() || !image.save(thumbnail.string(), "png")) return std::nullopt;
  return facts;
}

}  // namespace pb::tools
