#pragma once
// The link phase's result: the read-only Site and what is derived from it once for every page —
// each Markdown text rendered with its glossary terms linked, and the link graph. Pages read it from
// several threads at once; nothing in it changes after link_site returns.
#include <memory>
#include <string>
#include <vector>

#include "content/model.hpp"
#include "core/diagnostics.hpp"
#include "link/link_graph.hpp"
#include "link/markdown.hpp"
#include "link/notes.hpp"

namespace pb::inline link {

class LinkedSite {
 public:
  LinkedSite(std::shared_ptr<const Site> site, std::vector<LinkedHtml> html, LinkGraph graph,
             std::vector<std::vector<std::vector<NoteUse>>> note_uses = {});

  const Site& site() const { return *site_; }
  const LinkGraph& graph() const { return graph_; }

  // A text's HTML, its links to the site root still to be resolved by the page (see LinkedHtml).
  const LinkedHtml& html(const Markdown& m) const;
  // A text without its markup, for titles, descriptions and tooltips.
  std::string plain_text(const Markdown& m) const;
  // A glossary term's definition without its markup, its first words (by index into site().terms):
  // every page lists the definitions of the terms it links, so each is worked out once, not per page.
  const std::string& term_definition_text(std::uint32_t term) const { return term_texts_[term]; }
  // Glossary terms (indexes into site().terms) linked or mentioned in a text, in order of first mention.
  const std::vector<std::uint32_t>& terms_in(const Markdown& m) const { return html(m).terms; }

  // The records a statement's place names.
  const Statement& statement(const StatementRef& ref) const;
  // A statement's text as HTML, read without the statement: lists of statements from across the
  // models (topics, roles, handouts) call it for every entry, and the records lie all over memory.
  const LinkedHtml& statement_html(const StatementRef& ref) const {
    const std::uint32_t slot = statement_slots_[ref.index];
    return slot < html_.size() ? html_[slot] : empty_;
  }
  const Model& model(const StatementRef& ref) const { return site_->models[ref.model]; }
  const Section* section(const StatementRef& ref) const;  // none for a priority
  const Block* block(const StatementRef& ref) const;      // none for a priority
  // Where a statement is, in words: "Value 1 · Worker action", "Value 1 · Key practices", or the
  // priorities' heading. Lists of statements from elsewhere show it beside each one; it is the same
  // for a block's statements, so it is worked out once per block.
  const std::string& place(const StatementRef& ref) const { return places_[statement_places_[ref.index]]; }

  std::size_t texts() const { return html_.size(); }

  // The references to a model's note (by index into its footnotes), in reading order.
  const std::vector<NoteUse>& note_uses(std::size_t model, std::size_t note) const;

 private:
  std::shared_ptr<const Site> site_;
  std::vector<LinkedHtml> html_;  // by Markdown::slot
  std::vector<std::uint32_t> statement_slots_;  // each statement's Markdown::slot, by StatementRef::index
  LinkGraph graph_;
  std::vector<std::vector<std::vector<NoteUse>>> note_uses_;  // by model, then note
  std::vector<std::string> places_;             // by model: its priorities', then each block's
  std::vector<std::uint32_t> statement_places_;  // index into places_, by StatementRef::index
  std::vector<std::string> term_texts_;          // by term: its definition's plain text, its first words
  LinkedHtml empty_;
  std::vector<NoteUse> no_uses_;
};

// A term's definition as its links' tooltip and the pages' description of it: its first words, so
// every link to a long definition does not carry all of it (the term's page has it whole).
inline constexpr std::size_t max_term_tip_bytes = 400;

// The link around a mention of `term`: to its page, described by its definition for screen readers
// (aria-describedby), with a visible tooltip that screen readers skip.
TermLink glossary_link(const Term& term, std::string_view definition);

struct LinkStats {
  std::size_t texts = 0;        // Markdown texts rendered
  std::size_t term_links = 0;   // glossary links written
};

// Renders every Markdown text once (on this thread: cmark-gfm is not thread-safe), links glossary
// terms in statements and section summaries, and builds the link graph. Reports glossary entries that
// claim the same spelling (errors) and entries no text mentions (warnings).
LinkedSite link_site(std::shared_ptr<const Site> site, Diagnostics& diags, LinkStats* stats = nullptr);

}  // namespace pb::link
