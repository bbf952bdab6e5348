#include "link/linked_site.hpp"

#include <fmt/format.h>

#include <future>

#include "core/files.hpp"
#include "core/text_util.hpp"
#include "core/url.hpp"
#include "link/markdown_limits.hpp"
#include "link/urls.hpp"

namespace pb::inline link {

LinkedSite::LinkedSite(std::shared_ptr<const Site> site, std::vector<LinkedHtml> html, LinkGraph graph,
                       std::vector<std::vector<std::vector<NoteUse>>> note_uses)
    : site_(std::move(site)), html_(std::move(html)), graph_(std::move(graph)), note_uses_(std::move(note_uses)) {
  // Worked out once per block, then found by statement through a flat table (see statement_html).
  std::vector<std::vector<std::uint32_t>> first_block(site_->models.size());  // by model, then section
  std::vector<std::uint32_t> priorities(site_->models.size());
  for (std::size_t m = 0; m < site_->models.size(); ++m) {
    const Model& model = site_->models[m];
    priorities[m] = static_cast<std::uint32_t>(places_.size());
    places_.push_back(model.priorities && !model.priorities->heading.empty() ? model.priorities->heading : "Priorities");
    for (const Section& section : model.sections) {
      first_block[m].push_back(static_cast<std::uint32_t>(places_.size()));
      const std::string& unit = section.label.empty() ? section.title : section.label;
      for (const Block& block : section.blocks) {
        if (block.kind == BlockKind::actions) places_.push_back(unit + " · " + role_title(*site_, model, block.role) + " " + model.vocabulary.action_word());
        else if (!block.heading.empty()) places_.push_back(unit + " · " + block.heading);
        else places_.push_back(unit);
      }
    }
  }
  statement_slots_.reserve(graph_.statements().size());
  statement_places_.reserve(graph_.statements().size());
  for (const StatementRef& ref : graph_.statements()) {
    statement_slots_.push_back(statement(ref).text.slot);
    statement_places_.push_back(ref.section == no_index ? priorities[ref.model] : first_block[ref.model][ref.section] + ref.block);
  }
  term_texts_.reserve(site_->terms.size());
  for (const Term& term : site_->terms) term_texts_.push_back(first_words(plain_text(term.definition), max_term_tip_bytes));
}

const std::vector<NoteUse>& LinkedSite::note_uses(std::size_t model, std::size_t note) const {
  if (model >= note_uses_.size() || note >= note_uses_[model].size()) return no_uses_;
  return note_uses_[model][note];
}

const LinkedHtml& LinkedSite::html(const Markdown& m) const { return m.slot < html_.size() ? html_[m.slot] : empty_; }

std::string LinkedSite::plain_text(const Markdown& m) const { return strip_tags(html(m).html); }

const Statement& LinkedSite::statement(const StatementRef& ref) const {
  return statement_at(*site_, graph_.statements(), ref.index);
}

const Section* LinkedSite::section(const StatementRef& ref) const {
  return ref.section == no_index ? nullptr : &site_->models[ref.model].sections[ref.section];
}

const Block* LinkedSite::block(const StatementRef& ref) const {
  const Section* s = section(ref);
  return s ? &s->blocks[ref.block] : nullptr;
}

TermLink glossary_link(const Term& term, std::string_view definition) {
  return TermLink{fmt::format(R"(<a class="term" href="{}{}" aria-describedby="def-{}">)", root_mark,
                              urls::term(term.id), term.id),
                  R"(</a><span class="term-tip" aria-hidden="true" data-tip=")" +
                      html_escape(term.term + ": " + first_words(definition, max_term_tip_bytes)) + R"("></span>)"};
}

namespace {

// Links go to the web, an e-mail address or elsewhere in the site; images come from the site itself
// unless site.yaml allows outside images.
void check_urls(const std::vector<MarkdownUrl>& urls, const Markdown& m, const char* field, const SiteConfig& config,
                Diagnostics& diags) {
  for (const auto& u : urls) {
    const UrlCheck c = check_url(u.url);
    if (!c.kind || (u.image && c.kind == UrlKind::mailto))
      diags.error(m.where,
                  fmt::format("this {} has {} to '{}': its scheme '{}:' is not allowed", field,
                              u.image ? "an image" : "a link", u.url, c.scheme),
                  "use an http, https or mailto address, or a path within the site");
    else if (u.image && c.kind == UrlKind::web && !config.allow_outside_images)
      diags.error(m.where, fmt::format("this {} shows an image from outside the site: '{}'", field, u.url),
                  "the site makes no outside request: put the image in the theme's assets/ and link it by path, "
                  "or set 'allow_outside_images: true' in site.yaml");
  }
}

}  // namespace

