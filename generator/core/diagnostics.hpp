#pragma once
// Content problems are values collected here, never exceptions: a build reports all of them at once.
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace pb::inline core {

// A position in a source file; line and column are 1-based (0 means "the whole file").
struct SourceLocation {
  std::shared_ptr<const std::string> file;
  int line = 0;
  int column = 0;

  const std::string& path() const;
};

SourceLocation location_in(std::shared_ptr<const std::string> file, int line = 0, int column = 0);

enum class Severity { warning, error };

struct Diagnostic {
  Severity severity = Severity::error;
  SourceLocation where;
  std::string message;  // one line, may end with "(did you mean 'x'?)"
  std::string hint;     // optional second line telling how to fix it
};

// "file:line:col: error: message" (and "  hint: …" on the next line when there is a hint).
std::string format_diagnostic(const Diagnostic& d, bool colour = false);

// Collects diagnostics from every phase; safe to use from several threads.
class Diagnostics {
 public:
  void error(const SourceLocation& where, std::string message, std::string hint = {});
  void warning(const SourceLocation& where, std::string message, std::string hint = {});
  void add(Diagnostic d);

  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool has_errors() const { return error_count() > 0; }

  // Sorted by file, then line, then column, so output is stable and grouped by file. A file with more
  // than `per_file_limit` shows its earliest ones, then "and N more errors and M more warnings".
  std::vector<Diagnostic> sorted() const;
  // Turns every warning into an error (for --strict).
  void promote_warnings();

  static constexpr std::size_t per_file_limit = 100;

 private:
  struct FileDiagnostics {
    std::vector<Diagnostic> kept;
    std::size_t dropped_errors = 0, dropped_warnings = 0;
    void trim(std::size_t limit);
  };
  mutable std::mutex mutex_;
  std::map<std::string, FileDiagnostics> files_;  // by path ("" for the whole build)
  std::size_t errors_ = 0, warnings_ = 0;
};

// Line and column (1-based) of a byte offset in a text, for template and Markdown errors.
std::pair<int, int> line_column_at(std::string_view text, std::size_t offset);

}  // namespace pb::core
