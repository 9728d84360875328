#pragma once
// Audio files the CLI reads: WAV (dsp/io/WavFile) and FLAC (libFLAC, linked only by the CLI so
// the DSP core keeps its few dependencies).
#include "dsp/io/WavFile.h"

#include <string>

namespace iemeq::cli {

// By content, not extension: "fLaC" is FLAC, anything else goes to the WAV reader.
AudioData readAudioFile(const std::string& path);

AudioData readFlac(const std::string& path);

} // namespace iemeq::cli
