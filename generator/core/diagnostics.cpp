#include "core/diagnostics.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace pb::inline core {

namespace {
const std::string& empty_path() {
  static const std::string empty;
  return empty;
}
}  // namespace

const std::string& SourceLocation::path() const { return file ? *file : empty_path(); }

SourceLocation location_in(std::shared_ptr<const std::string> file, int line, int column) {
  return SourceLocation{std::move(file), line, column};
}

std::string format_diagnostic(const Diagnostic& d, bool colour) {
  std::string where = d.where.path();
  if (d.where.line > 0) where += fmt::format(":{}:{}", d.where.line, std::max(d.where.column, 1));
  const bool is_error = d.severity == Severity::error;
  std::string label = is_error ? "error" : "warning";
  if (colour) {
    where = "\x1b[1m" + where + "\x1b[0m";
    label = (is_error ? "\x1b[1;31m" : "\x1b[1;35m") + label + "\x1b[0m";
  }
  std::string out = where.empty() ? fmt::format("{}: {}", label, d.message)
                                  : fmt::format("{}: {}: {}", where, label, d.message);
  if (!d.hint.empty()) out += fmt::format("\n  {}: {}", colour ? "\x1b[1;36mhint\x1b[0m" : "hint", d.hint);
  return out;
}

void Diagnostics::error(const SourceLocation& where, std::string message, std::string hint) {
  add(Diagnostic{Severity::error, where, std::move(message), std::move(hint)});
}

void Diagnostics::warning(const SourceLocation& where, std::string message, std::string hint) {
  add(Diagnostic{Severity::warning, where, std::move(message), std::move(hint)});
}

void Diagnostics::add(Diagnostic d) {
  std::lock_guard lock(mutex_);
  items_.push_back(std::move(d));
}

std::size_t Diagnostics::error_count() const {
  std::lock_guard lock(mutex_);
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::size_t Diagnostics::warning_count() const {
  std::lock_guard lock(mutex_);
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::warning; });
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> copy;
  {
    std::lock_guard lock(mutex_);
    copy = items_;
  }
  std::stable_sort(copy.begin(), copy.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.where.path() != b.where.path()) return a.where.path() < b.where.path();
    if (a.where.line != b.where.line) return a.where.line < b.where.line;
    return a.where.column < b.where.column;
  });
  return copy;
}

void Diagnostics::promote_warnings() {
  std::lock_guard lock(mutex_);
  for (auto& d : items_) d.severity = Severity::error;
}

std::pair<int, int> line_column_at(std::string_view text, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;  // count code points, not bytes
    }
  }
  return {line, column};
}

}  // namespace pb::core
