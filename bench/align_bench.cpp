// Benchmark (not a test): aligning the statements of a synthetic 500-model corpus by shared
// language, with the prefix-filtered index and with the all-pairs baseline.
//   cmake --build build --target align_bench && build/align_bench [models] [statements-per-model]
#include <fmt/format.h>

#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "compare/similarity_index.hpp"
#include "compare/text_compare.hpp"

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

}  // namespace

int main(int argc, char** argv) {
  const std::size_t models = argc > 1 ? std::stoul(argv[1]) : 500;
  const std::size_t per_model = argc > 2 ? std::stoul(argv[2]) : 250;
  const bool baseline = !(argc > 3 && std::string(argv[3]) == "--no-baseline");
  std::vector<std::size_t> family;
  const auto texts = corpus(models, per_model, family);

  auto start = std::chrono::steady_clock::now();
  std::vector<std::vector<std::uint64_t>> sets;
  sets.reserve(texts.size());
  for (const auto& t : texts) sets.push_back(pb::shingles(t));
  const double shingling = seconds_since(start);

  start = std::chrono::steady_clock::now();
  pb::SimilarityStats indexed;
  const auto pairs = pb::find_similar(sets, family, 0.3, &indexed);
  const double index_time = seconds_since(start);
  fmt::print("corpus: {} models x {} statements = {} statements\n", models, per_model, texts.size());
  fmt::print("shingling:          {:8.3f} s\n", shingling);
  fmt::print("prefix-filter index: {:7.3f} s  {} pairs found, {} similarities computed ({:.5f}% of all pairs)\n",
             index_time, pairs.size(), indexed.candidates, 100.0 * indexed.candidates / indexed.all_pairs);
  if (!baseline) return 0;
  start = std::chrono::steady_clock::now();
  pb::SimilarityStats brute;
  const auto all = pb::find_similar_all_pairs(sets, family, 0.3, &brute);
  const double brute_time = seconds_since(start);
  fmt::print("all-pairs baseline:  {:7.3f} s  {} pairs found, {} similarities computed\n", brute_time, all.size(),
             brute.candidates);
  fmt::print("same pairs: {}; speed-up: {:.0f}x\n", all.size() == pairs.size() ? "yes" : "NO", brute_time / index_time);
  return all.size() == pairs.size() ? 0 : 1;
}
