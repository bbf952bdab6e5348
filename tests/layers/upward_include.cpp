// Compiled against the content layer only: it includes a header of the views layer, above it, and so
// must fail to build. The `layers` test passes when it does.
#include "views/page.hpp"

int upward_include_is_refused = 0;
