// The host tests' own main: JUCE's runtime lives inside main(), and the plugin formats (with the
// loaded plugin modules) are released before it shuts down, as a DAW would on exit.
#define CATCH_CONFIG_RUNNER
#include "HostHarness.h"

#include <catch2/catch.hpp>

int main(int argc, char** argv)
{
    juce::ScopedJuceInitialiser_GUI runtime;
    const int result = Catch::Session().run(argc, argv);
    iemeq::test::releaseFormats();
    return result;
}
