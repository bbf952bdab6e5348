// The only file that includes libfyaml: it turns a YAML document into SourceNodes with positions.
#include <libfyaml.h>

#include <fmt/format.h>

#include <optional>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "content/source_node.hpp"
#include "core/files.hpp"
#include "core/utf8.hpp"

namespace pb::inline content {

std::string describe_kind(const SourceNode& node) {
  switch (node.kind) {
    case SourceNode::Kind::null: return "nothing";
    case SourceNode::Kind::scalar: return "text";
    case SourceNode::Kind::sequence: return "a list";
    case SourceNode::Kind::map: return "a mapping";
  }
  return "?";
}

namespace {

// YAML's plain words for nothing. Compared as views: each is a length check before any bytes, and
// every plain value of a document is asked.
bool null_word(std::string_view text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

// Builds SourceNodes from libfyaml's parse events, with no document in between: every value gets
// the position its event starts at. An explicit stack, not recursion, so nesting cannot overflow.
class Builder {
 public:
  Builder(std::string_view input, std::shared_ptr<const std::string> file, Diagnostics& diags, const SourceLimits& limits)
      : input_(input), file_(std::move(file)), diags_(diags), limits_(limits) {}

  // Each returns false when the document cannot be used (a limit was hit, or an alias is unknown).
  bool start_collection(SourceNode::Kind kind, const fy_mark* mark, fy_token* anchor) {
    SourceNode node;
    node.kind = kind;
    node.where = where(mark);
    if (!count(1, 0)) return false;
    if (static_cast<int>(open_.size()) > limits_.max_depth) {
      report_limit(node.where, fmt::format("values are nested more than {} levels deep", limits_.max_depth),
                   "flatten the structure; statements nest at most four levels (a statement and three levels of sub-points)");
      return false;
    }
    open_.push_back({std::move(node), token_text(anchor), std::nullopt, nodes_, {}});
    return true;
  }
  bool end_collection() {
    Open done = std::move(open_.back());
    open_.pop_back();
    if (done.pending_key) {  // a key with no value cannot happen in valid YAML; keep it as null
      done.node.entries.push_back(SourceEntry{std::move(*done.pending_key), {}});
    }
    return add(std::move(done.node), done.anchor, nodes_ - done.nodes_before + 1);
  }
  bool scalar(const fy_mark* mark, fy_token* value, fy_token* anchor) {
    SourceNode node;
    node.where = where(mark);
    const fy_scalar_style style = value ? fy_token_scalar_style(value) : FYSS_PLAIN;
    std::size_t length = 0;
    const char* text = nullptr;
    if (value && style == FYSS_PLAIN)
      if (const auto bytes = plain_on_one_line(value)) text = bytes->data(), length = bytes->size();
    if (value && !text) text = fy_token_get_text(value, &length);
    node.scalar.assign(text ? text : "", text ? length : 0);
    node.quoted = style != FYSS_PLAIN;
    // A quoted text starts at its opening quote, as an editor shows it (libfyaml marks the letter after).
    if ((style == FYSS_SINGLE_QUOTED || style == FYSS_DOUBLE_QUOTED) && node.where.column > 1) --node.where.column;
    if (!node.quoted && null_word(node.scalar)) {
      node.kind = SourceNode::Kind::null;
      node.scalar.clear();
    } else {
      node.kind = SourceNode::Kind::scalar;
    }
    if (!count(1, node.scalar.size())) return false;
    // The file was checked before parsing; escapes ("\0", "\uD800"), which only double-quoted text
    // has, can still make bad text. Other styles hold the file's own bytes, spaces and line breaks.
    if (const auto problem = style == FYSS_DOUBLE_QUOTED ? find_utf8_problem(node.scalar) : std::nullopt) {
      diags_.error(node.where, fmt::format("this text holds {} once its escapes are read", problem->what),
                   "remove the escape sequence (\\0, \\x…, \\u…) that makes it");
      node.scalar.clear();
    }
    return add(std::move(node), token_text(anchor), 1);
  }
  // An alias repeats its anchor's value: counted in full against the limits before it is copied.
  bool alias(const fy_mark* mark, fy_token* anchor) {
    SourceLocation at = where(mark);
    if (at.column > 1) --at.column;  // at its '*', as for quoted text
    const auto found = anchors_.find(token_text(anchor));
    if (found == anchors_.end()) {
      diags_.error(at, fmt::format("invalid YAML: the alias *{} names no anchor", token_text(anchor)),
                   "define the anchor (&name) before the alias, or write the value out");
      return false;
    }
    if (!count(found->second.nodes, found->second.bytes)) return false;
    SourceNode copy = found->second.node;
    copy.where = at;
    return add(std::move(copy), "", found->second.nodes);
  }

  std::optional<SourceNode> take_root() { return std::move(root_); }

 private:
  // A plain scalar written on one line is its bytes in the input: no escapes, no folding. libfyaml
  // copies a third of them out all the same (some 4,000 instructions each, a tenth of loading).
  std::optional<std::string_view> plain_on_one_line(fy_token* value) const {
    const fy_mark* start = fy_token_start_mark(value);
    const fy_mark* end = fy_token_end_mark(value);
    if (!start || !end || start->line != end->line || end->input_pos < start->input_pos || end->input_pos > input_.size())
      return std::nullopt;
    return input_.substr(start->input_pos, end->input_pos - start->input_pos);
  }

  struct Open {
    SourceNode node;
    std::string anchor;
    std::optional<SourceNode> pending_key;  // a mapping's key waiting for its value
    std::size_t nodes_before = 0;
    // A mapping's keys so far, by text, for finding a repeated one: made only for a mapping of many
    // keys (a source's have a handful, which a look along its entries finds sooner).
    std::unordered_map<std::string, int> key_lines;
  };
  struct Anchored {
    SourceNode node;
    std::size_t nodes = 0, bytes = 0;
  };

  bool add(SourceNode node, const std::string& anchor, std::size_t nodes) {
    if (!anchor.empty()) anchors_[anchor] = Anchored{node, nodes, text_bytes(node)};
    if (open_.empty()) {
      if (!root_) root_ = std::move(node);  // the first document is the file's
      return true;
    }
    Open& parent = open_.back();
    if (parent.node.kind == SourceNode::Kind::sequence) {
      parent.node.items.push_back(std::move(node));
      return true;
    }
    if (!parent.pending_key) {
      parent.pending_key = std::move(node);
      return true;
    }
    SourceNode key = std::move(*parent.pending_key);
    parent.pending_key.reset();
    if (!key.is_scalar()) {
      if (key.where.line == 0) key.where = parent.node.where;  // an empty key has no position of its own
      diags_.error(key.where, "a key must be plain text");
      return true;
    }
    // YAML forbids duplicate keys; say where the first one is.
    if (const int first_line = line_of_key(parent, key.scalar)) {
      diags_.error(key.where, fmt::format("duplicate key '{}'", key.scalar),
                   fmt::format("'{}' is already set on line {}; keep one of them", key.scalar, first_line));
      return true;
    }
    parent.node.entries.push_back(SourceEntry{std::move(key), std::move(node)});
    if (!parent.key_lines.empty() || parent.node.entries.size() == many_keys)
      for (std::size_t i = parent.key_lines.size(); i < parent.node.entries.size(); ++i)
        parent.key_lines.emplace(parent.node.entries[i].key.scalar, parent.node.entries[i].key.where.line);
    return true;
  }

  static constexpr std::size_t many_keys = 16;

  // The line of the mapping's earlier key with this text, or 0.
  static int line_of_key(const Open& parent, const std::string& key) {
    if (parent.key_lines.empty()) {
      for (const auto& entry : parent.node.entries)
        if (entry.key.scalar == key) return entry.key.where.line;
      return 0;
    }
    const auto found = parent.key_lines.find(key);
    return found == parent.key_lines.end() ? 0 : found->second;
  }

  static std::size_t text_bytes(const SourceNode& node) {
    std::size_t bytes = node.scalar.size();
    for (const auto& item : node.items) bytes += text_bytes(item);
    for (const auto& entry : node.entries) bytes += text_bytes(entry.key) + text_bytes(entry.value);
    return bytes;
  }

  bool count(std::size_t nodes, std::size_t bytes) {
    nodes_ += nodes;
    bytes_ += bytes;
    if (nodes_ > limits_.max_nodes) {
      report_limit(location_in(file_), fmt::format("the document holds more than {} values", limits_.max_nodes),
                   "split it into several files, and remove repeated YAML aliases (*name): Practicebook sources "
                   "do not need them");
      return false;
    }
    if (bytes_ > limits_.max_expanded_bytes) {
      report_limit(location_in(file_),
                   fmt::format("the document expands to more than {} MB of text", limits_.max_expanded_bytes >> 20),
                   "split it into several files, and remove repeated YAML aliases (*name): Practicebook sources "
                   "do not need them");
      return false;
    }
    return true;
  }

  void report_limit(const SourceLocation& where, std::string message, std::string hint) {
    if (reported_limit_) return;
    diags_.error(where, std::move(message), std::move(hint));
    reported_limit_ = true;
  }

  static std::string token_text(fy_token* token) {
    if (!token) return "";
    std::size_t length = 0;
    const char* text = fy_token_get_text(token, &length);
    return text ? std::string(text, length) : "";
  }

  SourceLocation where(const fy_mark* mark) const {
    if (!mark) return location_in(file_);
    return location_in(file_, mark->line + 1, mark->column + 1);
  }

  std::string_view input_;  // the text being parsed
  std::shared_ptr<const std::string> file_;
  Diagnostics& diags_;
  const SourceLimits& limits_;
  std::vector<Open> open_;
  std::unordered_map<std::string, Anchored> anchors_;
  std::optional<SourceNode> root_;
  std::size_t nodes_ = 0, bytes_ = 0;
  bool reported_limit_ = false;
};

// libfyaml's parser and the diagnostics it collects, freed however parsing ends.
struct Parser {
  fy_diag* diag = nullptr;
  fy_parser* parser = nullptr;
  Parser() {
    fy_diag_cfg dcfg;
    fy_diag_cfg_default(&dcfg);
    dcfg.fp = nullptr;
    diag = fy_diag_create(&dcfg);
    if (diag) fy_diag_set_collect_errors(diag, true);
    fy_parse_cfg cfg{};
    // Duplicate keys are ours to report, with the line of the first one.
    cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_ALLOW_DUPLICATE_KEYS | FYPCF_DISABLE_MMAP_OPT);
    cfg.diag = diag;
    parser = fy_parser_create(&cfg);
  }
  ~Parser() {
    if (parser) fy_parser_destroy(parser);
    if (diag) fy_diag_destroy(diag);
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
};

// libfyaml's messages are terse and lower-case; keep them, but make the common ones say what to do.
std::string hint_for_parse_error(const std::string& msg) {
  if (msg.find("flow sequence") != std::string::npos) return "a list opened with '[' is not closed with ']'";
  if (msg.find("flow mapping") != std::string::npos) return "a mapping opened with '{' is not closed with '}'";
  if (msg.find("tab") != std::string::npos) return "indent with spaces; YAML does not allow tabs";
  if (msg.find("key") != std::string::npos || msg.find("mapping") != std::string::npos ||
      msg.find("indend") != std::string::npos || msg.find("indent") != std::string::npos)
    return "check the indentation (keys of one mapping line up) and quote any text that contains ': '";
  return "compare the line with a file that builds, or see https://yaml.org/spec/1.2.2/";
}

// The first line indented with a tab, if any: YAML refuses tabs there, and the parser's own message
// for them ("invalid multiline plain key") points elsewhere.
std::optional<std::pair<int, int>> tab_in_indentation(std::string_view text) {
  int line = 1;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    for (std::size_t i = start; i < end && (text[i] == ' ' || text[i] == '\t'); ++i)
      if (text[i] == '\t') return std::pair{line, static_cast<int>(i - start) + 1};
    start = end + 1;
    ++line;
  }
  return std::nullopt;
}

// A UTF-8 byte order mark and CRLF (or lone CR) line ends, as editors on Windows write them, read
// exactly like plain LF files: positions stay those an editor shows. The text between carriage
// returns is copied a run at a time (most files have none).
std::string normalized(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::string out;
  out.reserve(text.size());
  for (std::size_t from = 0;;) {
    const std::size_t cr = text.find('\r', from);
    out.append(text, from, cr == std::string_view::npos ? std::string_view::npos : cr - from);
    if (cr == std::string_view::npos) break;
    if (cr + 1 >= text.size() || text[cr + 1] != '\n') out += '\n';
    from = cr + 1;
  }
  return out;
}

std::string encoding_hint(const Utf8Problem& problem) {
  if (problem.what.find("control character") != std::string::npos || problem.what.find("NUL") != std::string::npos)
    return "delete the character (most editors do not show it), then save the file again";
  return "save the file as UTF-8 (in Word, Notepad or Excel: Save As, then Encoding: UTF-8); a curly quote or "
         "dash pasted from Word is the usual cause";
}

}  // namespace

std::optional<SourceNode> parse_yaml(const std::string& raw, std::shared_ptr<const std::string> file,
                                     Diagnostics& diags, const SourceLimits& limits) {
  const std::string text = normalized(raw);
  if (const auto problems = find_utf8_problems(text, 20); !problems.empty()) {
    for (const auto& problem : problems) {
      const auto [line, column] = line_column_at(text, problem.offset);
      diags.error(location_in(file, line, column), problem.what, encoding_hint(problem));
    }
    return std::nullopt;
  }
  if (text.size() > limits.max_file_bytes) {
    diags.error(location_in(file), fmt::format("the file is too large ({} bytes; the limit is {} bytes)",
                                               text.size(), limits.max_file_bytes),
                "split the content into several section files");
    return std::nullopt;
  }
  Parser parser;
  if (!parser.parser || fy_parser_set_string(parser.parser, text.data(), text.size()) != 0)
    throw std::runtime_error("the YAML parser could not be set up");
  Builder builder(text, file, diags, limits);
  bool ok = true, in_first_document = false, done = false;
  while (ok && !done) {
    fy_event* event = fy_parser_parse(parser.parser);
    if (!event) break;  // the end, or a syntax error (collected below)
    const fy_mark* mark = fy_event_start_mark(event);
    switch (event->type) {
      case FYET_DOCUMENT_START: in_first_document = true; break;
      case FYET_DOCUMENT_END: done = in_first_document; break;  // later documents are not read
      case FYET_MAPPING_START:
        ok = builder.start_collection(SourceNode::Kind::map, mark, event->mapping_start.anchor);
        break;
      case FYET_SEQUENCE_START:
        ok = builder.start_collection(SourceNode::Kind::sequence, mark, event->sequence_start.anchor);
        break;
      case FYET_MAPPING_END:
      case FYET_SEQUENCE_END: ok = builder.end_collection(); break;
      case FYET_SCALAR: ok = builder.scalar(mark, event->scalar.value, event->scalar.anchor); break;
      case FYET_ALIAS: ok = builder.alias(mark, event->alias.anchor); break;
      default: break;
    }
    fy_parser_event_free(parser.parser, event);
  }
  if (ok && done) {
    // Only the first document is read: a later one (after a '---' line) would be lost without a word.
    if (fy_event* next = fy_parser_parse(parser.parser)) {
      if (next->type == FYET_DOCUMENT_START) {
        const fy_mark* mark = fy_event_start_mark(next);
        diags.warning(location_in(file, mark ? mark->line + 1 : 0, mark ? mark->column + 1 : 0),
                      "a second YAML document (after a '---' line) is not read",
                      "a source file holds one document: remove the '---' line, or move what follows into a file of its own");
      }
      fy_parser_event_free(parser.parser, next);
    }
  }
  if (ok && fy_parser_get_stream_error(parser.parser)) {
    // The first error is the one to fix; the rest usually follow from it. libfyaml's positions are 1-based.
    void* iterator = nullptr;
    if (const auto tab = tab_in_indentation(text)) {
      diags.error(location_in(file, tab->first, tab->second), "invalid YAML: a tab in the indentation",
                  hint_for_parse_error("tab"));
    } else if (fy_diag_error* e = parser.diag ? fy_diag_errors_iterate(parser.diag, &iterator) : nullptr) {
      const std::string message = e->msg ? e->msg : "the text cannot be parsed";
      diags.error(location_in(file, std::max(1, e->line), std::max(1, e->column)),
                  fmt::format("invalid YAML: {}", message), hint_for_parse_error(message));
    } else {
      diags.error(location_in(file), "invalid YAML: the text cannot be parsed", hint_for_parse_error(""));
    }
    return std::nullopt;
  }
  if (!ok) return std::nullopt;
  SourceNode out = builder.take_root().value_or(SourceNode{});
  if (out.where.line == 0) out.where = location_in(file, 1, 1);
  return out;
}

std::optional<SourceNode> load_yaml_file(const std::filesystem::path& path, const std::string& shown_path,
                                         Diagnostics& diags, const SourceLimits& limits) {
  auto file = std::make_shared<const std::string>(shown_path);
  auto too_large = [&](std::uintmax_t size) {
    diags.error(location_in(file), fmt::format("the file is too large ({} bytes; the limit is {} bytes)",
                                               size, limits.max_file_bytes),
                "split the content into several section files");
  };
  // A huge file is refused by its size, without being read.
  const FileRead read = read_file(path, limits.max_file_bytes);
  if (read.too_large) {
    too_large(read.too_large);
    return std::nullopt;
  }
  if (!read.ok()) {
    report_unreadable(read, location_in(file), diags);
    return std::nullopt;
  }
  return parse_yaml(read.bytes, file, diags, limits);
}

}  // namespace pb::content
