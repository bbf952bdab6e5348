// compare/shared-language/ and compare/shared-language.json: sentences said in several model
// families, as clusters (a sentence shared by 150 models is one row), grouped by the models that
// share them ("Maine ↔ Virginia · 15").
#include <fmt/format.h>

#include "compare/text_compare.hpp"
#include "link/urls.hpp"
#include "views/diff_html.hpp"
#include "views/plan.hpp"

namespace pb::inline views {

namespace {

using json = nlohmann::json;

constexpr std::size_t links_shown = 8;   // per text; the rest fold under "and N more"
constexpr std::size_t names_in_title = 4;

std::string plural(std::size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// What a model is called on this page: its jurisdiction, unless another current model shares it.
std::map<std::uint32_t, std::string> model_labels(const LinkedSite& linked) {
  std::map<std::string, int> per_jurisdiction;
  for (const Model& m : linked.site().models)
    if (m.superseded_by.empty()) ++per_jurisdiction[m.jurisdiction];
  std::map<std::uint32_t, std::string> labels;
  for (std::uint32_t i = 0; i < linked.site().models.size(); ++i) {
    const Model& m = linked.site().models[i];
    labels[i] = per_jurisdiction[m.jurisdiction] > 1 ? fmt::format("{} ({})", m.jurisdiction, m.title) : m.jurisdiction;
  }
  return labels;
}

std::string join_names(const std::vector<std::string>& names) {
  if (names.size() == 2) return names[0] + " \u2194 " + names[1];
  std::string out;
  const std::size_t shown = std::min(names.size(), names_in_title);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i) out += (i + 1 == shown && shown == names.size()) ? " and " : ", ";
    out += names[i];
  }
  if (shown < names.size()) out += fmt::format(" and {} more", names.size() - shown);
  return out;
}

// The texts of a cluster, each with the statements that say it in those words; the most said first.
struct Wording {
  std::string_view text;
  std::vector<const ClusterMember*> members;
  std::set<std::uint32_t> models;
};

std::vector<Wording> wordings(const LinkedSite& linked, const Cluster& cluster) {
  std::vector<Wording> out;
  for (const auto& member : cluster.members) {
    const std::string_view text = shared_sentence(linked, member);
    auto same = std::find_if(out.begin(), out.end(), [&](const Wording& w) { return same_wording(w.text, text); });
    if (same == out.end()) same = out.insert(out.end(), Wording{text, {}, {}});
    same->members.push_back(&member);
    same->models.insert(linked.graph().statements()[member.text].model);
  }
  std::stable_sort(out.begin(), out.end(), [](const Wording& a, const Wording& b) { return a.members.size() > b.members.size(); });
  return out;
}

class SharedLanguagePage {
 public:
  explicit SharedLanguagePage(const LinkedSite& linked)
      : linked_(linked), page_(linked, urls::shared_language()), labels_(model_labels(linked)) {}

  Page build() {
    const auto& clusters = linked_.graph().shared_language();
    json d = page_.layout("Shared language across states",
                          "Sentences that practice models of different states or agencies share, in the same words or the same idea");
    page_.breadcrumbs(d, {{"Home", urls::home()}, {"Compare", urls::compare()}, {"Shared language", page_.path()}});
    // Clusters grouped by the models that share them, the groups of most models first.
    std::map<std::vector<std::uint32_t>, std::vector<std::size_t>> groups;
    std::size_t same_words = 0;
    for (std::size_t c = 0; c < clusters.size(); ++c) {
      groups[models_of(clusters[c])].push_back(c);
      if (clusters[c].kind == ClusterKind::same_words) ++same_words;
    }
    std::vector<const std::pair<const std::vector<std::uint32_t>, std::vector<std::size_t>>*> order;
    for (const auto& g : groups) order.push_back(&g);
    std::stable_sort(order.begin(), order.end(), [](auto* a, auto* b) {
      if (a->first.size() != b->first.size()) return a->first.size() > b->first.size();
      return a->second.size() > b->second.size();
    });
    json list = json::array();
    for (std::size_t g = 0; g < order.size(); ++g) list.push_back(group(g, order[g]->first, order[g]->second));
    d["groups"] = std::move(list);
    d["has_groups"] = !order.empty();
    d["summary"] = fmt::format("{}: {} in the same words and {} in other words (the same idea).",
                               plural(clusters.size(), "sentence is said in more than one model",
                                      "sentences are said in more than one model"),
                               same_words, clusters.size() - same_words);
    d["json_href"] = page_.href(urls::shared_language_json());
    return page_.finish("shared-language.html", std::move(d));
  }

