#include "import/draft_writer.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <fstream>

#include "core/text_util.hpp"

namespace fs = std::filesystem;

namespace pb::inline import {

namespace {

void text_value(YAML::Emitter& out, const std::string& key, const std::string& value) {
  if (value.empty()) return;
  out << YAML::Key << key << YAML::Value << YAML::DoubleQuoted << value;
}

// Markdown paragraphs: a literal block, as a person would write it.
void block_value(YAML::Emitter& out, const std::string& key, const std::string& value) {
  if (value.empty()) return;
  out << YAML::Key << key << YAML::Value << YAML::Literal << value + "\n";
}

void emit_items(YAML::Emitter& out, const std::vector<DraftItem>& items) {
  out << YAML::Key << "items" << YAML::Value << YAML::BeginSeq;
  for (const auto& item : items) {
    if (item.children.empty() && item.suggested_topics.empty()) {
      out << YAML::DoubleQuoted << item.text;
      continue;
    }
    out << YAML::BeginMap << YAML::Key << "text" << YAML::Value << YAML::DoubleQuoted << item.text;
    // Topics are a person's call: the suggestion stays a comment until someone confirms it.
    if (!item.suggested_topics.empty())
      out << YAML::Comment("topics? [" + join(item.suggested_topics) + "]");
    if (!item.children.empty()) emit_items(out, item.children);
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

bool write_text(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  return static_cast<bool>(out);
}

}  // namespace

std::vector<std::string> section_files(const DraftModel& draft) {
  std::vector<std::string> files;
  for (std::size_t k = 0; k < draft.sections.size(); ++k)
    files.push_back(fmt::format("sections/{:02}-{}.yaml", k + 1, draft.sections[k].id));
  return files;
}

std::string model_yaml(const DraftModel& d) {
  YAML::Emitter out;
  out << YAML::BeginMap;
  text_value(out, "title", d.title);
  text_value(out, "subtitle", d.subtitle);
  text_value(out, "jurisdiction", d.jurisdiction);
  text_value(out, "agency", d.agency);
  text_value(out, "family", d.family);
  out << YAML::Key << "edition" << YAML::Value << (d.edition.empty() ? "Draft" : d.edition);
  text_value(out, "date", d.date);
  text_value(out, "supersedes", d.supersedes);
  text_value(out, "source", d.source);
  block_value(out, "intro", d.intro);
  text_value(out, "vision", d.vision);
  if (!d.priorities.empty()) {
    out << YAML::Key << "priorities" << YAML::Value << YAML::BeginMap;
    text_value(out, "heading", d.priorities_heading);
    block_value(out, "intro", d.priorities_intro);
    if (d.priorities_numbered) out << YAML::Key << "numbered" << YAML::Value << true;
    emit_items(out, d.priorities);
    out << YAML::EndMap;
  }
  if (d.letter) {
    out << YAML::Key << "letter" << YAML::Value << YAML::BeginMap;
    text_value(out, "heading", d.letter->heading);
    block_value(out, "body", d.letter->body);
    text_value(out, "closing", d.letter->closing);
    text_value(out, "signature", d.letter->signature);
    text_value(out, "signature_title", d.letter->signature_title);
    out << YAML::EndMap;
  }
  if (!d.roles.empty()) {
    out << YAML::Key << "roles" << YAML::Value << YAML::BeginSeq;
    for (const auto& role : d.roles)
      out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << role.id << YAML::Key << "title" << YAML::Value
          << YAML::DoubleQuoted << role.title << YAML::EndMap;
    out << YAML::EndSeq;
  }
  if (d.rubric) {
    out << YAML::Key << "rubric" << YAML::Value << YAML::BeginMap;
    text_value(out, "title", d.rubric->title);
    block_value(out, "intro", d.rubric->intro);
    out << YAML::Key << "levels" << YAML::Value << YAML::BeginSeq;
    for (const auto& level : d.rubric->levels) {
      out << YAML::BeginMap;
      text_value(out, "name", level.name);
      text_value(out, "description", level.description);
      out << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap;
  }
  block_value(out, "closing", d.closing);
  text_value(out, "tagline", d.tagline);
  if (!d.footnotes.empty()) {
    out << YAML::Key << "footnotes" << YAML::Value << YAML::BeginSeq;
    for (const auto& note : d.footnotes) {
      out << YAML::BeginMap;
      text_value(out, "marker", note.marker);
      text_value(out, "text", note.text);
      out << YAML::EndMap;
    }
    out << YAML::EndSeq;
  }
  out << YAML::EndMap;
  return "# yaml-language-server: $schema=../../schema/model.schema.json\n"
         "# A draft made by `practicebook import`: compare it with the document before publishing.\n" +
         std::string(out.c_str()) + "\n";
}

std::string section_yaml(const DraftSection& s) {
  YAML::Emitter out;
  out << YAML::BeginMap;
  out << YAML::Key << "id" << YAML::Value << s.id;
  text_value(out, "label", s.label);
  text_value(out, "title", s.title);
  text_value(out, "summary", s.summary);
  block_value(out, "intro", s.intro);
  out << YAML::Key << "blocks" << YAML::Value << YAML::BeginSeq;
  for (const auto& b : s.blocks) {
    out << YAML::BeginMap << YAML::Key << "kind" << YAML::Value << b.kind;
    if (b.kind == "actions") out << YAML::Key << "role" << YAML::Value << b.role;
    text_value(out, "heading", b.heading);
    if (b.kind == "text") {
      block_value(out, "text", b.text);
    } else {
      if (b.numbered) out << YAML::Key << "numbered" << YAML::Value << true;
      emit_items(out, b.items);
    }
    out << YAML::EndMap;
  }
  out << YAML::EndSeq << YAML::EndMap;
  return "# yaml-language-server: $schema=../../../schema/section.schema.json\n" + std::string(out.c_str()) + "\n";
}

std::vector<std::string> write_draft(const fs::path& content_dir, const DraftModel& draft, Diagnostics& diags) {
  const fs::path target = content_dir / "models" / draft.id;
  const fs::path staging = content_dir / fmt::format(".import-{}-{}", draft.id, ::getpid());
  const auto where = location_in(std::make_shared<const std::string>(target.generic_string()));
  std::error_code ec;
  fs::remove_all(staging, ec);
  fs::create_directories(staging / "sections", ec);
  std::vector<std::string> files = {"model.yaml"};
  bool ok = !ec && write_text(staging / "model.yaml", model_yaml(draft));
  const auto names = section_files(draft);
  for (std::size_t k = 0; ok && k < names.size(); ++k) {
    ok = write_text(staging / names[k], section_yaml(draft.sections[k]));
    files.push_back(names[k]);
  }
  // Renaming onto an existing folder would replace an empty one: make sure there is none.
  if (ok && fs::exists(target, ec)) {
    diags.error(where, "the folder appeared while importing; nothing was written", "choose another --id");
    ok = false;
  } else if (ok) {
    fs::create_directories(target.parent_path(), ec);
    fs::rename(staging, target, ec);
    if (ec) {
      diags.error(where, "cannot move the draft into place: " + ec.message(), "check that content/models/ is writable");
      ok = false;
    }
  } else {
    diags.error(where, "cannot write the draft", "check that the content folder is writable");
  }
  fs::remove_all(staging, ec);
  if (!ok) return {};
  return files;
}

}  // namespace pb::import
