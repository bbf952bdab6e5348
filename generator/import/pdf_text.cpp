#include "import/pdf_text.hpp"

#include <fmt/format.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <memory>

namespace fs = std::filesystem;

namespace pb::inline import {

namespace {

struct Word {
  std::string text;
  double x0, y0, x1, y1;
  bool space_after;
  bool bold;
};

// Words on one baseline and close together: a piece of a line in one column.
struct Segment {
  std::vector<Word> words;
  double x0 = 1e9, x1 = -1e9, y0 = 1e9, y1 = -1e9;
  void add(Word w) {
    x0 = std::min(x0, w.x0), x1 = std::max(x1, w.x1), y0 = std::min(y0, w.y0), y1 = std::max(y1, w.y1);
    words.push_back(std::move(w));
  }
  bool bold() const {
    return std::all_of(words.begin(), words.end(), [](const Word& w) { return w.bold; });
  }
  std::string text() const {
    std::string out;
    for (std::size_t k = 0; k < words.size(); ++k) {
      out += words[k].text;
      if (k + 1 < words.size() && (words[k].space_after || words[k + 1].x0 - words[k].x1 > 0.15 * (y1 - y0))) out += ' ';
    }
    return out;
  }
};

std::vector<Segment> segments_of(std::vector<Word> words) {
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    return a.y0 + a.y1 < b.y0 + b.y1 - 0.01 || (std::abs((a.y0 + a.y1) - (b.y0 + b.y1)) <= 0.01 && a.x0 < b.x0);
  });
  // Rows: words whose vertical middles are within half a line of the row's.
  std::vector<std::vector<Word>> rows;
  for (auto& w : words) {
    const double middle = (w.y0 + w.y1) / 2, height = w.y1 - w.y0;
    if (!rows.empty()) {
      const Word& last = rows.back().front();
      if (std::abs((last.y0 + last.y1) / 2 - middle) < 0.5 * std::max(height, last.y1 - last.y0)) {
        rows.back().push_back(std::move(w));
        continue;
      }
    }
    rows.push_back({std::move(w)});
  }
  std::vector<Segment> segments;
  for (auto& row : rows) {
    std::sort(row.begin(), row.end(), [](const Word& a, const Word& b) { return a.x0 < b.x0; });
    Segment current;
    for (auto& w : row) {
      // A gap wider than the type's height is a gutter or the margin of a box floated beside the text,
      // not a space (even justified text spaces words far less).
      if (!current.words.empty() && w.x0 - current.x1 > 1.2 * (w.y1 - w.y0)) {
        segments.push_back(std::move(current));
        current = {};
      }
      current.add(std::move(w));
    }
    if (!current.words.empty()) segments.push_back(std::move(current));
  }
  return segments;
}

// The x of the gutter between two columns: in the middle of the page, the strip that the fewest
// segments cross (a running header, a centred page number or a title set across both columns may),
// nearest the centre when several strips tie; nothing when the page has one column.
std::optional<double> gutter_of(const std::vector<Segment>& segments, double width) {
  if (!(width > 0 && width < 20000)) return std::nullopt;  // a page box no brochure has
  std::vector<int> covered(static_cast<std::size_t>(width) + 2, 0);
  for (const auto& s : segments)
    for (int x = std::max(0, static_cast<int>(s.x0)); x <= std::min(static_cast<int>(width), static_cast<int>(s.x1)); ++x)
      ++covered[static_cast<std::size_t>(x)];
  const int from = static_cast<int>(0.3 * width), to = static_cast<int>(0.7 * width);
  if (to - from < 8 || segments.empty()) return std::nullopt;
  const int fewest = *std::min_element(covered.begin() + from, covered.begin() + to);
  if (fewest > std::max(3, static_cast<int>(segments.size() / 10))) return std::nullopt;
  std::optional<double> best;
  for (int x = from; x < to;) {
    // One more crossing than the fewest still counts: a header may end a few points into the gutter.
    if (covered[static_cast<std::size_t>(x)] > fewest + 1) {
      ++x;
      continue;
    }
    int end = x;
    while (end < to && covered[static_cast<std::size_t>(end)] <= fewest + 1) ++end;
    const double middle = (x + end) / 2.0;
    if (end - x >= 8 && (!best || std::abs(middle - width / 2) < std::abs(*best - width / 2))) best = middle;
    x = end;
  }
  if (!best) return std::nullopt;
  int left = 0, right = 0;
  for (const auto& s : segments) left += s.x1 < *best, right += s.x0 > *best;
  if (left < 2 || right < 1) return std::nullopt;
  return best;
}

