#pragma once
// What a sentence is about, as weighted words: stems of its content words, with synonyms (the
// glossary's terms and aliases, content/synonyms.yaml) read as one word, weighted by how rare each
// is across the site (IDF). Two sentences that say the same thing in other words share the rare ones.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compare/candidate_search.hpp"
#include "compare/stemmer.hpp"
#include "compare/text_compare.hpp"

namespace pb::inline compare {

class IdeaVocabulary {
 public:
  // Each group lists words or phrases that mean the same; the first group naming a phrase wins.
  explicit IdeaVocabulary(const std::vector<std::vector<std::string>>& synonym_groups);

  // The content words of a text as feature ids (stems, or a synonym group), in text order.
  std::vector<std::uint32_t> features(std::string_view text);

  struct Word {
    std::uint32_t stem;  // its stem's id (a feature)
    bool content;        // not a stop word
  };
  // A folded word ("lifelong", not "life-long"), stemmed once: callers that meet the same words
  // again and again may keep the reference, which stays valid.
  const Word& word(std::string_view folded);

  // The features of a text given as its words, in text order.
  std::vector<std::uint32_t> features_of(const std::vector<const Word*>& words) const;

  // The texts' features weighted by inverse document frequency over those texts.
  std::vector<FeatureVector> weigh(const std::vector<std::vector<std::uint32_t>>& texts) const;

 private:
  std::uint32_t intern(const std::string& key);
  std::vector<const Word*> words_of(std::string_view text);

  Stemmer stemmer_;
  std::unordered_map<std::string, std::uint32_t> ids_;  // stems and synonym groups
  std::unordered_map<std::string, Word, TextHash, std::equal_to<>> words_;  // each word stemmed once
  std::unordered_map<std::uint64_t, std::uint32_t> phrases_;  // hash of a phrase's stems → group feature
  std::vector<bool> starts_phrase_;                            // by stem id
  std::size_t longest_phrase_ = 1;
};

// Function words and the framing verbs of these documents ("we believe that", "ensure"), which
// say nothing about what a statement is about.
bool is_idea_stop_word(std::string_view stem);

}  // namespace pb::compare
