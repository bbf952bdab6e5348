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

namespace {
bool earlier(const Diagnostic& a, const Diagnostic& b) {
  if (a.where.line != b.where.line) return a.where.line < b.where.line;
  return a.where.column < b.where.column;
}
}  // namespace

// Keeps the earliest `per_file_limit` of each file (sorted by position, so which ones does not depend
// on the order threads reported them); the rest are only counted.
void Diagnostics::FileDiagnostics::trim(std::size_t limit) {
  if (kept.size() <= limit) return;
  std::stable_sort(kept.begin(), kept.end(), earlier);
  for (std::size_t i = limit; i < kept.size(); ++i)
    ++(kept[i].severity == Severity::error ? dropped_errors : dropped_warnings);
  kept.resize(limit);
}

void Diagnostics::add(Diagnostic d) {
  std::lock_guard lock(mutex_);
  ++(d.severity == Severity::error ? errors_ : warnings_);
  FileDiagnostics& file = files_[d.where.path()];
  file.kept.push_back(std::move(d));
  if (file.kept.size() >= 2 * per_file_limit) file.trim(per_file_limit);
}

std::size_t Diagnostics::error_count() const {
  std::lock_guard lock(mutex_);
  return errors_;
}

std::size_t Diagnostics::warning_count() const {
  std::lock_guard lock(mutex_);
  return warnings_;
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out;
  std::lock_guard lock(mutex_);
  for (const auto& [path, entry] : files_) {  // by file
    FileDiagnostics file = entry;
    file.trim(per_file_limit);
    std::stable_sort(file.kept.begin(), file.kept.end(), earlier);
    const SourceLocation where = file.kept.empty() ? SourceLocation{} : location_in(file.kept.front().where.file);
    for (auto& d : file.kept) out.push_back(std::move(d));
    if (file.dropped_errors + file.dropped_warnings > 0)
      out.push_back(Diagnostic{file.dropped_errors ? Severity::error : Severity::warning, where,
                               fmt::format("and {} more error{} and {} more warning{} in this file",
                                           file.dropped_errors, file.dropped_errors == 1 ? "" : "s",
                                           file.dropped_warnings, file.dropped_warnings == 1 ? "" : "s"),
                               fmt::format("only the first {} of a file are shown; fix these and run again",
                                           per_file_limit)});
  }
  return out;
}

void Diagnostics::promote_warnings() {
  std::lock_guard lock(mutex_);
  for (auto& [path, file] : files_) {
    for (auto& d : file.kept) d.severity = Severity::error;
    file.dropped_errors += file.dropped_warnings;
    file.dropped_warnings = 0;
  }
  errors_ += warnings_;
  warnings_ = 0;
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
