// Import: extraction repair, structure recognition, the YAML it writes, and its errors word for word.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "compare/topic_suggestions.hpp"
#include "content/read_content.hpp"
#include "import/draft_writer.hpp"
#include "import/import_model.hpp"
#include "import/recognize.hpp"
#include "import/source_text.hpp"
#include "import/text_units.hpp"
#include "test_support.hpp"

using namespace pb;
namespace fs = std::filesystem;

namespace {

RoleResolver four_roles() {
  return [](const std::string& name) -> std::optional<std::string> {
    for (const std::string id : {"worker", "supervisor", "area leadership", "state leadership"})
      if (name == id || name == id + "s") {
        std::string out = id;
        std::replace(out.begin(), out.end(), ' ', '-');
        return out;
      }
    return std::nullopt;
  };
}

DraftModel recognize_text(const std::string& text, ImportNotes& notes) {
  const SourceDocument doc = text_document("doc.txt", text);
  const auto units = units_of(doc, notes);
  return recognize(units, acronyms_of(doc), four_roles(), notes);
}

std::vector<std::string> texts(const std::vector<DraftItem>& items) {
  std::vector<std::string> out;
  for (const auto& item : items) out.push_back(item.text);
  return out;
}

// A one-page PDF with nothing drawn: a text layer it does not have. Poppler rebuilds the cross-reference
// table, so offsets need not be exact.
const char* empty_pdf =
    "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    "2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj\n"
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n"
    "4 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n"
    "trailer << /Root 1 0 R >>\n%%EOF\n";

}  // namespace

TEST_CASE("headings printed in capitals become Title Case; acronyms the text uses stay in capitals") {
  const std::vector<std::string> acronyms = {"DCFS", "CQI"};
  CHECK(title_case("RELATIONSHIPS WITH CHILDREN, YOUTH, AND FAMILIES ARE THE FOUNDATION", acronyms) ==
        "Relationships with Children, Youth, and Families Are the Foundation");
  CHECK(title_case("DCFS PRIORITIES", acronyms) == "DCFS Priorities");
  CHECK(title_case("KEY WORKER ACTIONS: DO I...", acronyms) == "Key Worker Actions: Do I...");
  CHECK(title_case("A FOCUS ON LONG-TERM SAFETY", acronyms) == "A Focus on Long-Term Safety");
}

TEST_CASE("extraction repair: hyphens the document spells whole are joined, TM is ™, furniture set aside") {
  ImportNotes notes;
  const auto doc = text_document("doc.txt",
                                 "- Ensure services are evidence-\ninformed and outcomes are meas-\nured.\n\n"
                                 "- Hold a Team Decision MakingTM meeting.\n14\n- \n- Staff measured what mattered.\n");
  const auto units = units_of(doc, notes);
  REQUIRE(units.size() == 3);
  // "measured" is written whole elsewhere, "evidenceinformed" is not: one hyphen goes, one stays.
  CHECK(units[0].text == "Ensure services are evidence-informed and outcomes are measured.");
  CHECK(units[1].text == "Hold a Team Decision Making\u2122 meeting.");
  CHECK(notes.lines[5].where == "set aside: a page number");
  CHECK(notes.lines[6].where == "set aside: an empty bullet");
  CHECK(notes.lines[5].set_aside);
}

TEST_CASE("a labelled section with a sidebar quote, principles, practice and role actions") {
  ImportNotes notes;
  const DraftModel m = recognize_text(
      "We value families.\n\nVALUE 1\n\nFAMILIES FIRST\n\nGUIDING PRINCIPLES\n\n1. Listen first.\n"
      "2. Keep connections to:\n - siblings;\n - school.\n\nAGENCY PRACTICE\n\n- Plan with families.\n\n"
      "KEY WORKER ACTIONS: DO I...\n\n- Ask the family?\n\nKEY AREA LEADERSHIP ACTIONS: DO I...\n\n- Review plans?\n",
      notes);
  REQUIRE(m.sections.size() == 1);
  const DraftSection& s = m.sections[0];
  CHECK(s.label == "Value 1");
  CHECK(s.title == "Families First");
  CHECK(s.summary == "We value families.");
  REQUIRE(s.blocks.size() == 4);
  CHECK(s.blocks[0].kind == "principles");
  CHECK(s.blocks[0].numbered);
  CHECK(texts(s.blocks[0].items[1].children) == std::vector<std::string>{"siblings;", "school."});
  CHECK(s.blocks[1].kind == "practice");
  CHECK(s.blocks[2].role == "worker");
  CHECK(s.blocks[3].role == "area-leadership");
  CHECK(s.blocks[3].heading == "Key Area Leadership Actions: Do I...");
}

