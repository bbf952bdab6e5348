#pragma once
// Page data objects built key by key. nlohmann's brace lists ({{"key", value}, …}) make a
// two-element array for every pair, then copy the key out of it and destroy it: on a national site
// that was a tenth of the build. object("key", value, …) puts each value straight into its place.
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

namespace pb::inline views {

namespace detail {
template <typename Members>
void put(Members&) {}

template <typename Members, typename Value, typename... Rest>
void put(Members& members, const char* key, Value&& value, Rest&&... rest) {
  members.emplace(key, std::forward<Value>(value));  // the first of two equal keys wins, as in a brace list
  put(members, std::forward<Rest>(rest)...);
}
}  // namespace detail

// object("id", s.id, "html", html, …): keys are literals, values anything nlohmann::json takes.
// object<nlohmann::ordered_json>(…) keeps the keys in the order given.
template <typename Json = nlohmann::json, typename... Pairs>
Json object(Pairs&&... pairs) {
  static_assert(sizeof...(Pairs) % 2 == 0, "object() takes keys and values in pairs");
  Json j(Json::value_t::object);
  detail::put(j.template get_ref<typename Json::object_t&>(), std::forward<Pairs>(pairs)...);
  return j;
}

}  // namespace pb::views
