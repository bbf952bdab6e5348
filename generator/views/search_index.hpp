#pragma once
// The client-side search index, in parts loaded with <script> tags (so it works from file://):
// search-index.js, the head (models, roles, synonyms, the list of shards), and search/shard-N.js, the
// documents of some models each. Shard 0 also holds what is across models (role, topic and glossary
// pages). A small site is one shard; a national one is many, and the browser loads only the shards a
// search needs, a few at a time, so no script is large and the first results come after a few.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "content/model.hpp"
#include "link/linked_site.hpp"

namespace pb::inline views {

// The size a shard is filled to (estimated before it is built): small enough for the browser to index
// it in a fraction of a second, large enough that a seed-sized site is one shard.
inline constexpr std::size_t search_shard_target_bytes = 256 * 1024;

// Which models each shard holds: indexes into site.models. Current editions come first (they are
// searched by default), archived ones after; a model is never split.
struct SearchShards {
  std::vector<std::vector<std::uint32_t>> models;
  std::vector<std::size_t> estimated_bytes;
};

SearchShards plan_search_shards(const Site& site, std::size_t target_bytes = search_shard_target_bytes);

// window.PRACTICEBOOK_SEARCH = {version, models, roles, synonyms, shards}; the format is described in
// themes/default/assets/search-core.js, which builds a lunr index of each shard in the browser.
std::string build_search_head(const LinkedSite& linked, const SearchShards& shards);

// PRACTICEBOOK_SEARCH_SHARDS[n] = {pages, places, docs}: the documents of shard n.
std::string build_search_shard(const LinkedSite& linked, const SearchShards& shards, std::size_t n);

}  // namespace pb::views