 private:
  std::vector<std::uint32_t> models_of(const Cluster& cluster) const {
    std::set<std::uint32_t> models;
    for (const auto& m : cluster.members) models.insert(linked_.graph().statements()[m.text].model);
    return {models.begin(), models.end()};
  }

  json group(std::size_t number, const std::vector<std::uint32_t>& models, const std::vector<std::size_t>& clusters) {
    std::vector<std::string> names;
    for (std::uint32_t m : models) names.push_back(labels_.at(m));
    std::string anchor = models.size() <= names_in_title ? "between" : fmt::format("group-{}", number + 1);
    if (models.size() <= names_in_title)
      for (std::uint32_t m : models) anchor += "--" + linked_.site().models[m].id;
    json items = json::array();
    for (std::size_t c : clusters) items.push_back(cluster(linked_.graph().shared_language()[c]));
    return json{{"title", join_names(names)},
                {"anchor", anchor},
                {"count", std::to_string(clusters.size())},
                {"count_label", plural(clusters.size(), "sentence", "sentences")},
                {"clusters", std::move(items)}};
  }

  std::string label_of(const Wording& w) const {
    if (w.models.size() == 1) return labels_.at(*w.models.begin());
    return fmt::format("these {} models", w.models.size());
  }

  json cluster(const Cluster& c) {
    const auto texts = wordings(linked_, c);
    const bool same_words = c.kind == ClusterKind::same_words;
    json sides = json::array();
    for (std::size_t i = 0; i < texts.size(); ++i) {
      std::string html;
      if (!same_words || texts.size() == 1) {
        html = words_html(texts[i].text);
      } else if (texts.size() == 2) {  // side by side: each side marks its own words
        const auto spans = word_diff(texts[0].text, texts[1].text);
        html = side_to_html(spans, i == 0 ? DiffOp::deleted : DiffOp::inserted, label_of(texts[i]));
      } else {  // each variant marks what it has that the most said wording has not
        html = i == 0 ? words_html(texts[0].text)
                      : side_to_html(word_diff(texts[0].text, texts[i].text), DiffOp::inserted, label_of(texts[i]));
      }
      json links = json::array(), more = json::array();
      for (const ClusterMember* m : texts[i].members) {
        const StatementRef& ref = linked_.graph().statements()[m->text];
        json link{{"href", page_.href(ref.url)}, {"label", labels_.at(ref.model) + ", " + page_.place_of(ref)}};
        (links.size() < links_shown ? links : more).push_back(std::move(link));
      }
      sides.push_back({{"html", html},
                       {"links", std::move(links)},
                       {"more", more},
                       {"more_label", more.empty() ? "" : fmt::format("and {} more", more.size())}});
    }
    std::set<std::uint32_t> models;
    for (const auto& m : c.members) models.insert(linked_.graph().statements()[m.text].model);
    return json{{"anchor", page_.cluster_anchor(c)},
                {"kind", same_words ? "same-words" : "same-idea"},
                {"kind_label", same_words ? "Same words" : "Same idea"},
                {"models_label", "said in " + plural(models.size(), "model", "models")},
                {"side_by_side", sides.size() == 2},
                {"sides", std::move(sides)}};
  }

  const LinkedSite& linked_;
  PageBuilder page_;
  std::map<std::uint32_t, std::string> labels_;
};

Page shared_language_json(const LinkedSite& linked) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  std::string base = site.config.base_url;
  if (!base.empty() && base.back() != '/') base += '/';
  auto clusters = nlohmann::ordered_json::array();
  for (const auto& cluster : graph.shared_language()) {
    auto statements = nlohmann::ordered_json::array();
    for (const auto& member : cluster.members) {
      const StatementRef& r = graph.statements()[member.text];
      statements.push_back(nlohmann::ordered_json{{"model", linked.model(r).id},
                                                  {"id", linked.statement(r).id},
                                                  {"section", linked.section(r) ? linked.section(r)->id : ""},
                                                  {"text", std::string(shared_sentence(linked, member))},
                                                  {"url", base + r.url}});
    }
    clusters.push_back(nlohmann::ordered_json{
        {"kind", cluster.kind == ClusterKind::same_words ? "same-words" : "same-idea"}, {"statements", std::move(statements)}});
  }
  Page p;
  p.path = urls::shared_language_json();
  p.raw = nlohmann::ordered_json{{"clusters", std::move(clusters)}}.dump(1) + "\n";
  return p;
}

}  // namespace

std::vector<PageTask> plan_shared_language(const LinkedSite& linked) {
  std::vector<PageTask> tasks;
  tasks.push_back({urls::shared_language(), true, [&] { return SharedLanguagePage(linked).build(); }});
  tasks.push_back({urls::shared_language_json(), false, [&] { return shared_language_json(linked); }});
  return tasks;
}

}  // namespace pb::views
