#include "import/recognize.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "core/text_util.hpp"
#include "import/headings.hpp"

namespace pb::inline import {

namespace {

void add_paragraph(std::string& field, const std::string& text) {
  if (!field.empty()) field += "\n\n";
  field += text;
}

class Recognizer {
 public:
  Recognizer(const std::vector<Unit>& units, const std::vector<std::string>& acronyms, const RoleResolver& resolve,
             ImportNotes& notes)
      : units_(units), acronyms_(acronyms), resolve_(resolve), notes_(notes) {}

  DraftModel run() {
    headings_follow_lists_ = detect_headings_after_lists();
    for (i_ = 0; i_ < units_.size(); ++i_) {
      const Unit& u = units_[i_];
      switch (u.kind) {
        case UnitKind::label: on_label(u); break;
        case UnitKind::heading: on_heading(u); break;
        case UnitKind::item: on_item(u); break;
        case UnitKind::paragraph: on_paragraph(u); break;
      }
    }
    if (!pending_summary_.text.empty()) place_model("intro", pending_summary_, model_.intro);
    drop_empty_blocks();
    return std::move(model_);
  }

 private:
  enum class Slot { none, vision, priorities, letter, signature, signature_title, rubric };

  std::string heading_text(const Unit& u) const {
    std::string text = u.capitals ? title_case(u.text, acronyms_) : u.text;
    return std::string(trim(text));
  }

  // A PDF brochure laid out in spreads can come out with each list before its heading, and several
  // headings stacked after the lists: then a heading names the earliest list still without one.
  bool detect_headings_after_lists() const {
    for (std::size_t k = 0; k + 1 < units_.size(); ++k)
      if (units_[k].kind == UnitKind::heading && units_[k + 1].kind == UnitKind::heading &&
          classify(heading_text(units_[k]), resolve_).kind == HeadingKind::block &&
          classify(heading_text(units_[k + 1]), resolve_).kind == HeadingKind::block)
        return true;
    return false;
  }

  const Unit* next_unit() const { return i_ + 1 < units_.size() ? &units_[i_ + 1] : nullptr; }

  void place_model(const std::string& field, const Unit& u, std::string& target, bool as_paragraph = true) {
    if (as_paragraph) add_paragraph(target, u.text);
    else target = u.text;
    model_.placed.push_back({field, u.lines});
  }

  DraftSection& start_section(const std::string& label) {
    DraftSection s;
    s.label = label;
    model_.sections.push_back(std::move(s));
    slot_ = Slot::none;
    if (!pending_summary_.text.empty()) {
      model_.sections.back().summary = pending_summary_.text;
      model_.sections.back().placed.push_back({"summary", pending_summary_.lines});
      pending_summary_ = {};
    }
    return model_.sections.back();
  }

  void on_label(const Unit& u) {
    // Lists printed before the label of their section (a spread extracted left page first) move with it.
    std::vector<DraftBlock> carried;
    if (headings_follow_lists_ && !model_.sections.empty()) {
      auto& blocks = model_.sections.back().blocks;
      while (!blocks.empty() && !blocks.back().headed && !blocks.back().items.empty()) {
        carried.insert(carried.begin(), std::move(blocks.back()));
        blocks.pop_back();
      }
    }
    DraftSection& s = start_section(title_case(u.text, acronyms_));
    s.placed.push_back({"label", u.lines});
    s.blocks = std::move(carried);
    expect_title_ = true;
  }

