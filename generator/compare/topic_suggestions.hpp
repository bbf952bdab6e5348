#pragma once
// Topics for a statement that has none, from the statements of the site that say the most nearly the
// same thing and are tagged (the word-pair similarity of shared language). Used by `import` for the
// draft and by `check` for hints on untagged statements.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.hpp"
#include "content/validate.hpp"

namespace pb::inline compare {

class TopicSuggester {
 public:
  explicit TopicSuggester(const Site& site);

  // The topics of the most similar tagged statement (and of any others as similar), most common first;
  // empty when no tagged statement shares a word pair with the text.
  std::vector<std::string> suggest(std::string_view text, std::size_t max_topics = 3) const;

  bool empty() const { return tagged_.empty(); }

 private:
  struct Tagged {
    std::vector<std::uint64_t> shingles;
    std::vector<std::string> topics;
  };
  std::vector<Tagged> tagged_;
};

// For `check`: "similar tagged statements have the topics a, b", from the site being checked (the
// suggester is made on the first untagged statement, once).
UntaggedHint suggested_topics_hint();

}  // namespace pb::compare