TEST_CASE("a belief followed by its numbered list starts a section; a closing line ends the model") {
  ImportNotes notes;
  const DraftModel m = recognize_text(
      "Westmark Practice Model\n\nThe model guides our work with every family.\n\n"
      "We believe children belong in families.\n\n1. Keep families together.\n2. Place with kin.\n\n"
      "We believe in teamwork.\n\n1. Plan as a team.\n\nTogether for Westmark families.\n",
      notes);
  CHECK(m.title == "Westmark Practice Model");
  CHECK(m.intro == "The model guides our work with every family.");
  REQUIRE(m.sections.size() == 2);
  CHECK(m.sections[0].title == "We believe children belong in families.");
  CHECK(m.sections[0].blocks[0].kind == "beliefs");
  CHECK(texts(m.sections[1].blocks[0].items) == std::vector<std::string>{"Plan as a team."});
  CHECK(m.closing == "Together for Westmark families.");
}

TEST_CASE("role headings stacked after one list are kept for the split, and said") {
  ImportNotes notes;
  DraftModel m = recognize_text(
      "VALUE 1\n\nSAFETY\n\n1. Be safe.\n\n- Plan safety.\n\nGUIDING PRINCIPLES\n\nAGENCY PRACTICE\n\n"
      "  Ask the worker?\n\n  Ask the leader?\n\nKEY SUPERVISOR ACTIONS: DO I...\n\nKEY STATE LEADERSHIP ACTIONS: DO I...\n",
      notes);
  const auto& blocks = m.sections.at(0).blocks;
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[0].heading == "Guiding Principles");
  CHECK(blocks[1].heading == "Agency Practice");
  CHECK(blocks[2].role == "supervisor");
  REQUIRE(blocks[2].stacked.size() == 1);
  CHECK(blocks[2].stacked[0].role == "state-leadership");
}

TEST_CASE("the draft's YAML reads back with every text exactly as recognised") {
  DraftModel m;
  m.id = "x";
  m.title = "Quotes \"and\" colons: # all kept";
  m.jurisdiction = "Westmark";
  m.agency = "Agency";
  DraftSection s;
  s.id = "first";
  s.title = "First";
  DraftBlock b;
  b.kind = "actions";
  b.role = "worker";
  b.items.push_back({"Do I say: \"yes\" & mean it?", {1}, {}, {"safety"}});
  s.blocks.push_back(b);
  m.sections.push_back(s);
  const YAML::Node model = YAML::Load(model_yaml(m));
  CHECK(model["title"].as<std::string>() == m.title);
  CHECK(model["edition"].as<std::string>() == "Draft");
  const std::string section = section_yaml(m.sections[0]);
  CHECK(section.find("# topics? [safety]") != std::string::npos);
  const YAML::Node parsed = YAML::Load(section);
  CHECK(parsed["blocks"][0]["items"][0]["text"].as<std::string>() == "Do I say: \"yes\" & mean it?");
  CHECK(!parsed["blocks"][0]["items"][0]["topics"]);  // a suggestion is not a topic until a person says so
  CHECK(section_files(m) == std::vector<std::string>{"sections/01-first.yaml"});
}

