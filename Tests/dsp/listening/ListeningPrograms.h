#pragma once
// Programme material for the loudness-match tests, synthesised (deterministic) so the repository
// needs no music: noise with a given spectral slope and a bass-heavy synthetic track.
#include "dsp/io/WavFile.h"
#include "dsp/rt/FftwPlannerLock.h"

#include <fftw3.h>

#include <cmath>
#include <complex>
#include <cstdint>
#include <mutex>
#include <random>
#include <vector>

namespace iemeq::test {

inline constexpr double kTwoPi = 6.283185307179586476925;

// Scales every channel so the highest |sample| is `peakDbfs`.
inline void normalisePeak(AudioData& a, double peakDbfs)
{
    float peak = 0.0f;
    for (const auto& c : a.channels)
        for (float x : c)
            peak = std::max(peak, std::abs(x));
    const double g = std::pow(10.0, peakDbfs / 20.0) / peak;
    for (auto& c : a.channels)
        for (auto& x : c)
            x = static_cast<float>(g * x);
}

// Stereo noise (independent channels) whose power falls by `slopeDbPerOctave` (-3: pink),
// band-limited to 20 Hz-20 kHz, made in the frequency domain (random phases, exact magnitudes),
// 2^19 samples (10.9 s at 48 kHz), peak -3 dBFS.
inline AudioData slopedNoise(double slopeDbPerOctave, double fs = 48000.0, std::uint32_t seed = 1)
{
    const int n = 1 << 19;
    AudioData a;
    a.sampleRate = fs;
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> phase(0.0, kTwoPi);
    const double exponent = slopeDbPerOctave / (20.0 * std::log10(2.0));  // amplitude ~ f^exponent
    for (int ch = 0; ch < 2; ++ch) {
        std::vector<std::complex<double>> spec(static_cast<std::size_t>(n / 2 + 1));
        std::vector<double> time(static_cast<std::size_t>(n));
        for (int k = 0; k <= n / 2; ++k) {
            const double f = k * fs / n;
            const double mag = (f >= 20.0 && f <= 20000.0) ? std::pow(f / 1000.0, exponent) : 0.0;
            const double ph = phase(rng);
            spec[static_cast<std::size_t>(k)] = std::polar(mag, ph);
        }
        fftw_plan plan;
        {
            std::lock_guard<std::mutex> lock(rt::fftwPlannerMutex());
            plan = fftw_plan_dft_c2r_1d(n, reinterpret_cast<fftw_complex*>(spec.data()), time.data(), FFTW_ESTIMATE);
        }
        fftw_execute(plan);
        {
            std::lock_guard<std::mutex> lock(rt::fftwPlannerMutex());
            fftw_destroy_plan(plan);
        }
        a.channels.emplace_back(time.begin(), time.end());
    }
    normalisePeak(a, -3.0);
    return a;
}

// A bass-heavy synthetic track, 120 bpm, 11 s: a kick on every beat (a sine gliding 110 -> 45 Hz,
// 250 ms decay), a bass line of eighth notes (41-65 Hz, six harmonics), hi-hats on the off-beats
// (noise, differentiated twice for a treble-heavy spectrum, 30 ms decay) and a quiet 1-3 kHz
// lead. Most of its power is below 120 Hz, like electronic and hip-hop masters. Peak -3 dBFS.
inline AudioData bassHeavyTrack(double fs = 48000.0)
{
    const std::size_t n = static_cast<std::size_t>(11.0 * fs);
    AudioData a;
    a.sampleRate = fs;
    a.channels.assign(2, std::vector<float>(n, 0.0f));
    const double beat = 0.5;
    const double notes[] = { 55.0, 55.0, 65.41, 49.0, 41.2, 41.2, 49.0, 61.74 };
    const double lead[] = { 1318.5, 1568.0, 1760.0, 2093.0 };
    std::mt19937 rng(7);
    std::normal_distribution<double> white(0.0, 1.0);
    double w1 = 0.0, w2 = 0.0;
    double kickPhase = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double t = static_cast<double>(i) / fs;
        const double tb = std::fmod(t, beat);                    // time since the beat
        const double te = std::fmod(t, beat / 2.0);              // since the eighth note
        const int eighth = static_cast<int>(t / (beat / 2.0));
        const double kickHz = 45.0 + 65.0 * std::exp(-tb / 0.03);
        kickPhase += kTwoPi * kickHz / fs;
        if (tb < 1.0 / fs)
            kickPhase = 0.0;
        const double kick = 0.9 * std::exp(-tb / 0.25) * std::sin(kickPhase);
        const double f0 = notes[eighth % 8];
        double bass = 0.0;
        for (int h = 1; h <= 6; ++h)
            bass += std::sin(kTwoPi * f0 * h * t) / std::pow(h, 1.5);
        bass *= 0.35 * (1.0 - std::exp(-te / 0.005)) * (0.6 + 0.4 * std::exp(-te / 0.08));
        const double w = white(rng);
        const double d1 = w - w1, d2 = d1 - w2;  // differentiated twice: power rising 12 dB/oct
        w1 = w;
        w2 = d1;
        const double hatEnv = tb >= beat / 2.0 ? std::exp(-(tb - beat / 2.0) / 0.03) : 0.0;
        const double hat = 0.05 * hatEnv * d2;
        const double leadNote = lead[(eighth / 4) % 4];
        const double leadSig = 0.04 * std::sin(kTwoPi * leadNote * t) * (0.5 + 0.5 * std::sin(kTwoPi * 3.0 * t));
        a.channels[0][i] = static_cast<float>(kick + bass + 0.8 * hat + leadSig);
        a.channels[1][i] = static_cast<float>(kick + bass + 1.2 * hat + leadSig);
    }
    normalisePeak(a, -3.0);
    return a;
}

} // namespace iemeq::test
