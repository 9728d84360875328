// The plugin tests' main: JUCE's runtime (message manager, timers) lives inside main(), so it
// shuts down before static destruction starts.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <juce_events/juce_events.h>

int main(int argc, char** argv)
{
    juce::ScopedJuceInitialiser_GUI runtime;
    return Catch::Session().run(argc, argv);
}
