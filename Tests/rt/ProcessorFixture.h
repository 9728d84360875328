#pragma once
// Shared by the processor reliability tests: the JUCE runtime, real measurement material, test
// signals and block-wise processing helpers (JUCE's AudioBuffer views over plain vectors).
#include "TestData.h"

#include "dsp/io/CurveReader.h"
#include "plugin/PluginProcessor.h"

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

namespace iemeq::test {

// Never destroyed: as a function-local static its destructor ran at exit after JUCE's own
// DeletedAtShutdown registry was gone, and crashed (seen when a single test case ran alone).
inline void juceRuntime()
{
    static const auto* runtime = new juce::ScopedJuceInitialiser_GUI;
    (void)runtime;
}

inline FrequencyCurve curve(const std::string& relativeToData)
{
    return readCurveFile(dataPath(relativeToData));
}

// Real measurement pairs and targets, loaded once.
struct Material {
    std::vector<std::vector<FrequencyCurve>> measurements;  // L,R pairs and one mono
    std::vector<FrequencyCurve> targets;

    static const Material& get()
    {
        static const Material m = [] {
            Material r;
            for (const char* iem : { "Simgot EW200", "7Hz Zero2", "Moondrop Chu", "EPZ Q1" }) {
                const std::string dir = std::string("measurements/") + (std::string(iem) == "Simgot EW200" ? "" : "regancipher/");
                r.measurements.push_back({ curve(dir + iem + " L.txt"), curve(dir + iem + " R.txt") });
            }
            r.measurements.push_back({ curve("measurements/regancipher/CCA CRA L.txt") });
            for (const char* t : { "Harman in-ear 2019 v2.csv", "Diffuse field (KEMAR 711).csv", "Flat.csv" })
                r.targets.push_back(readCurveFile(repoPath(std::string("Targets/") + t)));
            return r;
        }();
        return m;
    }
};

inline plugin::CorrectionInputs inputs(std::size_t measurement = 0, std::size_t target = 0)
{
    const auto& m = Material::get();
    plugin::CorrectionInputs in;
    in.spec.measurement = m.measurements[measurement % m.measurements.size()];
    in.spec.target = m.targets[target % m.targets.size()];
    in.spec.iemName = in.spec.measurement.front().name;
    in.spec.targetName = in.spec.target.name;
    return in;
}

inline std::vector<float> noise(std::size_t n, float amplitude, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> u(-amplitude, amplitude);
    std::vector<float> x(n);
    for (auto& v : x)
        v = u(rng);
    return x;
}

inline std::vector<float> sineWave(double fs, double hz, double amplitude, std::size_t n)
{
    std::vector<float> x(n);
    for (std::size_t i = 0; i < n; ++i)
        x[i] = static_cast<float>(amplitude * std::sin(2 * std::numbers::pi * hz * static_cast<double>(i) / fs));
    return x;
}

// Processes `channels` (equal lengths) in place in blocks of `block` samples.
inline void processInBlocks(plugin::IemeqProcessor& p, std::vector<std::vector<float>>& channels, int block)
{
    juce::MidiBuffer midi;
    const int n = static_cast<int>(channels.front().size());
    std::vector<float*> ptr(channels.size());
    for (int i = 0; i < n; i += block) {
        const int len = std::min(block, n - i);
        for (std::size_t c = 0; c < channels.size(); ++c)
            ptr[c] = channels[c].data() + i;
        juce::AudioBuffer<float> view(ptr.data(), static_cast<int>(ptr.size()), len);
        p.processBlock(view, midi);
    }
}

inline bool allFinite(const std::vector<std::vector<float>>& channels)
{
    for (const auto& c : channels)
        for (float v : c)
            if (!std::isfinite(v))
                return false;
    return true;
}

inline double peakAbs(const std::vector<float>& x, std::size_t from = 0)
{
    double p = 0;
    for (std::size_t i = from; i < x.size(); ++i)
        p = std::max(p, static_cast<double>(std::abs(x[i])));
    return p;
}

inline double rms(const std::vector<float>& x, std::size_t from, std::size_t to)
{
    double s = 0;
    for (std::size_t i = from; i < to; ++i)
        s += static_cast<double>(x[i]) * x[i];
    return std::sqrt(s / static_cast<double>(to - from));
}

inline void setParam(plugin::IemeqProcessor& p, const char* id, float plainValue)
{
    auto* param = p.parameters().getParameter(id);
    param->setValueNotifyingHost(param->convertTo0to1(plainValue));
}

} // namespace iemeq::test
