#include "compare/idea_vectors.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "compare/text_compare.hpp"

namespace pb::inline compare {

namespace {

// Stems (Snowball English) of function words and framing verbs.
const std::set<std::string, std::less<>>& stop_stems() {
  static const std::set<std::string, std::less<>> stems = [] {
    const char* words[] = {
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from",
        "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those",
        "we", "our", "us", "you", "your", "i", "me", "my", "they", "them", "their", "he", "she", "his", "her",
        "who", "whom", "which", "what", "when", "where", "why", "how", "do", "does", "did", "done", "can",
        "could", "will", "would", "shall", "should", "may", "might", "must", "not", "no", "so", "than",
        "then", "there", "here", "all", "any", "each", "every", "also", "more", "most", "such", "very",
        "into", "about", "over", "under", "out", "up", "down", "through", "across", "within", "while",
        "both", "either", "neither", "have", "has", "had", "having", "am", "just", "only", "own", "same",
        "too", "other", "some", "s", "t",
        // Framing: "We believe that …", "Recognize that …", "Ensure …", "make every effort".
        "believe", "recognize", "acknowledge", "ensure", "understand", "make", "way", "part"};
    Stemmer stemmer;
    std::set<std::string, std::less<>> out;
    for (const char* w : words) out.insert(stemmer.stem(w));
    return out;
  }();
  return stems;
}

// A phrase's stems, hashed in order (FNV-1a over the ids), one more word at a time.
std::uint64_t extend(std::uint64_t hash, std::uint32_t stem) {
  for (int byte = 0; byte < 4; ++byte) {
    hash ^= (stem >> (8 * byte)) & 0xFF;
    hash *= 1099511628211ull;
  }
  return hash;
}
constexpr std::uint64_t empty_hash = 1469598103934665603ull;

}  // namespace

bool is_idea_stop_word(std::string_view stem) { return stop_stems().count(stem) > 0; }

IdeaVocabulary::IdeaVocabulary(const std::vector<std::vector<std::string>>& synonym_groups) {
  for (std::size_t g = 0; g < synonym_groups.size(); ++g) {
    std::string key = "=";  // cannot collide with a stem
    key += std::to_string(g);
    const std::uint32_t feature = intern(key);
    for (const auto& phrase : synonym_groups[g]) {
      const auto words = words_of(phrase);
      if (words.empty()) continue;
      std::uint64_t hash = empty_hash;
      for (const Word* w : words) hash = extend(hash, w->stem);
      phrases_.emplace(hash, feature);
      if (starts_phrase_.size() <= words[0]->stem) starts_phrase_.resize(words[0]->stem + 1, false);
      starts_phrase_[words[0]->stem] = true;
      longest_phrase_ = std::max(longest_phrase_, words.size());
    }
  }
}

std::uint32_t IdeaVocabulary::intern(const std::string& key) {
  return ids_.try_emplace(key, static_cast<std::uint32_t>(ids_.size())).first->second;
}

const IdeaVocabulary::Word& IdeaVocabulary::word(std::string_view folded) {
  auto it = words_.find(folded);
  if (it != words_.end()) return it->second;
  const std::string stem = stemmer_.stem(folded);
  const Word w{intern(stem), !is_idea_stop_word(stem) && stem.size() > 1};
  return words_.emplace(std::string(folded), w).first->second;
}

std::vector<const IdeaVocabulary::Word*> IdeaVocabulary::words_of(std::string_view text) {
  std::string folded;
  std::vector<std::string_view> words;
  std::vector<bool> joined;
  folded_word_views(text, folded, words, &joined);
  // "life-long" and "lifelong" are one word. `folded` holds the words' letters alone, end to end, so
  // a word joined to the one before simply lengthens it.
  std::vector<std::string_view> whole;
  for (std::size_t k = 0; k < words.size(); ++k)
    if (joined[k] && !whole.empty()) whole.back() = std::string_view(whole.back().data(), whole.back().size() + words[k].size());
    else whole.push_back(words[k]);
  std::vector<const Word*> out;
  out.reserve(whole.size());
  for (const std::string_view w : whole) out.push_back(&word(w));
  return out;
}

std::vector<std::uint32_t> IdeaVocabulary::features(std::string_view text) { return features_of(words_of(text)); }

std::vector<std::uint32_t> IdeaVocabulary::features_of(const std::vector<const Word*>& words) const {
  std::vector<std::uint32_t> out;
  std::vector<std::uint64_t> hashes;
  for (std::size_t i = 0; i < words.size();) {
    // The longest synonym phrase starting here, if any ("foster parents" before "foster").
    std::size_t matched = 0;
    const std::uint32_t stem = words[i]->stem;
    if (stem < starts_phrase_.size() && starts_phrase_[stem]) {
      hashes.clear();
      std::uint64_t hash = empty_hash;
      for (std::size_t n = 0; n < std::min(longest_phrase_, words.size() - i); ++n)
        hashes.push_back(hash = extend(hash, words[i + n]->stem));
      for (std::size_t n = hashes.size(); n > 0 && !matched; --n)
        if (auto it = phrases_.find(hashes[n - 1]); it != phrases_.end()) {
          out.push_back(it->second);
          matched = n;
        }
    }
    if (matched) {
      i += matched;
      continue;
    }
    if (words[i]->content) out.push_back(stem);
    ++i;
  }
  return out;
}

std::vector<FeatureVector> IdeaVocabulary::weigh(const std::vector<std::vector<std::uint32_t>>& texts) const {
  // Texts counted once per feature however often they say it (last_text marks the text that
  // counted it last), and each feature's weight worked out once, not at every use.
  std::vector<std::uint32_t> df(ids_.size(), 0), last_text(ids_.size(), UINT32_MAX);
  for (std::uint32_t t = 0; t < texts.size(); ++t)
    for (std::uint32_t f : texts[t])
      if (last_text[f] != t) last_text[f] = t, ++df[f];
  const double n = static_cast<double>(texts.size());
  std::vector<float> weight(ids_.size(), 0.0f);
  for (std::size_t f = 0; f < weight.size(); ++f)
    if (df[f]) weight[f] = static_cast<float>(std::log(1.0 + n / df[f]));
  std::vector<FeatureVector> out;
  out.reserve(texts.size());
  for (const auto& text : texts) {
    FeatureVector v;
    v.entries.reserve(text.size());
    for (std::uint32_t f : text) v.entries.push_back({f, weight[f]});
    out.push_back(std::move(v));  // repeated words add up in cosine_pairs
  }
  return out;
}

}  // namespace pb::compare
