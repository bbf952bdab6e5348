#pragma once
// Numbers distinct keys 0, 1, 2, … in the order they are first seen. A national site has millions of
// words, word pairs and sentences to number: std::unordered_map allocates a node for each and hashes
// strings again on every rehash, while this keeps only each key's 64-bit hash and number in two flat
// arrays (open addressing, linear probing) and asks the caller whether a stored number is the key.
#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace pb::inline compare {

class IdTable {
 public:
  // The number of the key with this hash for which `is_key(number)` holds, and false; or, if no
  // stored key is it, the next number (now the key's) and true.
  template <typename IsKey>
  std::pair<std::uint32_t, bool> find_or_add(std::uint64_t hash, IsKey&& is_key) {
    if (2 * (size_ + 1) > ids_.size()) grow(std::max<std::size_t>(64, 2 * ids_.size()));
    const std::size_t mask = ids_.size() - 1;
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
      if (ids_[slot] == empty) {
        hashes_[slot] = hash;
        ids_[slot] = size_;
        return {size_++, true};
      }
      if (hashes_[slot] == hash && is_key(ids_[slot])) return {ids_[slot], false};
    }
  }

  std::uint32_t size() const { return size_; }

  // Room for `keys` keys without growing: the table is made at that size once.
  void reserve(std::size_t keys) {
    std::size_t slots = std::max<std::size_t>(64, ids_.size());
    while (2 * keys > slots) slots *= 2;
    if (slots > ids_.size()) grow(slots);
  }

 private:
  static constexpr std::uint32_t empty = UINT32_MAX;

  // Moves every key to a table of `slots` (a power of two, larger than now).
  void grow(std::size_t slots) {
    std::vector<std::uint64_t> hashes(slots);
    std::vector<std::uint32_t> ids(hashes.size(), empty);
    const std::size_t mask = ids.size() - 1;
    for (std::size_t old = 0; old < ids_.size(); ++old) {
      if (ids_[old] == empty) continue;
      std::size_t slot = hashes_[old] & mask;
      while (ids[slot] != empty) slot = (slot + 1) & mask;
      hashes[slot] = hashes_[old];
      ids[slot] = ids_[old];
    }
    hashes_ = std::move(hashes);
    ids_ = std::move(ids);
  }

  std::vector<std::uint64_t> hashes_;
  std::vector<std::uint32_t> ids_;
  std::uint32_t size_ = 0;
};

// A bijective mix of 64 bits (the finaliser of SplitMix64): for keys that are themselves numbers,
// two keys have the same hash only if they are the same, so `is_key` may answer true.
constexpr std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

}  // namespace pb::compare
