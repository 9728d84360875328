// The host tests' own main: JUCE's runtime lives inside main(), and the plugin formats (with the
// loaded plugin modules) are released before it shuts down, as a DAW would on exit.
#define CATCH_CONFIG_RUNNER
#include "HostHarness.h"

#include <catch2/catch.hpp>

int main(int argc, char** argv)
{
    // Behave like a JUCE application (a DAW is one): JUCE then installs its X11 error handlers,
    // which tolerate e.g. a missing window manager under Xvfb, instead of Xlib's exit-on-error.
    juce::JUCEApplicationBase::createInstance = [] () -> juce::JUCEApplicationBase* { return nullptr; };
    juce::ScopedJuceInitialiser_GUI runtime;
    const int result = Catch::Session().run(argc, argv);
    iemeq::test::releaseFormats();
    return result;
}
