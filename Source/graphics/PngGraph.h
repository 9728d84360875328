#pragma once
// A review graph rendered to PNG. The interface is JUCE-free; the implementation (PngGraph.cpp,
// in the iemeq_graphics library) draws with JUCE's software renderer, so no display is needed.
#include "GraphSpec.h"

#include <cstdint>
#include <string>
#include <vector>

namespace iemeq::graphics {

// The PNG file's bytes.
std::string graphPng(const GraphSpec& spec);

// Renders and writes atomically; throws iemeq::Error naming the file on failure.
void writeGraphPng(const GraphSpec& spec, const std::string& path);

// A decoded image, row-major, one Rgb per pixel (alpha dropped: graphs are opaque).
struct RgbImage {
    int width = 0, height = 0;
    std::vector<Rgb> pixels;
    const Rgb& at(int x, int y) const { return pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)]; }
};

// Reads a PNG (for tests and tools); throws iemeq::Error if the file is not a readable image.
RgbImage readPng(const std::string& path);

} // namespace iemeq::graphics
