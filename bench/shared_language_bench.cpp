// Benchmark (not a test): shared language over a synthetic corpus of many models, in two shapes —
// models that borrow one sentence in eight from a shared pool with edits (as states borrow each
// other's language), and one model copied into every family (every sentence said N times).
//   cmake --build build --target shared_language_bench && build/shared_language_bench [models] [statements-per-model]
#include <fmt/format.h>
#include <sys/resource.h>

#include <chrono>
#include <ctime>
#include <random>
#include <string>
#include <vector>

#include "compare/shared_language.hpp"

namespace {

// Statements of 10 to 30 words from a 6,000-word vocabulary with a Zipf-like skew (a few words very
// common, as in real text); one statement in eight borrows a sentence from a shared pool and edits
// one to three of its words, as states borrow each other's language.
std::vector<std::string> corpus(std::size_t models, std::size_t per_model, std::vector<std::size_t>& family) {
  std::mt19937_64 rng(42);
  std::vector<std::string> vocabulary;
  for (int i = 0; i < 6000; ++i) vocabulary.push_back(fmt::format("word{}", i));
  std::vector<double> weights;
  for (int i = 0; i < 6000; ++i) weights.push_back(1.0 / (i + 10));
  std::discrete_distribution<int> pick(weights.begin(), weights.end());
  auto sentence = [&](int words) {
    std::string s;
    for (int k = 0; k < words; ++k) s.append(vocabulary[pick(rng)]).append(" ");
    return s;
  };
  std::vector<std::string> shared;
  for (int i = 0; i < 400; ++i) shared.push_back(sentence(12 + static_cast<int>(rng() % 14)));
  std::vector<std::string> out;
  for (std::size_t m = 0; m < models; ++m)
    for (std::size_t k = 0; k < per_model; ++k) {
      if (rng() % 8 == 0) {
        std::string s = shared[rng() % shared.size()];
        for (int edits = 1 + static_cast<int>(rng() % 3); edits > 0; --edits) s.append(vocabulary[pick(rng)]).append(" ");
        out.push_back(std::move(s));
      } else {
        out.push_back(sentence(10 + static_cast<int>(rng() % 21)));
      }
      family.push_back(m);
    }
  return out;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

double peak_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

void run(const char* name, const std::vector<std::string>& texts, const std::vector<std::size_t>& family) {
  std::vector<pb::SharedText> in;
  for (std::size_t i = 0; i < texts.size(); ++i) in.push_back({texts[i], static_cast<std::uint32_t>(family[i])});
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  pb::SharedLanguageStats stats;
  const auto clusters = pb::find_shared_language(in, {}, &stats);
  const double seconds = seconds_since(start);
  const double cpu = double(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  std::size_t members = 0;
  for (const auto& c : clusters) members += c.members.size();
  fmt::print("{:<9} {:>8} statements  {:>8} sentences ({:>7} distinct)  {:6.2f} s ({:.2f} s CPU)  {:>6} clusters ({} members)  "
             "{} + {} similarities computed ({:.5f}% of all pairs){}  peak {:.0f} MB\n",
             name, texts.size(), stats.sentences, stats.distinct_sentences, seconds, cpu, clusters.size(), members,
             stats.word_candidates, stats.idea_candidates,
             100.0 * double(stats.word_candidates + stats.idea_candidates) / double(std::max<std::size_t>(1, stats.all_pairs)),
             stats.word_search_stopped ? ", the words tier stopped at its budget" : "", peak_mb());
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t models = argc > 1 ? std::stoul(argv[1]) : 500;
  const std::size_t per_model = argc > 2 ? std::stoul(argv[2]) : 250;
  std::vector<std::size_t> family;
  const auto texts = corpus(models, per_model, family);
  fmt::print("{} models x {} statements\n", models, per_model);
  run("borrowed", texts, family);
  // The first model's statements in every family.
  std::vector<std::string> copies;
  std::vector<std::size_t> copy_family;
  for (std::size_t m = 0; m < models; ++m)
    for (std::size_t k = 0; k < per_model; ++k) {
      copies.push_back(texts[k]);
      copy_family.push_back(m);
    }
  run("copies", copies, copy_family);
  return 0;
}
