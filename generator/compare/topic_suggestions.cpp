#include "compare/topic_suggestions.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include "compare/text_compare.hpp"

namespace pb::inline compare {

namespace {

std::vector<std::uint64_t> shingle_set(std::string_view text) {
  auto set = shingles(text);
  std::sort(set.begin(), set.end());
  set.erase(std::unique(set.begin(), set.end()), set.end());
  return set;
}

}  // namespace

TopicSuggester::TopicSuggester(const Site& site) {
  for_each_site_statement(site, [&](const Statement& s) {
    if (!s.topics.empty()) tagged_.push_back({shingle_set(s.text.source), s.topics});
  });
}

std::vector<std::string> TopicSuggester::suggest(std::string_view text, std::size_t max_topics) const {
  const auto mine = shingle_set(text);
  if (mine.empty()) return {};
  // The three nearest tagged statements vote; the nearest one's topics win ties.
  std::vector<std::pair<double, std::size_t>> nearest;
  for (std::size_t k = 0; k < tagged_.size(); ++k)
    if (const double score = jaccard(mine, tagged_[k].shingles); score > 0) nearest.push_back({score, k});
  if (nearest.empty()) return {};
  const std::size_t keep = std::min<std::size_t>(3, nearest.size());
  std::partial_sort(nearest.begin(), nearest.begin() + keep, nearest.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
  std::map<std::string, double> votes;
  for (std::size_t k = 0; k < keep; ++k)
    for (const auto& topic : tagged_[nearest[k].second].topics) votes[topic] += nearest[k].first * (k == 0 ? 1.5 : 1.0);
  std::vector<std::pair<double, std::string>> ranked;
  for (const auto& [topic, score] : votes) ranked.push_back({score, topic});
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> topics;
  for (std::size_t k = 0; k < ranked.size() && k < max_topics; ++k) topics.push_back(ranked[k].second);
  return topics;
}

UntaggedHint suggested_topics_hint() {
  struct Shared {
    std::mutex mutex;
    std::optional<TopicSuggester> suggester;
  };
  auto shared = std::make_shared<Shared>();
  return [shared](const Site& site, const Statement& statement) -> std::string {
    std::lock_guard lock(shared->mutex);
    if (!shared->suggester) shared->suggester.emplace(site);
    const auto topics = shared->suggester->suggest(statement.text.source);
    if (topics.empty()) return {};
    std::string list;
    for (const auto& t : topics) list += (list.empty() ? "" : ", ") + t;
    return "the most similar tagged statements suggest topics: [" + list + "]";
  };
}

}  // namespace pb::compare
