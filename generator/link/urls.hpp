#pragma once
// The URL layout of the built site (DESIGN.md's URL contract), in one place. Paths are relative to the
// site root and always name a file ("…/index.html"), so they work from file:// as well as over HTTP.
#include <cstddef>
#include <string>

#include "content/model.hpp"

namespace pb::inline link::urls {

std::string home();
std::string not_found();
std::string sitemap();
std::string sitemap_part(std::size_t n);  // "sitemaps/sitemap-2.xml": one part of a large site's sitemap
std::string stylesheet();
std::string model(const Model& m);
std::string model_json(const Model& m);
std::string changes(const Model& m);          // what changed from the edition it supersedes
std::string shared_language();
// Part 1 is "compare/shared-language.json"; a large site's later parts are its siblings
// "compare/shared-language-2.json", …
std::string shared_language_json(std::size_t part = 1);
std::string section(const Model& m, const Section& s);
std::string statement(const Model& m, const Section& s, const Statement& st);
std::string priority(const Model& m, const Statement& st);
std::string model_role(const Model& m, const std::string& role);
std::string role(const std::string& role);
std::string glossary();
std::string term(const std::string& term);
std::string compare();
std::string compare_topic(const std::string& topic);
// An external framework against every model, and against one model in full.
std::string framework(const std::string& framework);
std::string framework_model(const std::string& framework, const Model& m);
std::string search();
std::string search_index();
std::string search_shard(std::size_t n);   // "search/shard-3.js": one part of the search index
std::string asset(const std::string& name);
std::string handouts();
std::string checklist(const Model& m, const std::string& role);
std::string self_assessment(const Model& m, const std::string& role);
std::string one_pager(const Model& m, const Section& s);
std::string topic_sheet(const std::string& topic);
// A cross-model page split by state (large sites): the page of one state beside `page`
// ("compare/topics/x/index.html" → "compare/topics/x/states/<slug>/index.html"), its page `number`
// of results past the first at ".../states/<slug>/<number>/index.html".
std::string state_page(const std::string& page, const std::string& slug, std::size_t number = 1);
// Numbered pages of results under a summary: "compare/shared-language/index.html" → "…/<number>/index.html".
std::string results_page(const std::string& page, std::size_t number);
// The PDF printed beside a handout page: "handouts/x/roles/worker/<name>.pdf".
std::string pdf_beside(const std::string& handout_page, const std::string& name);

// How to reach `target` (a root-relative path) from the page at `from` (also root-relative).
std::string relative(const std::string& from, const std::string& target);

}  // namespace pb::link::urls