  void on_heading(const Unit& u) {
    const std::string text = heading_text(u);
    if (expect_title_ && !model_.sections.empty()) {
      model_.sections.back().title = text;
      model_.sections.back().placed.push_back({"title", u.lines});
      expect_title_ = false;
      return;
    }
    if (on_edition_date(u, text)) return;
    const HeadingInfo info = classify(text, resolve_);
    if (info.kind == HeadingKind::other && model_.title.empty() && model_.sections.empty() && model_.intro.empty()) {
      std::string title = text;
      if (title.ends_with("*")) {  // a footnote marker on the title
        title.pop_back();
        title_marker_ = "*";
      }
      model_.title = title;
      model_.placed.push_back({"title", u.lines});
      title_unit_ = i_;
      return;
    }
    if (info.kind == HeadingKind::other && model_.subtitle.empty() && title_unit_ && *title_unit_ + 1 == i_) {
      model_.subtitle = text;
      model_.placed.push_back({"subtitle", u.lines});
      return;
    }
    slot_ = Slot::none;
    switch (info.kind) {
      case HeadingKind::vision: slot_ = Slot::vision; model_.placed.push_back({"vision heading", u.lines}); return;
      case HeadingKind::priorities:
        slot_ = Slot::priorities;
        model_.priorities_heading = text;
        model_.placed.push_back({"priorities heading", u.lines});
        return;
      case HeadingKind::letter: {
        slot_ = Slot::letter;
        model_.letter.emplace();
        std::string heading = text;
        while (!heading.empty() && heading.back() == ':') heading.pop_back();
        model_.letter->heading = heading;
        model_.placed.push_back({"letter heading", u.lines});
        return;
      }
      case HeadingKind::rubric:
        slot_ = Slot::rubric;
        model_.rubric.emplace();
        model_.rubric->title = text;
        model_.placed.push_back({"rubric title", u.lines});
        return;
      case HeadingKind::block: on_block_heading(u, text, info); return;
      case HeadingKind::other: break;
    }
    // A Markdown heading that introduces a list ("We believe...") heads a block; any other heading
    // starts a section.
    if (u.markdown_heading && (text.ends_with("...") || text.ends_with(":") || text.ends_with("\u2026")) &&
        !model_.sections.empty()) {
      const std::string kind = lower(text).find("believe") != std::string::npos ? "beliefs" : default_kind(text);
      on_block_heading(u, text, block_info(kind));
      return;
    }
    // A word alone in capitals that begins other headings ("KEY") is a fragment the layout split off.
    if (u.capitals && text.find(' ') == std::string::npos && next_unit() && next_unit()->kind == UnitKind::heading) {
      notes_.lines[u.lines.front() - 1] = {"set aside: a word alone, split off a heading by the layout", true};
      return;
    }
    DraftSection& s = start_section("");
    s.title = text;
    s.placed.push_back({"title", u.lines});
  }

  // "JUNE 2023" printed on the cover or the back: the edition, and its date for ordering.
  bool on_edition_date(const Unit& u, const std::string& text) {
    static const std::regex month_year(
        R"(^(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{4})$)",
        std::regex::icase);
    std::smatch m;
    if (!model_.edition.empty() || !std::regex_match(text, m, month_year)) return false;
    static const std::vector<std::string> months = {"january", "february", "march", "april", "may", "june", "july",
                                                    "august", "september", "october", "november", "december"};
    const auto month = std::find(months.begin(), months.end(), lower(m[1].str())) - months.begin() + 1;
    model_.edition = text;
    model_.date = fmt::format("{}-{:02}", m[2].str(), month);
    model_.placed.push_back({"edition and date", u.lines});
    return true;
  }

  void on_block_heading(const Unit& u, const std::string& text, const HeadingInfo& info) {
    if (model_.sections.empty()) start_section("").title = "Untitled section";
    DraftSection& s = model_.sections.back();
    DraftBlock fresh;
    fresh.kind = info.block_kind;
    fresh.heading = text;
    fresh.role = info.role;
    fresh.role_known = info.role_known;
    fresh.role_name = info.role_name;
    fresh.headed = true;
    fresh.heading_lines = u.lines;
    if (headings_follow_lists_) {
      for (auto& b : s.blocks)
        if (!b.headed && !b.items.empty()) {
          const auto items = std::move(b.items);
          const bool numbered = b.numbered;
          b = std::move(fresh);
          b.items = items;
          b.numbered = numbered;
          last_headed_ = {model_.sections.size() - 1, static_cast<std::size_t>(&b - s.blocks.data())};
          return;
        }
      // No list left for it: an action heading printed after the one whose list holds its actions too.
      if (info.block_kind == "actions" && last_headed_ && last_headed_->first + 1 == model_.sections.size() &&
          last_headed_->second + 1 == s.blocks.size() && s.blocks.back().kind == "actions") {
        s.blocks.back().stacked.push_back(std::move(fresh));
        return;
      }
    }
    s.blocks.push_back(std::move(fresh));
    last_headed_.reset();
    open_block_ = true;
  }

