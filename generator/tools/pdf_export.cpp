#include "tools/pdf_export.hpp"

#include <fmt/format.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <mutex>

#include "core/files.hpp"
#include "core/parallel.hpp"
#include "core/stop.hpp"
#include "tools/pdf_facts.hpp"

extern char** environ;

namespace fs = std::filesystem;

namespace pb::inline tools {

namespace {

// One headless Chromium per PDF, with its own profile folder so several can run at once. The flags
// keep it from calling home: the machines this runs on are often offline.
int print_one(const std::string& chromium, const PdfJob& job, const fs::path& profile) {
  const std::string url = "file://" + fs::absolute(job.html).string();
  std::vector<std::string> args = {chromium,
                                   "--headless",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--disable-quic",
                                   "--no-first-run",
                                   "--disable-background-networking",
                                   "--disable-component-update",
                                   "--disable-sync",
                                   "--disable-dev-shm-usage",
                                   "--user-data-dir=" + profile.string(),
                                   "--no-pdf-header-footer",
                                   "--export-tagged-pdf",
                                   "--generate-pdf-document-outline",
                                   "--print-to-pdf=" + fs::absolute(job.pdf).string(),
                                   url};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, chromium.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

PdfReport export_pdfs(const std::vector<PdfJob>& jobs_to_run, const std::string& chromium, unsigned jobs,
                      const std::function<void(std::string_view)>& log) {
  PdfReport report;
  std::mutex mutex;
  const fs::path profiles = fs::temp_directory_path() / fmt::format("practicebook-pdf-{}", ::getpid());
  Diagnostics internal;
  ParallelTask task{.count = jobs_to_run.size(), .threads = worker_count(jobs), .min_per_thread = 1,
                    .name = [&](std::size_t i) { return jobs_to_run[i].html.generic_string(); }};
  parallel_for(task, [&](std::size_t i, unsigned worker) {
    if (stop_requested()) return;  // Ctrl-C: start no more Chromium processes (the build then stops)
    const PdfJob& job = jobs_to_run[i];
    const fs::path profile = profiles / std::to_string(worker);  // one Chromium profile per worker
    std::error_code ec;
    fs::remove(job.pdf, ec);
    const int status = print_one(chromium, job, profile);
    const bool ok = status == 0 && fs::exists(job.pdf, ec) && fs::file_size(job.pdf, ec) > 0;
    std::lock_guard lock(mutex);
    if (ok) {
      ++report.printed;
      log(fmt::format("printed {}", job.pdf.generic_string()));
    } else {
      report.failures.emplace_back(i, status < 0 ? std::string("Chromium could not be started")
                                                 : fmt::format("Chromium exited with status {}", status));
    }
  }, internal);
  for (const auto& d : internal.sorted()) report.failures.emplace_back(jobs_to_run.size(), format_diagnostic(d));
  std::error_code ec;
  fs::remove_all(profiles, ec);
  return report;
}

namespace {

// What a handout prints from (its page and the stylesheets) as 16 hex digits (FNV-1a, 64 bits): the
// next build reuses the PDF of a page whose fingerprint has not changed instead of printing it again.
std::string print_fingerprint(std::string_view page, std::string_view styles) {
  std::uint64_t h = 14695981039346656037ull;
  for (std::string_view part : {page, styles})
    for (unsigned char c : part) h = (h ^ c) * 1099511628211ull;
  return fmt::format("{:016x}", h);
}

// The previous build's PDF and thumbnail of a handout, copied into staging when its page carries the
// same fingerprint (the handout pages name it in a <meta name="practicebook-print">).
bool reuse_previous(const fs::path& previous, const fs::path& staging, const Handout& h, const std::string& fingerprint) {
  if (previous.empty()) return false;
  std::error_code ec;
  if (!fs::is_regular_file(previous / h.pdf, ec) || !fs::is_regular_file(previous / h.thumbnail, ec)) return false;
  if (read_whole_file(previous / h.path).value_or("").find("content=\"" + fingerprint + "\"") == std::string::npos) return false;
  fs::copy_file(previous / h.pdf, staging / h.pdf, fs::copy_options::overwrite_existing, ec);
  if (!ec) fs::copy_file(previous / h.thumbnail, staging / h.thumbnail, fs::copy_options::overwrite_existing, ec);
  return !ec;
}

}  // namespace

HandoutPrinter handout_printer(std::string chromium, unsigned jobs, std::filesystem::path previous,
                               std::function<void(std::string_view)> log) {
  return [chromium = std::move(chromium), jobs, previous = std::move(previous), log = std::move(log)](
             const fs::path& staging, const std::vector<Handout>& handouts, Diagnostics& diags) {
    const std::string styles = read_whole_file(staging / "assets/style.css").value_or("") +
                                 read_whole_file(staging / "assets/handouts.css").value_or("");
    std::vector<std::string> fingerprints;
    std::vector<bool> reused;
    std::vector<PdfJob> to_print;
    std::vector<std::size_t> printed_handout;  // to_print[j] prints handouts[printed_handout[j]]
    for (std::size_t i = 0; i < handouts.size(); ++i) {
      const Handout& h = handouts[i];
      fingerprints.push_back(print_fingerprint(read_whole_file(staging / h.path).value_or(""), styles));
      reused.push_back(reuse_previous(previous, staging, h, fingerprints.back()));
      if (reused.back()) continue;
      to_print.push_back({staging / h.path, staging / h.pdf});
      printed_handout.push_back(i);
    }
    if (log && to_print.size() < handouts.size())
      log(fmt::format("reused {} PDFs of unchanged handouts from the previous build", handouts.size() - to_print.size()));
    const PdfReport report = export_pdfs(to_print, chromium, jobs, [&](std::string_view line) {
      if (log) log(line);
    });
    for (const auto& [index, why] : report.failures) {
      const std::string page = index < to_print.size() ? handouts[printed_handout[index]].path : std::string("handouts");
      diags.warning(location_in(std::make_shared<const std::string>(page)), "could not print this handout to PDF: " + why,
                    "its page is built; only its PDF is missing (run the build again, or see if Chromium starts)");
    }
    HandoutPrints prints;
    for (std::size_t i = 0; i < handouts.size(); ++i) {
      const Handout& h = handouts[i];
      const auto facts = reused[i] ? read_pdf_facts(staging / h.pdf) : read_pdf_facts(staging / h.pdf, staging / h.thumbnail);
      if (!facts) continue;
      prints[h.path] = HandoutPrint{facts->pages, facts->bytes, true, fingerprints[i]};
    }
    return prints;
  };
}

}  // namespace pb::tools
