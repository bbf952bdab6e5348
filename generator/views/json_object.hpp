#pragma once
// JSON objects built key by key, for the files written as JSON (model.json, the search index).
// nlohmann's brace lists ({{"key", value}, …}) make a two-element array for every pair, then copy the
// key out of it and destroy it. json_object("key", value, …) puts each value straight into its place.
// Page data for templates is built with views/page_data.hpp instead.
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

// json_object("id", s.id, "text", text, …): keys are literals, values anything nlohmann::json takes.
// json_object<nlohmann::ordered_json>(…) keeps the keys in the order given.
template <typename Json = nlohmann::json, typename... Pairs>
Json json_object(Pairs&&... pairs) {
  static_assert(sizeof...(Pairs) % 2 == 0, "json_object() takes keys and values in pairs");
  Json j(Json::value_t::object);
  detail::put(j.template get_ref<typename Json::object_t&>(), std::forward<Pairs>(pairs)...);
  return j;
}

}  // namespace pb::views
