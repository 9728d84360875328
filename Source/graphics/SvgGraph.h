#pragma once
// A review graph as SVG text (plain text, no JUCE): the same layout as the PNG.
#include "GraphSpec.h"

#include <string>

namespace iemeq::graphics {

std::string graphSvg(const GraphSpec& spec);

} // namespace iemeq::graphics