  DraftItem item_of(const Unit& u) const { return {u.text, u.lines, {}, {}}; }

  void on_item(const Unit& u) {
    if (slot_ == Slot::priorities) {
      if (u.level > 0 && !model_.priorities.empty()) model_.priorities.back().children.push_back(item_of(u));
      else model_.priorities.push_back(item_of(u));
      model_.priorities_numbered = model_.priorities_numbered || u.style == ListStyle::numbers;
      return;
    }
    if (slot_ == Slot::rubric && model_.rubric) {
      static const std::regex level(R"(^\*{0,2}([A-Z][A-Z ]{2,}?)\*{0,2}\s*(?:)" "\u2013|\u2014" R"(|-|:)\s+(.*)$)");
      std::smatch m;
      if (std::regex_match(u.text, m, level)) {
        model_.rubric->levels.push_back({title_case(m[1].str(), acronyms_), m[2]});
        model_.placed.push_back({"rubric level", u.lines});
        return;
      }
    }
    if (model_.sections.empty()) {
      start_section("").title = "Untitled section";
      notes_.to_do.push_back(fmt::format("line {}: a list before any heading went into a section titled "
                                         "'Untitled section': give it its title", u.lines.front()));
    }
    DraftSection& s = model_.sections.back();
    slot_ = Slot::none;
    if (u.level > 0) {
      if (!s.blocks.empty() && !s.blocks.back().items.empty()) {
        s.blocks.back().items.back().children.push_back(item_of(u));
        return;
      }
    }
    const bool numbered = u.style == ListStyle::numbers;
    DraftBlock* block = s.blocks.empty() ? nullptr : &s.blocks.back();
    const bool style_changed = block && !block->items.empty() && block->numbered != numbered;
    const bool restarted = block && !block->items.empty() && numbered && u.marker == "1";
    const bool closed = block && block->headed && headings_follow_lists_ && !block->items.empty();
    if (!block || block->kind == "text" || style_changed || restarted || closed || !open_block_) {
      DraftBlock fresh;
      fresh.kind = default_kind(s.title);
      s.blocks.push_back(std::move(fresh));
      block = &s.blocks.back();
      open_block_ = true;
    }
    if (block->items.empty()) block->numbered = numbered;
    block->items.push_back(item_of(u));
  }

  bool next_is_first_numbered_item() const {
    const Unit* n = next_unit();
    return n && n->kind == UnitKind::item && n->style == ListStyle::numbers && n->marker == "1";
  }

  bool nothing_but_paragraphs_follow() const {
    for (std::size_t k = i_ + 1; k < units_.size(); ++k)
      if (units_[k].kind != UnitKind::paragraph) return false;
    return true;
  }

