#pragma once
// Page data, built in the template engine's own form (kainjow::mustache::data) and handed to the
// renderer as it is. Building it first as JSON and converting it took a fifth of a national site's
// rendering: every value allocated twice, every object a tree of map nodes taken apart again.
//
// Views add values with object(), push() and set(), which say how templates read them: text is
// printed, empty text is false (as in most Mustache implementations: {{#label}}…{{/label}} skips
// it), numbers are printed as decimal text, and a bool is a flag. kainjow's own constructors would
// make a number a flag (through bool) and copy a list deeply, so views use these helpers, not them.
#include <algorithm>
#include <concepts>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <kainjow/mustache.hpp>
#include <nlohmann/json_fwd.hpp>  // to_json; json.hpp is a few seconds of every compile that includes it

namespace pb::inline views {

using Data = kainjow::mustache::data;

namespace data_detail {
// kainjow gives no mutable access to an object's map: its operator[] first makes a default value
// (itself a new empty object) for every key. members() reaches the map (page_data.cpp says how), to
// size it once and build values in place. A list's items and a text's characters are ordinary
// objects behind a const accessor; they are filled in place.
kainjow::mustache::object& members(Data& d);

// What a value is in the data, made in place where it is stored (a map node or a list slot), so no
// value is built and then moved.
template <typename T>
concept Textual = std::convertible_to<T, std::string_view> && !std::same_as<std::remove_cvref_t<T>, Data>;

inline std::string_view text_view(std::string_view s) { return s; }

// Makes the value at `make(args…)`: `make` constructs a Data from its arguments where it belongs.
template <typename Make, typename Value>
Data& make_value(Make&& make, Value&& v) {
  using V = std::remove_cvref_t<Value>;
  if constexpr (std::same_as<V, Data>) {
    return make(std::forward<Value>(v));
  } else if constexpr (std::same_as<V, bool>) {
    return make(v);
  } else if constexpr (std::integral<V>) {
    std::string digits = std::to_string(v);
    Data& d = make(Data::type::string);
    const_cast<std::string&>(d.string_value()) = std::move(digits);
    return d;
  } else if constexpr (std::same_as<V, std::vector<std::string>>) {
    Data& d = make(Data::type::list);
    auto& list = const_cast<kainjow::mustache::list&>(d.list_value());
    list.reserve(v.size());
    for (const auto& t : v) make_value([&](auto&&... a) -> Data& { return list.emplace_back(std::forward<decltype(a)>(a)...); }, t);
    return d;
  } else {
    static_assert(Textual<Value>, "page data holds texts, flags, numbers, lists of texts and Data");
    if (text_view(v).empty()) return make(false);  // empty text is false, as most Mustache implementations read it
    Data& d = make(Data::type::string);
    if constexpr (std::same_as<V, std::string> && !std::is_lvalue_reference_v<Value>)
      const_cast<std::string&>(d.string_value()) = std::move(v);
    else
      const_cast<std::string&>(d.string_value()).assign(text_view(v));
    return d;
  }
}
}  // namespace data_detail

// An empty list (with room for `expected` items), and a list's items, to fill or change in place.
inline Data list(std::size_t expected = 0) {
  Data d(Data::type::list);
  if (expected) const_cast<kainjow::mustache::list&>(d.list_value()).reserve(expected);
  return d;
}
inline kainjow::mustache::list& items(Data& list) { return const_cast<kainjow::mustache::list&>(list.list_value()); }
inline const kainjow::mustache::list& items(const Data& list) { return list.list_value(); }

template <typename Value>
void push(Data& list, Value&& v) {
  auto& all = items(list);
  if (all.size() == all.capacity()) {
    // kainjow's move constructor is not noexcept, so a growing vector would copy every item (and
    // everything in it) to its new place: the items are moved by hand into a larger one instead.
    kainjow::mustache::list larger;
    larger.reserve(std::max<std::size_t>(8, 2 * all.capacity()));
    for (auto& item : all) larger.emplace_back(std::move(item));  // within capacity: no reallocation
    all.swap(larger);
  }
  data_detail::make_value([&](auto&&... a) -> Data& { return all.emplace_back(std::forward<decltype(a)>(a)...); },
                          std::forward<Value>(v));
}

// An empty object with room for `expected` members (a page's data has some forty).
inline Data object_with_room(std::size_t expected) {
  Data d(Data::type::object);
  data_detail::members(d).reserve(expected);
  return d;
}

// Sets an object's member, replacing the value it had.
template <typename Value>
void set(Data& object, std::string key, Value&& v) {
  auto& members = data_detail::members(object);
  members.erase(key);
  data_detail::make_value(
      [&](auto&&... a) -> Data& {
        return members.emplace(std::piecewise_construct, std::forward_as_tuple(std::move(key)),
                               std::forward_as_tuple(std::forward<decltype(a)>(a)...)).first->second;
      },
      std::forward<Value>(v));
}

// A member, or nullptr when the object has none (or the value is not an object).
inline const Data* get(const Data& object, const std::string& key) { return object.get(key); }
// Reading back what a view set, for navigation built from the page's own data: a member's text
// ("" when it is false, `missing` when there is no such member), whether it is a true flag, and
// whether it is there to show (neither false nor an empty list).
inline std::string text_of(const Data& object, const std::string& key, std::string_view missing = "") {
  const Data* member = object.get(key);
  if (!member) return std::string(missing);
  return member->is_string() ? member->string_value() : std::string();
}
inline bool flag(const Data& object, const std::string& key) {
  const Data* member = object.get(key);
  return member && member->is_true();
}
inline bool present(const Data& object, const std::string& key) {
  const Data* member = object.get(key);
  return member && !member->is_false() && !member->is_empty_list();
}
// The items of an object's member, none when it is not a list.
inline const kainjow::mustache::list& items_at(const Data& object, const std::string& key) {
  static const kainjow::mustache::list none;
  const Data* member = object.get(key);
  return member && member->is_list() ? member->list_value() : none;
}
// Whether an object's member is the text `expected` (data that groups what it lists reads it back).
inline bool text_is(const Data& object, const std::string& key, std::string_view expected) {
  const Data* member = object.get(key);
  return member && member->is_string() ? member->string_value() == expected : expected.empty();
}

namespace data_detail {
inline void put(kainjow::mustache::object&) {}

template <typename Value, typename... Rest>
void put(kainjow::mustache::object& members, const char* key, Value&& v, Rest&&... rest) {
  make_value(
      [&](auto&&... a) -> Data& {
        auto [at, added] = members.emplace(std::piecewise_construct, std::forward_as_tuple(key),
                                           std::forward_as_tuple(std::forward<decltype(a)>(a)...));
        if (added) return at->second;
        static thread_local Data ignored;  // the first of two equal keys wins: a later one goes nowhere
        return ignored = Data(std::forward<decltype(a)>(a)...);
      },
      std::forward<Value>(v));
  put(members, std::forward<Rest>(rest)...);
}
}  // namespace data_detail

// object("id", s.id, "html", html, …): keys are literals; values are texts, flags, numbers, lists of
// texts or Data.
template <typename... Pairs>
Data object(Pairs&&... pairs) {
  static_assert(sizeof...(Pairs) % 2 == 0, "object() takes keys and values in pairs");
  Data d(Data::type::object);
  auto& members = data_detail::members(d);
  members.reserve(sizeof...(Pairs) / 2);
  data_detail::put(members, std::forward<Pairs>(pairs)...);
  return d;
}

// The data as JSON (objects, lists, texts and flags), for tests and checks that read page data.
nlohmann::json to_json(const Data& d);

}  // namespace pb::views
