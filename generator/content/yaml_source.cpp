// The only file that includes yaml-cpp: it turns a YAML document into SourceNodes with positions.
#include <yaml-cpp/yaml.h>

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <unordered_map>

#include "content/source_node.hpp"
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

class Converter {
 public:
  Converter(std::shared_ptr<const std::string> file, Diagnostics& diags, const SourceLimits& limits)
      : file_(std::move(file)), diags_(diags), limits_(limits) {}

  // Returns false when a limit was hit; the partial tree must then be discarded.
  bool convert(const YAML::Node& in, SourceNode& out, int depth) {
    if (++nodes_ > limits_.max_nodes || bytes_ > limits_.max_expanded_bytes) {
      if (!reported_limit_) {
        diags_.error(location_in(file_),
                     nodes_ > limits_.max_nodes
                         ? fmt::format("the document holds more than {} values", limits_.max_nodes)
                         : fmt::format("the document expands to more than {} MB of text",
                                       limits_.max_expanded_bytes >> 20),
                     "split it into several files, and remove repeated YAML aliases (*name): Practicebook "
                     "sources do not need them");
        reported_limit_ = true;
      }
      return false;
    }
    out.where = where(in);
    if (depth > limits_.max_depth) {
      if (!reported_limit_) {
        diags_.error(out.where, fmt::format("values are nested more than {} levels deep", limits_.max_depth),
                     "flatten the structure; statements nest at most two levels");
        reported_limit_ = true;
      }
      return false;
    }
    switch (in.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        out.kind = SourceNode::Kind::null;
        return true;
      case YAML::NodeType::Scalar:
        out.kind = SourceNode::Kind::scalar;
        out.scalar = in.Scalar();
        out.quoted = in.Tag() == "!";
        bytes_ += out.scalar.size();
        // The file was checked before parsing; escapes ("\0", "\uD800") can still make bad text.
        if (const auto problem = find_utf8_problem(out.scalar)) {
          diags_.error(out.where, fmt::format("this text holds {} once its escapes are read", problem->what),
                       "remove the escape sequence (\\0, \\x…, \\u…) that makes it");
          out.scalar.clear();
        }
        return true;
      case YAML::NodeType::Sequence:
        out.kind = SourceNode::Kind::sequence;
        out.items.reserve(in.size());
        for (const auto& child : in) {
          out.items.emplace_back();
          if (!convert(child, out.items.back(), depth + 1)) return false;
        }
        return true;
      case YAML::NodeType::Map: {
        out.kind = SourceNode::Kind::map;
        std::unordered_map<std::string, int> first_line;  // yaml-cpp keeps duplicates: we refuse them
        for (const auto& kv : in) {
          SourceNode key, value;
          if (!convert(kv.first, key, depth + 1)) return false;
          if (!convert(kv.second, value, depth + 1)) return false;
          if (!key.is_scalar()) {
            diags_.error(key.where, "a key must be plain text");
            continue;
          }
          auto [it, inserted] = first_line.emplace(key.scalar, key.where.line);
          if (!inserted) {
            diags_.error(key.where, fmt::format("duplicate key '{}'", key.scalar),
                         fmt::format("'{}' is already set on line {}; keep one of them", key.scalar, it->second));
            continue;
          }
          out.entries.push_back(SourceEntry{std::move(key), std::move(value)});
        }
        return true;
      }
    }
    return true;
  }

 private:
  SourceLocation where(const YAML::Node& node) const {
    const YAML::Mark mark = node.Mark();
    if (mark.is_null()) return location_in(file_);
    return location_in(file_, mark.line + 1, mark.column + 1);
  }

  std::shared_ptr<const std::string> file_;
  Diagnostics& diags_;
  const SourceLimits& limits_;
  std::size_t nodes_ = 0, bytes_ = 0;
  bool reported_limit_ = false;
};

// yaml-cpp's messages are terse and lower-case; keep them, but make the common ones say what to do.
std::string hint_for_parse_error(const std::string& msg) {
  if (msg.find("sequence flow") != std::string::npos) return "a list opened with '[' is not closed with ']'";
  if (msg.find("map flow") != std::string::npos) return "a mapping opened with '{' is not closed with '}'";
  if (msg.find("tab") != std::string::npos) return "indent with spaces; YAML does not allow tabs";
  if (msg.find("map") != std::string::npos || msg.find("indentation") != std::string::npos)
    return "check the indentation (keys of one mapping line up) and quote any text that contains ': '";
  return "compare the line with a file that builds, or see https://yaml.org/spec/1.2.2/";
}

// A UTF-8 byte order mark and CRLF (or lone CR) line ends, as editors on Windows write them, read
// exactly like plain LF files: positions stay those an editor shows.
std::string normalized(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') out += text[i];
    else if (i + 1 >= text.size() || text[i + 1] != '\n') out += '\n';
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
  if (const auto problem = find_utf8_problem(text)) {
    const auto [line, column] = line_column_at(text, problem->offset);
    diags.error(location_in(file, line, column), problem->what, encoding_hint(*problem));
    return std::nullopt;
  }
  if (text.size() > limits.max_file_bytes) {
    diags.error(location_in(file), fmt::format("the file is too large ({} bytes; the limit is {} bytes)",
                                               text.size(), limits.max_file_bytes),
                "split the content into several section files");
    return std::nullopt;
  }
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    const int line = e.mark.is_null() ? 0 : e.mark.line + 1;
    const int column = e.mark.is_null() ? 0 : e.mark.column + 1;
    diags.error(location_in(file, line, column), fmt::format("invalid YAML: {}", e.msg),
                hint_for_parse_error(e.msg));
    return std::nullopt;
  }
  SourceNode out;
  Converter converter(file, diags, limits);
  try {
    if (!converter.convert(root, out, 0)) return std::nullopt;
  } catch (const YAML::Exception& e) {  // e.g. a bad alias met while walking
    diags.error(location_in(file, e.mark.line + 1, e.mark.column + 1), fmt::format("invalid YAML: {}", e.msg));
    return std::nullopt;
  }
  if (out.where.line == 0) out.where = location_in(file, 1, 1);
  return out;
}

std::optional<SourceNode> load_yaml_file(const std::filesystem::path& path, const std::string& shown_path,
                                         Diagnostics& diags, const SourceLimits& limits) {
  auto file = std::make_shared<const std::string>(shown_path);
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    diags.error(location_in(file), fmt::format("cannot read the file: {}", ec.message()));
    return std::nullopt;
  }
  if (size > limits.max_file_bytes) {
    diags.error(location_in(file), fmt::format("the file is too large ({} bytes; the limit is {} bytes)",
                                               size, limits.max_file_bytes),
                "split the content into several section files");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.error(location_in(file), "cannot open the file");
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_yaml(buffer.str(), file, diags, limits);
}

}  // namespace pb::content
