#pragma once
// A listening test's results as a Markdown section ("## Listening test"): what was compared, the
// score, the p-value, the verdict and the trials. `iemeq report --listening` puts it into
// report.md; the app can export the same text.
#include "ListeningResults.h"

#include <string>

namespace iemeq::listening {

std::string resultsMarkdown(const ListeningResults& r);

} // namespace iemeq::listening
