#pragma once
// Project-wide JUCE module configuration, included by every JUCE module in every iemeq target
// (plugin formats, standalone app, plugin tests, benchmarks) through JUCE_APP_CONFIG_HEADER.
// One place for the module flags, so no target builds JUCE with different settings.

// No web views, no network stack: an EQ plugin has no business opening sockets.
#define JUCE_WEB_BROWSER 0
#define JUCE_USE_CURL 0
#define JUCE_LOAD_CURL_SYMBOLS_LAZILY 0

// Audio files the standalone player and the host tests read (Debian ships the codecs as
// system libraries; JUCE links them instead of its bundled copies).
#define JUCE_USE_FLAC 1
#define JUCE_USE_OGGVORBIS 1
#define JUCE_USE_MP3AUDIOFORMAT 1
#define JUCE_USE_LAME_AUDIO_FORMAT 0
#define JUCE_USE_WINDOWS_MEDIA_FORMAT 0

// Plugin hosting is off for the product; the host-test target turns VST3/LV2 hosting on with
// compile definitions, to load the built plugins as a DAW would.
#ifndef JUCE_PLUGINHOST_VST3
 #define JUCE_PLUGINHOST_VST3 0
#endif
#ifndef JUCE_PLUGINHOST_LV2
 #define JUCE_PLUGINHOST_LV2 0
#endif
#define JUCE_PLUGINHOST_VST 0
#define JUCE_PLUGINHOST_AU 0

// The standalone wrapper: audio via ALSA and JACK.
#define JUCE_ALSA 1
#define JUCE_JACK 1

// Strict JUCE: assertions on in debug builds only; no splash, no usage reporting.
#define JUCE_DISPLAY_SPLASH_SCREEN 0
#define JUCE_REPORT_APP_USAGE 0
#define JUCE_STRICT_REFCOUNTEDPOINTER 1
#define JUCE_USE_XRANDR 1
#define JUCE_USE_XINERAMA 1
