#include "views/page_data.hpp"

#include <nlohmann/json.hpp>

namespace pb::inline views {

namespace data_detail {
namespace {
// An explicit instantiation may name a private member: this one names kainjow's object map. It must
// be in one translation unit only.
template <auto Member, typename Tag>
struct PrivateMember {
  friend constexpr auto member_of(Tag) { return Member; }
};
struct ObjectTag {
  friend constexpr auto member_of(ObjectTag);
};
template struct PrivateMember<&Data::obj_, ObjectTag>;
}  // namespace

kainjow::mustache::object& members(Data& d) { return *(d.*member_of(ObjectTag{})); }
}  // namespace data_detail

nlohmann::json to_json(const Data& d) {
  if (d.is_object()) {
    nlohmann::json out(nlohmann::json::value_t::object);
    for (const auto& [key, member] : data_detail::members(const_cast<Data&>(d))) out[key] = to_json(member);
    return out;
  }
  if (d.is_list()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : items(d)) out.push_back(to_json(item));
    return out;
  }
  if (d.is_string()) return d.string_value();
  return d.is_true();
}

}  // namespace pb::views
