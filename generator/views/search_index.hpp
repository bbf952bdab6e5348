#pragma once
// The client-side search index, in parts loaded with <script> tags (so it works from file://):
// search-index.js, the head (models, roles, synonyms, the list of shards), and search/shard-N.js, the
// documents of some models each (or of part of one very large model). The first shards hold what is
// across models (role, topic and glossary pages): one, unless the glossary is a national one. A small
// site is one shard; a national one is many, and the browser loads only the shards a search needs, a
// few at a time, so no script is large and the first results come after a few.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "content/model.hpp"
#include "views/by_state.hpp"
#include "link/linked_site.hpp"

namespace pb::inline views {

// The size a shard is filled to (estimated before it is built): small enough for the browser to index
// it in a fraction of a second, large enough that a seed-sized site is one shard.
inline constexpr std::size_t search_shard_target_bytes = 256 * 1024;

// A model's search documents in units, numbered in the order a shard writes them: its overview (and
// what is on it besides statements), each section page, each statement (in site order) and its role
// pages. A shard holds runs of them: all of a model's while it fits.
struct SearchUnits {
  std::uint32_t overview = 0;
  std::uint32_t first_section = 0;    // section s is first_section + s
  std::uint32_t first_statement = 0;  // the model's k-th statement in site order is first_statement + k
  std::uint32_t roles = 0;
  std::uint32_t count = 0;
};
SearchUnits search_units(const LinkedSite& linked, std::uint32_t model);

// Units [begin, end) of site.models[model].
struct ModelPart {
  std::uint32_t model = 0;
  std::uint32_t begin = 0, end = 0;
};

// What each shard holds. Current editions come first (they are searched by default), archived ones
// after; a model is split only when it is larger than a shard.
struct SearchShards {
  std::vector<std::vector<ModelPart>> parts;
  std::vector<std::size_t> estimated_bytes;
  // The units across models (see across_unit_bytes) each of the first across.size() shards holds;
  // shard 0 always, an empty run when the site has none.
  std::vector<ResultRun> across;
};

// The glossary's terms (indexes into site().terms) most used first, then in glossary order: the order
// of their search documents, so that a national glossary's first shard, which every search reads
// before its first results, holds the terms staff meet most.
std::vector<std::uint32_t> terms_by_use(const LinkedSite& linked);

// The documents across models in units, in the order a shard writes them: each role (addressed by a
// model or not), topic, framework and glossary term (terms_by_use); each unit's estimated size.
std::vector<std::size_t> across_unit_bytes(const LinkedSite& linked);

SearchShards plan_search_shards(const LinkedSite& linked, std::size_t target_bytes = search_shard_target_bytes);

// window.PRACTICEBOOK_SEARCH = {version, models, roles, synonyms, shards}; the format is described in
// themes/default/assets/search-core.js, which builds a lunr index of each shard in the browser.
std::string build_search_head(const LinkedSite& linked, const SearchShards& shards);

// PRACTICEBOOK_SEARCH_SHARDS[n] = {pages, places, docs}: the documents of shard n.
std::string build_search_shard(const LinkedSite& linked, const SearchShards& shards, std::size_t n);

}  // namespace pb::views