  void on_paragraph(const Unit& u) {
    // A footnote: the marker of a mark placed earlier, then its text.
    if (!title_marker_.empty() && u.text.starts_with(title_marker_)) {
      model_.footnotes.push_back({title_marker_, std::string(trim(u.text.substr(title_marker_.size())))});
      model_.placed.push_back({"footnote", u.lines});
      return;
    }
    switch (slot_) {
      case Slot::vision: place_model("vision", u, model_.vision, false); slot_ = Slot::none; return;
      case Slot::priorities:
        if (model_.priorities.empty()) return place_model("priorities intro", u, model_.priorities_intro);
        break;
      case Slot::letter:
        if (is_closing_word(u.text)) {
          place_model("letter closing", u, model_.letter->closing, false);
          slot_ = Slot::signature;
        } else {
          place_model("letter body", u, model_.letter->body);
        }
        return;
      case Slot::signature: place_model("letter signature", u, model_.letter->signature, false); slot_ = Slot::signature_title; return;
      case Slot::signature_title:
        place_model("letter signature title", u, model_.letter->signature_title, false);
        slot_ = Slot::none;
        return;
      case Slot::rubric:
        if (model_.rubric->levels.empty()) return place_model("rubric intro", u, model_.rubric->intro);
        break;
      case Slot::none: break;
    }
    slot_ = Slot::none;
    const Unit* next = next_unit();
    const bool before_label = next && next->kind == UnitKind::label;
    // "We believe that children do best when raised in families." followed by its numbered list: a section.
    if (next_is_first_numbered_item() && u.text.size() < 300 &&
        (model_.sections.empty() || !model_.sections.back().blocks.empty())) {
      DraftSection& s = start_section("");
      s.title = u.text;
      s.placed.push_back({"title", u.lines});
      DraftBlock block;
      block.kind = lower(u.text).starts_with("we believe") ? "beliefs" : "principles";
      s.blocks.push_back(std::move(block));
      open_block_ = true;
      return;
    }
    if (model_.sections.empty()) {
      if (before_label) {
        pending_summary_ = u;
      } else if (model_.title.empty() && model_.intro.empty() && u.text.size() < 120 && u.text.back() != '.') {
        place_model("title", u, model_.title, false);
      } else if (nothing_but_paragraphs_follow() && !model_.intro.empty()) {
        place_model("closing", u, model_.closing);
      } else {
        place_model("intro", u, model_.intro);
      }
      return;
    }
    DraftSection& s = model_.sections.back();
    if (split_questions(u, s)) return;
    if (s.blocks.empty() && s.label.empty()) {
      add_paragraph(s.intro, u.text);
      s.placed.push_back({"intro", u.lines});
    } else if (nothing_but_paragraphs_follow()) {
      place_model("closing", u, model_.closing);
    } else if (before_label) {
      pending_summary_ = u;
    } else if (s.summary.empty()) {  // the sidebar quote, wherever the layout put it
      s.summary = u.text;
      s.placed.push_back({"summary", u.lines});
    } else {
      DraftBlock block;
      block.kind = "text";
      block.text = u.text;
      block.text_lines = u.lines;
      s.blocks.push_back(std::move(block));
      open_block_ = false;
    }
  }

  // Under a role's heading, text of "…?" questions whose bullets were drawn, not printed (a PDF's list
  // markers can be shapes): each question is an action.
  bool split_questions(const Unit& u, DraftSection& s) {
    if (s.blocks.empty() || s.blocks.back().kind != "actions" || !open_block_ || !u.text.ends_with("?")) return false;
    static const std::regex question(R"([^?]+\?)");
    for (auto it = std::sregex_iterator(u.text.begin(), u.text.end(), question); it != std::sregex_iterator(); ++it)
      s.blocks.back().items.push_back({std::string(trim(it->str())), u.lines, {}, {}});
    notes_.to_do.push_back(fmt::format("lines {}-{}: questions without list markers under '{}' were taken as one "
                                       "action each: check them",
                                       u.lines.front(), u.lines.back(), s.blocks.back().heading));
    return true;
  }

  void drop_empty_blocks() {
    for (auto& s : model_.sections) {
      for (const auto& b : s.blocks)
        if (b.kind != "text" && b.items.empty()) {
          notes_.to_do.push_back(fmt::format("'{}' ({}): the heading '{}' has no statements under it; it is "
                                             "left out of the draft",
                                             s.title, s.label.empty() ? "no label" : s.label, b.heading));
          for (int line : b.heading_lines) notes_.lines[line - 1] = {"left out: a heading with no statements", false};
        }
      std::erase_if(s.blocks, [](const DraftBlock& b) { return b.kind != "text" && b.items.empty(); });
    }
  }

  const std::vector<Unit>& units_;
  const std::vector<std::string>& acronyms_;
  const RoleResolver& resolve_;
  ImportNotes& notes_;
  DraftModel model_;
  std::size_t i_ = 0;
  Slot slot_ = Slot::none;
  bool headings_follow_lists_ = false, expect_title_ = false, open_block_ = false;
  std::optional<std::pair<std::size_t, std::size_t>> last_headed_;  // section, block
  std::optional<std::size_t> title_unit_;
  std::string title_marker_;
  Unit pending_summary_;
};

}  // namespace

DraftModel recognize(const std::vector<Unit>& units, const std::vector<std::string>& acronyms,
                     const RoleResolver& resolve_role, ImportNotes& notes) {
  return Recognizer(units, acronyms, resolve_role, notes).run();
}

}  // namespace pb::import