// The flows of one column, one after the other: a box floated beside the text (a sidebar quote) is a
// flow of its own, because its lines sit beside the text's, not under them. Each line continues the
// flow whose last line above it shares the most of its width; a line under none starts a flow.
std::vector<const Segment*> flows_of(const std::vector<const Segment*>& column) {
  std::vector<std::vector<const Segment*>> flows;
  for (const Segment* s : column) {  // top to bottom
    std::vector<const Segment*>* best = nullptr;
    double best_overlap = 0;
    for (auto& flow : flows) {
      const Segment* last = flow.back();
      const double overlap = std::min(s->x1, last->x1) - std::max(s->x0, last->x0);
      if (last->y1 <= s->y0 + 0.5 * (s->y1 - s->y0) && overlap > best_overlap) best = &flow, best_overlap = overlap;
    }
    if (best) best->push_back(s);
    else flows.push_back({s});
  }
  std::vector<const Segment*> out;
  for (const auto& flow : flows) out.insert(out.end(), flow.begin(), flow.end());
  return out;
}

// A line of a page with where it sits, for finding running headers and footers.
struct PageLine {
  SourceLine line;
  double y = 0;          // middle of the line, from the top
  double height = 0;
  bool bold = false;
};

// Reading order: down the page in bands separated by full-width lines; in each band the left column,
// then the right. A blank line wherever the vertical gap shows a new paragraph or a new column.
std::vector<PageLine> page_lines(std::vector<Segment> segments, double width, int page) {
  const auto gutter = gutter_of(segments, width);
  // Without a gutter the page is one column: lines across most of it separate bands, and in a band the
  // flows (text and boxes floated beside it) are read one after the other.
  auto column = [&](const Segment& s) {
    if (!gutter) return s.x1 - s.x0 > 0.6 * width ? 0 : 1;
    return s.x1 < *gutter ? 1 : s.x0 > *gutter ? 2 : 0;
  };
  std::sort(segments.begin(), segments.end(), [](const Segment& a, const Segment& b) { return a.y0 < b.y0; });
  std::vector<const Segment*> ordered;
  std::size_t k = 0;
  while (k < segments.size()) {
    if (column(segments[k]) == 0) {
      ordered.push_back(&segments[k++]);
      continue;
    }
    std::size_t end = k;
    while (end < segments.size() && column(segments[end]) != 0) ++end;
    for (int c : {1, 2}) {
      std::vector<const Segment*> in_column;
      for (std::size_t j = k; j < end; ++j)
        if (column(segments[j]) == c) in_column.push_back(&segments[j]);
      for (const Segment* seg : flows_of(in_column)) ordered.push_back(seg);
    }
    k = end;
  }
  std::vector<PageLine> lines;
  const Segment* previous = nullptr;
  for (const Segment* s : ordered) {
    if (previous) {
      const double gap = s->y0 - previous->y1, height = previous->y1 - previous->y0;
      if (gap > 0.6 * height || gap < -height || column(*s) != column(*previous))
        lines.push_back({{"", page, {}, false}, s->y0, 0, false});
    }
    lines.push_back({{s->text(), page, {}, false}, (s->y0 + s->y1) / 2, s->y1 - s->y0, s->bold()});
    previous = s;
  }
  return lines;
}

void silence(const std::string&, void*) {}

// Lines in the top or bottom band of the page that recur (digits aside) on at least half of the pages
// are running headers or footers; a page number there is set aside as one.
void mark_running_lines(std::vector<std::vector<PageLine>>& pages, const std::vector<double>& heights) {
  auto key = [](std::string text) {
    std::erase_if(text, [](char c) { return c >= '0' && c <= '9'; });
    return text;
  };
  auto in_band = [&](const PageLine& l, std::size_t page) {
    return !l.line.text.empty() && (l.y < 0.075 * heights[page] || l.y > 0.925 * heights[page]);
  };
  std::map<std::string, int> seen;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    std::set<std::string> once;
    for (const auto& l : pages[p])
      if (in_band(l, p)) once.insert(key(l.line.text));
    for (const auto& k : once) ++seen[k];
  }
  const int needed = std::max(2, static_cast<int>(pages.size() + 1) / 2);
  for (std::size_t p = 0; p < pages.size(); ++p)
    for (auto& l : pages[p]) {
      if (!in_band(l, p)) continue;
      const std::string k = key(l.line.text);
      const bool number_only = std::all_of(k.begin(), k.end(), [](char c) { return c == ' '; }) ||
                               k == "Page " || k == "page " || k == "Page  of " || k == "- -";
      if (number_only) l.line.set_aside = "a page number";
      else if (seen[k] >= needed) l.line.set_aside = "a running header or footer";
    }
}

