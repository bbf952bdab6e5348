#pragma once
// English stems from Snowball (Debian's libstemmer): "changes", "changing" and "change" compare equal.
// A Stemmer is not thread-safe; make one per thread.
#include <memory>
#include <string>
#include <string_view>

struct sb_stemmer;

namespace pb::inline compare {

class Stemmer {
 public:
  Stemmer();
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // The stem of one lowercase word.
  std::string stem(std::string_view word);

 private:
  sb_stemmer* stemmer_;
};

}  // namespace pb::compare