TEST_CASE("a file that is neither PDF nor text, a damaged PDF, a scan and too many pages: errors word for word") {
  test::TempDir dir;
  Diagnostics diags;
  dir.write("logo.png", std::string("\x89PNG\r\n\x1a\n", 8));
  CHECK_FALSE(read_source(dir.path() / "logo.png", {}, diags));
  dir.write("broken.pdf", "%PDF-1.7\n% nothing else\n");
  CHECK_FALSE(read_source(dir.path() / "broken.pdf", {}, diags));
  dir.write("scan.pdf", empty_pdf);
  CHECK_FALSE(read_source(dir.path() / "scan.pdf", {}, diags));
  CHECK_FALSE(read_source(dir.path() / "scan.pdf", {.max_pages = 1}, diags));
  CHECK_FALSE(read_source(dir.path() / "missing.txt", {}, diags));
  std::filesystem::create_symlink("/proc/self/mem", dir.path() / "unreadable.txt");  // unreadable even as root
  CHECK_FALSE(read_source(dir.path() / "unreadable.txt", {}, diags));
  CHECK_FALSE(read_source("/dev/zero", {}, diags));  // it exists: not "no such file"
  dir.write("empty.pdf", "");  // saved empty: read as an empty text
  CHECK_FALSE(read_source(dir.path() / "empty.pdf", {}, diags));
  dir.write("blank.txt", " \n\t\r\n \n");
  CHECK_FALSE(read_source(dir.path() / "blank.txt", {}, diags));
  const std::string p = dir.path().generic_string() + "/";
  CHECK(test::formatted(diags) ==
        std::vector<std::string>{
            "/dev/zero: error: cannot read the file: not a regular file (a device, pipe or socket)\n"
            "  hint: check that it is a file you may read (its permissions, or where a link points)",
            p + "blank.txt: error: the file holds only blank space: there is no text to import\n"
                "  hint: import the PDF or text of the practice model itself",
            p + "broken.pdf: error: this PDF cannot be read: it is damaged, incomplete or encrypted\n"
                "  hint: open it in a PDF reader and save or print it to a new PDF, then import that",
            p + "empty.pdf: error: the file is empty: there is no text to import\n"
                "  hint: import the PDF or text of the practice model itself",
            p + "logo.png: error: this is neither a PDF nor a UTF-8 text file: byte 0x89 is not valid UTF-8 (at offset 0)\n"
                "  hint: import a PDF, or a text or Markdown extraction saved as UTF-8 (e.g. `pdftotext -layout file.pdf`)",
            p + "missing.txt: error: no such file\n  hint: give the path of the PDF or text file to import",
            p + "scan.pdf: error: this PDF has no text layer (a scan?): there is no text to import\n"
                "  hint: run OCR first (e.g. 'ocrmypdf in.pdf out.pdf'), then import the result",
            p + "scan.pdf: error: this PDF has 2 pages; import reads at most 1\n"
                "  hint: extract the pages that hold the practice model (e.g. 'qpdf in.pdf --pages . 1-20 -- out.pdf')",
            p + "unreadable.txt: error: cannot read the file: Input/output error\n"
                "  hint: check that it is a file you may read (its permissions, or where a link points)",
        });
}

TEST_CASE("an id that is not an id, or that exists, is refused before anything is read or written") {
  const fs::path content = fs::path(PB_SOURCE_DIR) / "content";
  Diagnostics diags;
  ImportOptions options;
  options.file = "seed.txt";
  options.content_dir = content;
  options.id = "Maine_2024";
  CHECK_FALSE(import_model(options, diags).ok);
  options.id = "me-practice-model";
  CHECK_FALSE(import_model(options, diags).ok);
  const auto shown = test::formatted(diags);
  REQUIRE(shown.size() == 2);
  CHECK(shown[0] == content.generic_string() +
                        "/models/me-practice-model: error: a model 'me-practice-model' already exists; import never "
                        "overwrites\n  hint: choose another --id, or remove that folder first");
  CHECK(shown[1] == "seed.txt: error: 'Maine_2024' cannot be a model id: it becomes a folder name and part of every "
                    "address\n  hint: use lowercase letters, digits and single hyphens, e.g. --id ar-practice-model-2025");
}

TEST_CASE("topics are suggested from the most similar tagged statement") {
  const fs::path content = fs::path(PB_SOURCE_DIR) / "content";
  Diagnostics diags;
  const auto result = read_content({content, {}}, diags);
  REQUIRE(result.site);
  const TopicSuggester suggester(*result.site);
  const auto topics = suggester.suggest("Recognize and appreciate the culture of each family.");
  REQUIRE_FALSE(topics.empty());
  CHECK(topics.front() == "cultural-responsiveness");
  CHECK(suggester.suggest("Zebras quietly juggle marmalade.").empty());
}

TEST_CASE("questions under a role heading whose bullets were drawn become one action each; symbol-font bullets") {
  ImportNotes notes;
  const DraftModel m = recognize_text(
      "VALUE 1\n\nSAFETY\n\nKEY SUPERVISOR ACTIONS: DO I...\n\nAsk the worker about safety? Review\nthe plan?\n\n"
      "AGENCY PRACTICE\n\n\xef\x82\xb7 Plan with families.\n  o with their network.\n",
      notes);
  const auto& blocks = m.sections.at(0).blocks;
  REQUIRE(blocks.size() == 2);
  CHECK(texts(blocks[0].items) == std::vector<std::string>{"Ask the worker about safety?", "Review the plan?"});
  CHECK(texts(blocks[1].items) == std::vector<std::string>{"Plan with families."});
  CHECK(texts(blocks[1].items[0].children) == std::vector<std::string>{"with their network."});
  CHECK(notes.to_do.front() == "lines 7-8: questions without list markers under 'Key Supervisor Actions: Do I...' were "
                               "taken as one action each: check them");
}
