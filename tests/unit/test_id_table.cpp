// IdTable: numbers keys in the order they are first seen, through hashes that may collide.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "compare/id_table.hpp"

using namespace pb;

TEST_CASE("id table: first-seen numbering, the same number for the same key, across growth") {
  IdTable table;
  std::vector<std::string> keys;
  auto id_of = [&](const std::string& key, std::uint64_t hash) {
    const auto [id, added] = table.find_or_add(hash, [&](std::uint32_t x) { return keys[x] == key; });
    if (added) keys.push_back(key);
    return std::pair{id, added};
  };
  // 5,000 keys, far past the first capacity, hashed into only 16 values: every lookup meets collisions.
  for (int round = 0; round < 2; ++round)
    for (std::uint32_t k = 0; k < 5000; ++k) {
      const auto [id, added] = id_of("key " + std::to_string(k), k % 16);
      CHECK(id == k);
      CHECK(added == (round == 0));
    }
  CHECK(table.size() == 5000);
}

TEST_CASE("id table: with a one-to-one hash, the hash alone tells keys apart") {
  IdTable table;
  table.reserve(3);
  CHECK(table.find_or_add(mix64(7), [](std::uint32_t) { return true; }) == std::pair<std::uint32_t, bool>{0, true});
  CHECK(table.find_or_add(mix64(9), [](std::uint32_t) { return true; }) == std::pair<std::uint32_t, bool>{1, true});
  CHECK(table.find_or_add(mix64(7), [](std::uint32_t) { return true; }) == std::pair<std::uint32_t, bool>{0, false});
  CHECK(mix64(7) != mix64(9));
}