// Lines in a type a fifth larger than the body text (the most common line height) are headings, and
// so are short bold lines that are no sentence ("Guiding Principles", "Supervisor Behaviors").
void mark_large_lines(std::vector<std::vector<PageLine>>& pages) {
  std::map<int, int> heights;  // in tenths of a point
  for (const auto& lines : pages)
    for (const auto& l : lines)
      if (!l.line.text.empty() && l.line.set_aside.empty()) ++heights[static_cast<int>(l.height * 10)];
  if (heights.empty()) return;
  const auto body = std::max_element(heights.begin(), heights.end(),
                                     [](const auto& a, const auto& b) { return a.second < b.second; })->first / 10.0;
  for (auto& lines : pages)
    for (auto& l : lines) {
      const std::string& t = l.line.text;
      const bool short_bold = l.bold && t.size() < 60 && !t.ends_with(".") && !t.ends_with("?");
      l.line.heading_type = !t.empty() && (l.height > 1.2 * body || short_bold);
    }
}

}  // namespace

std::optional<SourceDocument> read_pdf(const fs::path& file, const ReadLimits& limits, Diagnostics& diags) {
  const auto where = location_in(std::make_shared<const std::string>(file.generic_string()));
  poppler::set_debug_error_function(silence, nullptr);
  std::unique_ptr<poppler::document> pdf(poppler::document::load_from_file(file.string()));
  if (!pdf) {
    diags.error(where, "this PDF cannot be read: it is damaged, incomplete or encrypted",
                "open it in a PDF reader and save or print it to a new PDF, then import that");
    return std::nullopt;
  }
  // Encrypted with only an owner password (print or copy restrictions) still opens and reads.
  if (pdf->is_locked()) {
    diags.error(where, "this PDF is encrypted with a password",
                "save an unencrypted copy (e.g. 'qpdf --decrypt in.pdf out.pdf') and import that");
    return std::nullopt;
  }
  const int pages = pdf->pages();
  if (pages > limits.max_pages) {
    diags.error(where, fmt::format("this PDF has {} pages; import reads at most {}", pages, limits.max_pages),
                "extract the pages that hold the practice model (e.g. 'qpdf in.pdf --pages . 1-20 -- out.pdf')");
    return std::nullopt;
  }
  const auto started = std::chrono::steady_clock::now();
  SourceDocument doc;
  doc.path = file.generic_string();
  doc.from_pdf = true;
  doc.pages = pages;
  std::vector<std::vector<PageLine>> page_texts;
  std::vector<double> heights;
  std::size_t words = 0;
  for (int p = 0; p < pages; ++p) {
    std::unique_ptr<poppler::page> page(pdf->create_page(p));
    if (!page) continue;
    std::vector<Word> page_words;
    for (const auto& box : page->text_list(poppler::page::text_list_include_font)) {
      const auto bytes = box.text().to_utf8();
      const auto r = box.bbox();
      std::string font = box.get_font_name();
      for (char& c : font) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      const bool bold = font.find("bold") != std::string::npos || font.find("black") != std::string::npos ||
                        font.find("heavy") != std::string::npos;
      page_words.push_back({std::string(bytes.begin(), bytes.end()), r.left(), r.top(), r.right(), r.bottom(),
                            box.has_space_after(), bold});
    }
    words += page_words.size();
    page_texts.push_back(page_lines(segments_of(std::move(page_words)), page->page_rect().width(), p + 1));
    heights.push_back(page->page_rect().height());
    if (std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() > limits.max_seconds) {
      diags.error(where, fmt::format("reading this PDF took over {:.0f} s (stopped at page {} of {})", limits.max_seconds,
                                     p + 1, pages),
                  "extract the pages that hold the practice model into a smaller PDF and import that");
      return std::nullopt;
    }
  }
  if (words == 0) {
    diags.error(where, "this PDF has no text layer (a scan?): there is no text to import",
                "run OCR first (e.g. 'ocrmypdf in.pdf out.pdf'), then import the result");
    return std::nullopt;
  }
  mark_running_lines(page_texts, heights);
  mark_large_lines(page_texts);
  for (auto& lines : page_texts) {
    for (auto& l : lines) doc.lines.push_back(std::move(l.line));
    doc.lines.push_back({"", 0, {}, false});
  }
  return doc;
}

}  // namespace pb::import
