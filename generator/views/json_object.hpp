#pragma once
// Page data objects built key by key. nlohmann's brace lists ({{"key", value}, …}) make a
// two-element array for every pair, then copy the key out of it and destroy it: on a national site
// that was a tenth of the build. object("key", value, …) puts each value straight into its place.
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

namespace pb::inline views {

namespace detail {
inline void put(nlohmann::json::object_t&) {}

template <typename Value, typename... Rest>
void put(nlohmann::json::object_t& members, const char* key, Value&& value, Rest&&... rest) {
  members.emplace(key, std::forward<Value>(value));  // the first of two equal keys wins, as in a brace list
  put(members, std::forward<Rest>(rest)...);
}
}  // namespace detail

// object("id", s.id, "html", html, …): keys are literals, values anything nlohmann::json takes.
template <typename... Pairs>
nlohmann::json object(Pairs&&... pairs) {
  static_assert(sizeof...(Pairs) % 2 == 0, "object() takes keys and values in pairs");
  nlohmann::json j(nlohmann::json::value_t::object);
  detail::put(j.get_ref<nlohmann::json::object_t&>(), std::forward<Pairs>(pairs)...);
  return j;
}

}  // namespace pb::views
