// compare/shared-language/ and compare/shared-language.json: sentences said in several model
// families, as clusters (a sentence shared by 150 models is one row), grouped by the models that
// share them ("Maine ↔ Virginia · 15").
#include <fmt/format.h>

#include <numeric>
#include <string>
#include <unordered_map>

#include "compare/text_compare.hpp"
#include "link/urls.hpp"
#include "views/diff_html.hpp"
#include "views/json_text.hpp"
#include "views/plan.hpp"
#include "views/state_split.hpp"

namespace pb::inline views {

namespace {

constexpr std::size_t links_shown = 8;   // per text; the rest fold under "and N more"
constexpr std::size_t names_in_title = 4;
// Estimated bytes of markup: for each wording of a cluster (its side, the words "only in" it marks)
// beside its sentence counted twice (as said, and as a side of a diff), and for each statement that
// says it (its link). Measured: 2 × 150 and 140 (500 models saying 270 sentences alike: 68 KB a sentence).
constexpr std::size_t wording_overhead = 310;
constexpr std::size_t member_overhead = 140;

std::string plural(std::size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// What a model is called on this page: its jurisdiction, unless another current model shares it;
// then with its title, or its id where the title is shared too (counties that copied a model).
std::map<std::uint32_t, std::string> model_labels(const LinkedSite& linked) {
  std::map<std::string, int> per_jurisdiction;
  std::map<std::pair<std::string, std::string>, int> per_title;
  for (const Model& m : linked.site().models)
    if (m.superseded_by.empty()) ++per_jurisdiction[m.jurisdiction], ++per_title[{m.jurisdiction, m.title}];
  std::map<std::uint32_t, std::string> labels;
  for (std::uint32_t i = 0; i < linked.site().models.size(); ++i) {
    const Model& m = linked.site().models[i];
    if (per_jurisdiction[m.jurisdiction] <= 1) labels[i] = m.jurisdiction;
    else if (per_title[{m.jurisdiction, m.title}] <= 1) labels[i] = fmt::format("{} ({})", m.jurisdiction, m.title);
    else labels[i] = fmt::format("{} ({}, {})", m.jurisdiction, m.title, m.id);
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
  std::unordered_map<std::string, std::size_t> by_key;  // wording_key -> its wording in `out`
  for (const auto& member : cluster.members) {
    const std::string_view text = shared_sentence(linked, member);
    // Most members of a large cluster say the first wording's very text: no need to fold it.
    std::size_t at = !out.empty() && out.front().text == text ? 0 : out.size();
    if (at == out.size()) {
      const auto [found, added] = by_key.try_emplace(wording_key(text), out.size());
      at = found->second;
      if (added) out.push_back(Wording{text, {}, {}});
    }
    out[at].members.push_back(&member);
    out[at].models.insert(linked.graph().statements()[member.text].model);
  }
  std::stable_sort(out.begin(), out.end(), [](const Wording& a, const Wording& b) { return a.members.size() > b.members.size(); });
  return out;
}

// The clusters grouped by the models that share them, the groups of most models first; past the
// size budget, packed into numbered pages of results. A group stays on one page unless it alone is
// over the budget: then it is cut into parts, each on a page (500 models that say the same 270
// sentences are one group of 135,000 links, 18 MB).
struct Layout {
  struct Group {
    std::vector<std::uint32_t> models;
    std::vector<std::size_t> clusters;  // indexes into LinkGraph::shared_language()
  };
  // Clusters [begin, end) of a group's list, shown together: the whole group, or its part `part`
  // of `parts`.
  struct Chunk {
    std::size_t group = 0, begin = 0, end = 0, part = 1, parts = 1;
  };
  std::vector<Group> groups;
  std::vector<Chunk> chunks;     // every group's, in the groups' order
  std::vector<ResultRun> pages;  // runs of chunks; none: one page has every group
  std::size_t same_words = 0;
  std::size_t json_files = 1;  // shared-language.json's parts
  std::size_t index_budget = 0;  // past it, the summary's index has an entry per page, not per group
};

Layout layout_groups(const LinkedSite& linked, std::size_t budget) {
  const auto& clusters = linked.graph().shared_language();
  Layout layout;
  std::map<std::vector<std::uint32_t>, std::vector<std::size_t>> groups;
  for (std::size_t c = 0; c < clusters.size(); ++c) {
    groups[linked.graph().models_of_cluster(c)].push_back(c);
    if (clusters[c].kind == ClusterKind::same_words) ++layout.same_words;
  }
  for (auto& [models, members] : groups) layout.groups.push_back({models, std::move(members)});
  std::stable_sort(layout.groups.begin(), layout.groups.end(), [](const Layout::Group& a, const Layout::Group& b) {
    if (a.models.size() != b.models.size()) return a.models.size() > b.models.size();
    return a.clusters.size() > b.clusters.size();
  });
  // A cluster's weight: each of its wordings, and a link per statement that says it.
  auto weight_of = [&](const Cluster& cluster) {
    std::size_t w = 0;
    for (const auto& wording : wordings(linked, cluster)) w += 2 * wording.text.size() + wording_overhead;
    return w + cluster.members.size() * member_overhead;
  };
  std::vector<std::size_t> chunk_weights;
  std::vector<std::vector<std::size_t>> cluster_weights(layout.groups.size());
  for (std::size_t g = 0; g < layout.groups.size(); ++g) {
    for (std::size_t c : layout.groups[g].clusters) cluster_weights[g].push_back(weight_of(clusters[c]));
    layout.chunks.push_back({g, 0, layout.groups[g].clusters.size()});
    chunk_weights.push_back(total_weight(cluster_weights[g]));
  }
  if (total_weight(chunk_weights) <= budget) return layout;
  layout.chunks.clear(), chunk_weights.clear();
  for (std::size_t g = 0; g < layout.groups.size(); ++g) {
    const auto runs = pack_runs(cluster_weights[g], budget);
    for (std::size_t k = 0; k < runs.size(); ++k) {
      layout.chunks.push_back({g, runs[k].begin, runs[k].end, k + 1, runs.size()});
      chunk_weights.push_back(std::accumulate(cluster_weights[g].begin() + std::ptrdiff_t(runs[k].begin),
                                              cluster_weights[g].begin() + std::ptrdiff_t(runs[k].end), std::size_t{0}));
    }
  }
  layout.pages = pack_runs(chunk_weights, budget);
  return layout;
}

class SharedLanguagePage {
 public:
  // Page `number` of the layout's pages of results (1, 2, …), or 0: the whole page, or the summary.
  SharedLanguagePage(const LinkedSite& linked, const Layout& layout, std::size_t number)
      : linked_(linked), layout_(layout), number_(number),
        page_(linked, number ? urls::results_page(urls::shared_language(), number) : urls::shared_language()),
        labels_(model_labels(linked)) {}

  Page build() {
    const auto& clusters = linked_.graph().shared_language();
    std::string title = "Shared language across states";
    if (number_) title += fmt::format(", page {} of {}", number_, layout_.pages.size());
    Data d = page_.layout(title, "Sentences that practice models of different states or agencies share, in the same words or the same idea");
    std::vector<std::pair<std::string, std::string>> trail{
        {"Home", urls::home()}, {"Compare", urls::compare()}, {"Shared language", urls::shared_language()}};
    if (number_) trail.push_back({fmt::format("Page {}", number_), page_.path()});
    page_.breadcrumbs(d, trail);
    ResultRun shown{0, layout_.chunks.size()};
    if (number_) shown = layout_.pages[number_ - 1];
    const bool summary = !number_ && !layout_.pages.empty();
    Data groups = list();
    if (!summary)
      for (std::size_t k = shown.begin; k < shown.end; ++k) push(groups, group(layout_.chunks[k]));
    set(d, "groups", std::move(groups));
    set(d, "has_groups", !layout_.groups.empty());
    set(d, "summary", fmt::format("{}: {} in the same words and {} in other words (the same idea).",
                               plural(clusters.size(), "sentence is said in more than one model",
                                      "sentences are said in more than one model"),
                               layout_.same_words, clusters.size() - layout_.same_words));
    set(d, "json_href", page_.href(urls::shared_language_json()));
    set(d, "json_files", layout_.json_files > 1 ? std::to_string(layout_.json_files) : "");
    set(d, "pager", false);
    if (number_) {
      std::vector<std::string> paths;
      for (std::size_t n = 1; n <= layout_.pages.size(); ++n) paths.push_back(urls::results_page(urls::shared_language(), n));
      set(d, "pager", pager(page_, paths, number_ - 1));
    }
    if (summary) {
      const bool groups_listed = lists_groups();
      set(d, "pages", pages_summary(!groups_listed));
      set(d, "index", groups_listed ? group_index() : list());
      set(d, "has_index", groups_listed);
      set(d, "group_count", plural(layout_.groups.size(), "group", "groups"));
      set(d, "page_count", std::to_string(layout_.pages.size()));
      return page_.finish("shared-language-summary.html", std::move(d));
    }
    return page_.finish("shared-language.html", std::move(d));
  }

 private:
  std::string title_of(const std::vector<std::uint32_t>& models) const {
    std::vector<std::string> names;
    for (std::uint32_t m : models) names.push_back(labels_.at(m));
    return join_names(names);
  }

  std::string anchor_of(std::size_t number, const std::vector<std::uint32_t>& models) const {
    std::string anchor = models.size() <= names_in_title ? "between" : fmt::format("group-{}", number + 1);
    if (models.size() <= names_in_title)
      for (std::uint32_t m : models) anchor += "--" + linked_.site().models[m].id;
    return anchor;
  }

  // The summary's table of the pages of results: the groups and sentences on each, and with
  // `anchors` the anchors of every sentence on the page (when the summary lists no groups).
  Data pages_summary(bool anchors) const {
    Data rows = list();
    for (std::size_t n = 0; n < layout_.pages.size(); ++n) {
      const ResultRun& run = layout_.pages[n];
      std::size_t sentences = 0;
      Data on_page = list();
      for (std::size_t k = run.begin; k < run.end; ++k) {
        sentences += layout_.chunks[k].end - layout_.chunks[k].begin;
        if (anchors) push_anchors(on_page, layout_.chunks[k]);
      }
      push(rows, object("label", fmt::format("Page {}", n + 1),
                            "href", page_.href(urls::results_page(urls::shared_language(), n + 1)),
                            "first", chunk_title(layout_.chunks[run.begin]),
                            "last", chunk_title(layout_.chunks[run.end - 1]),
                            "groups", std::to_string(run.end - run.begin),
                            "sentences", std::to_string(sentences),
                            "anchors", std::move(on_page)));
    }
    return rows;
  }

  // A group's name in the summary: its models, and which part of it when it is cut into parts.
  std::string chunk_title(const Layout::Chunk& chunk) const {
    std::string title = title_of(layout_.groups[chunk.group].models);
    if (chunk.parts > 1) title += fmt::format(" (part {} of {})", chunk.part, chunk.parts);
    return title;
  }

  // How many sentences a group has, and which of them a part shows.
  static std::string count_label(const Layout::Group& group, const Layout::Chunk& chunk) {
    std::string label = plural(group.clusters.size(), "sentence", "sentences");
    if (chunk.parts > 1) label += fmt::format(", {} to {} here", chunk.begin + 1, chunk.end);
    return label;
  }

  // The anchors of a group's (or part's) sentences, so a link to a sentence on the summary (from a
  // statement "also said in" many models) lands where its page is linked.
  void push_anchors(Data& anchors, const Layout::Chunk& chunk) const {
    const auto& group = layout_.groups[chunk.group];
    for (std::size_t c = chunk.begin; c < chunk.end; ++c)
      push(anchors, page_.cluster_anchor(linked_.graph().shared_language()[group.clusters[c]]));
  }

  // Whether the summary lists every group (or part of one), each carrying its sentences' anchors:
  // not past the index budget (thousands of groups, on a site of a thousand models), when the
  // table of pages carries the anchors instead.
  bool lists_groups() const {
    constexpr std::size_t entry_markup = 120, anchor_markup = 20;
    std::size_t weight = 0;
    for (const auto& chunk : layout_.chunks)
      weight += entry_markup + chunk_title(chunk).size() + (chunk.end - chunk.begin) * anchor_markup;
    return weight <= layout_.index_budget;
  }

  // Every group (or part of one), linking it on its page of results.
  Data group_index() const {
    Data entries = list();
    for (std::size_t n = 0; n < layout_.pages.size(); ++n)
      for (std::size_t k = layout_.pages[n].begin; k < layout_.pages[n].end; ++k) {
        const Layout::Chunk& chunk = layout_.chunks[k];
        const auto& group = layout_.groups[chunk.group];
        Data anchors = list();
        push_anchors(anchors, chunk);
        push(entries, object("title", chunk_title(chunk),
                               "href", page_.href(urls::results_page(urls::shared_language(), n + 1)) + "#" + anchor_of(chunk.group, group.models),
                               "count_label", count_label(group, chunk),
                               "anchors", std::move(anchors)));
      }
    return entries;
  }

  Data group(const Layout::Chunk& chunk) {
    const auto& group = layout_.groups[chunk.group];
    Data shown = list();
    for (std::size_t c = chunk.begin; c < chunk.end; ++c) push(shown, cluster(group.clusters[c]));
    return object("title", title_of(group.models),
                  "anchor", anchor_of(chunk.group, group.models),
                  "count", std::to_string(chunk.end - chunk.begin),
                  "count_label", count_label(group, chunk),
                  "clusters", std::move(shown));
  }

  std::string label_of(const Wording& w) const {
    if (w.models.size() == 1) return labels_.at(*w.models.begin());
    return fmt::format("these {} models", w.models.size());
  }

  Data cluster(std::size_t index) {
    const Cluster& c = linked_.graph().shared_language()[index];
    const auto texts = wordings(linked_, c);
    const bool same_words = c.kind == ClusterKind::same_words;
    Data sides = list();
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
      Data links = list(), more = list();
      for (const ClusterMember* m : texts[i].members) {
        const StatementRef& ref = linked_.graph().statements()[m->text];
        Data link = object("href", page_.href(ref.url), "label", labels_.at(ref.model) + ", " + page_.place_of(ref));
        push(items(links).size() < links_shown ? links : more, std::move(link));
      }
      std::string more_label = items(more).empty() ? "" : fmt::format("and {} more", items(more).size());
      push(sides, object("html", std::move(html),
                             "links", std::move(links),
                             "more", std::move(more),
                             "more_label", std::move(more_label)));
    }
    const auto& models = linked_.graph().models_of_cluster(index);
    return object("anchor", page_.cluster_anchor(c),
                  "kind", same_words ? "same-words" : "same-idea",
                  "kind_label", same_words ? "Same words" : "Same idea",
                  "models_label", "said in " + plural(models.size(), "model", "models"),
                  "side_by_side", items(sides).size() == 2,
                  "sides", std::move(sides));
  }

  const LinkedSite& linked_;
  const Layout& layout_;
  std::size_t number_;
  PageBuilder page_;
  std::map<std::uint32_t, std::string> labels_;
};

std::string json_base(const Site& site) {
  std::string base = site.config.base_url;
  if (!base.empty() && base.back() != '/') base += '/';
  return base;
}

// The most bytes a cluster takes in shared-language.json: the frames around it and its statements,
// and each of their texts at the most its escapes can make of it.
std::size_t json_size_bound(const LinkedSite& linked, const Cluster& cluster, std::size_t base) {
  constexpr std::string_view cluster_frame = R"({"kind":"same-words","statements":[]},)";
  constexpr std::string_view member_frame = R"({"model":,"id":,"section":,"text":,"url":},)";
  std::size_t size = cluster_frame.size();
  for (const auto& member : cluster.members) {
    const StatementRef& r = linked.graph().statements()[member.text];
    size += member_frame.size() + base + json_string_size_bound(r.url) + json_string_size_bound(linked.model(r).id) +
            json_string_size_bound(linked.statement(r).id) +
            json_string_size_bound(linked.section(r) ? linked.section(r)->id : "") +
            json_string_size_bound(shared_sentence(linked, member));
  }
  return size;
}

// The clusters of each part of shared-language.json, in the link graph's order; none: one file.
// Parts, because counties that share most of their state's text make one file of tens of megabytes
// (28 MB for 500 such models).
std::vector<ResultRun> json_parts(const LinkedSite& linked, std::size_t budget) {
  constexpr std::size_t head = 256;  // a part's number, count and neighbours' names
  const std::size_t base = json_base(linked.site()).size();
  std::vector<std::size_t> weights;
  for (const auto& cluster : linked.graph().shared_language()) weights.push_back(json_size_bound(linked, cluster, base));
  if (total_weight(weights) + head <= budget) return {};
  return pack_runs(weights, budget > head ? budget - head : 1);
}

// Part `part` (1, 2, …) of shared-language.json. A site in one part has {"clusters": […]}; in parts,
// each file also says which part it is of how many and names its neighbours (siblings, so relative).
Page shared_language_json(const LinkedSite& linked, const std::vector<ResultRun>& parts, std::size_t part) {
  const LinkGraph& graph = linked.graph();
  const std::string base = json_base(linked.site());
  Page p;
  p.path = urls::shared_language_json(part);
  auto file_name = [](std::size_t n) {
    const std::string path = urls::shared_language_json(n);
    return path.substr(path.rfind('/') + 1);
  };
  // Without indentation: on a national site the clusters run to hundreds of thousands of statements.
  JsonWriter w(p.raw);
  w.begin_object();
  if (!parts.empty()) {
    w.member("part", static_cast<int>(part)).member("parts", static_cast<int>(parts.size()));
    if (part > 1) w.member("previous", file_name(part - 1));
    if (part < parts.size()) w.member("next", file_name(part + 1));
  }
  w.key("clusters").begin_array();
  const ResultRun run = parts.empty() ? ResultRun{0, graph.shared_language().size()} : parts[part - 1];
  for (std::size_t c = run.begin; c < run.end; ++c) {
    const Cluster& cluster = graph.shared_language()[c];
    w.begin_object().member("kind", cluster.kind == ClusterKind::same_words ? "same-words" : "same-idea");
    w.key("statements").begin_array();
    for (const auto& member : cluster.members) {
      const StatementRef& r = graph.statements()[member.text];
      w.begin_object()
          .member("model", linked.model(r).id)
          .member("id", linked.statement(r).id)
          .member("section", linked.section(r) ? std::string_view(linked.section(r)->id) : std::string_view())
          .member("text", shared_sentence(linked, member))
          .member("url", base + r.url)
          .end_object();
    }
    w.end_array().end_object();
  }
  w.end_array().end_object();
  p.raw += '\n';
  return p;
}

}  // namespace

std::vector<PageTask> plan_shared_language(const LinkedSite& linked, std::size_t budget, std::size_t json_budget,
                                           std::size_t index_budget) {
  std::vector<PageTask> tasks;
  auto parts = std::make_shared<const std::vector<ResultRun>>(json_parts(linked, json_budget));
  Layout laid_out = layout_groups(linked, budget);
  laid_out.json_files = std::max<std::size_t>(parts->size(), 1);
  laid_out.index_budget = index_budget;
  auto layout = std::make_shared<const Layout>(std::move(laid_out));
  tasks.push_back({urls::shared_language(), true, [&linked, layout] { return SharedLanguagePage(linked, *layout, 0).build(); }});
  for (std::size_t n = 1; n <= layout->pages.size(); ++n)
    tasks.push_back({urls::results_page(urls::shared_language(), n), true,
                     [&linked, layout, n] { return SharedLanguagePage(linked, *layout, n).build(); }});
  for (std::size_t part = 1; part <= layout->json_files; ++part)
    tasks.push_back({urls::shared_language_json(part), false, [&linked, parts, part] { return shared_language_json(linked, *parts, part); }});
  return tasks;
}

}  // namespace pb::views