LinkedSite link_site(std::shared_ptr<const Site> site_ptr, Diagnostics& diags, LinkStats* stats) {
  const Site& site = *site_ptr;
  // Shared language reads only the sources: it is found on another core while Markdown renders here
  // (cmark-gfm is used on this thread alone).
  auto shared_language = std::async(std::launch::async, [&site] { return find_site_shared_language(site); });
  const MarkdownRenderer markdown(site.config.allow_html);
  const TermMatcher matcher(site.terms);
  matcher.report_shadowing(diags);

  std::uint32_t slots = 0;
  for_each_markdown(site, [&](const Markdown&, MarkdownShape, TermLinks, const char*) { ++slots; });
  std::vector<LinkedHtml> html(slots);
  std::vector<bool> done(slots, false);

  // Shapes that would make cmark-gfm slow are refused before parsing (see markdown_limits.hpp).
  auto refused = [&](const Markdown& m, const char* field) {
    const auto why = markdown_too_complex(m.source);
    if (why)
      diags.error(m.where, fmt::format("this {} is too complex to render: {}", field, *why),
                  "simplify its Markdown: a practice model's text needs no such nesting or size");
    return why.has_value();
  };
  // Definitions first: the tooltips of the links are made from them.
  std::vector<TermLink> links;
  for (const Term& t : site.terms) {
    done[t.definition.slot] = true;
    if (refused(t.definition, "glossary definition")) {
      links.push_back(glossary_link(t, ""));
      continue;
    }
    // Not searched for terms: an entry naming itself is no use of it.
    html[t.definition.slot] = markdown.render(t.definition.source, MarkdownShape::block);
    links.push_back(glossary_link(t, strip_tags(html[t.definition.slot].html)));
  }
  std::vector<std::size_t> uses(site.terms.size(), 0);
  std::vector<MarkdownUrl> urls;
  NoteReferences notes(site);
  for_each_markdown(site, [&](const Markdown& m, MarkdownShape shape, TermLinks mode, const char* field) {
    LinkedHtml& out = html[m.slot];
    if (done[m.slot] || m.empty() || refused(m, field)) return;
    urls.clear();
    NoteLinks* note_links = notes.links_for(m, field);
    out = markdown.render(m.source, shape, &matcher, mode == TermLinks::linked ? &links : nullptr, &urls, note_links);
    check_urls(urls, m, field, site.config, diags);
    if (note_links)
      for (const auto& marker : note_links->unknown)
        diags.error(m.where, fmt::format("this {} refers to note '[^{}]', which its model does not have", field, marker),
                    "add it to the model's footnotes (`- marker: \"" + marker +
                        "\"` with its `text`), or correct the marker");
    if (stats && mode == TermLinks::linked) stats->term_links += out.terms.size();
  });
  for (const auto& h : html)
    for (std::uint32_t t : h.terms) ++uses[t];
  // Headings and titles are plain text: they count as mentions, but link nothing.
  auto mention = [&](std::string_view text) {
    std::vector<std::uint32_t> seen;
    for (const auto& m : matcher.find(text, seen)) ++uses[m.term];
  };
  for (const auto& model : site.models)
    for (const auto& section : model.sections) {
      mention(section.title);
      for (const auto& block : section.blocks) mention(block.heading);
    }
  for (std::size_t i = 0; i < site.terms.size(); ++i)
    if (uses[i] == 0)
      diags.warning(site.terms[i].where, fmt::format("glossary term '{}' is not used in any statement", site.terms[i].id),
                    "check its spelling and aliases against the statements, or remove it");

  std::vector<std::vector<std::uint32_t>> statement_terms;
  for_each_site_statement(site, [&](const Statement& s) { statement_terms.push_back(html[s.text.slot].terms); });
  LinkGraph graph(site, statement_terms, nullptr);  // while the shared language is still being found
  SharedLanguage shared = shared_language.get();
  if (shared.stats.word_search_stopped)
    diags.warning(location_of(site.config.file),
                  fmt::format("the search for shared language stopped after {} comparisons: the statements have so "
                              "many words in common that some shared wording may not be listed", shared.stats.word_candidates),
                  "this comes of many statements made of the same few words (placeholder or generated text); "
                  "check the models' statements");
  graph.add_shared_language(std::move(shared));
  if (stats) stats->texts = html.size();
  return LinkedSite(std::move(site_ptr), std::move(html), std::move(graph), notes.take_uses());
}

}  // namespace pb::link
