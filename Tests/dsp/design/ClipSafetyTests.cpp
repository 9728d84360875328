// Clip safety: the preamp makes a full-scale sine at any frequency (a slow sweep 5 Hz-0.49 fs)
// come out at or below 0 dBFS, measured through the real engines (BiquadCascade for parametric
// corrections, PartitionedConvolver for FIR), for designs at 44.1/48/96/192 kHz and for every
// shipped preset; and the peak finder behind it finds true maxima (DC, between grid points,
// Nyquist), rounding only towards safety.
#include "PeqTestSupport.h"

#include "dsp/design/ClipSafePreamp.h"
#include "dsp/design/FirCorrection.h"
#include "dsp/engine/BiquadCascade.h"
#include "dsp/engine/PartitionedConvolver.h"
#include "dsp/preset/Preset.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <numbers>

using namespace iemeq;
using namespace iemeq::test;

namespace {

// A full-scale exponential sine sweep from 5 Hz to 0.49 fs (slow enough that a Q 6 peak at
// 20 Hz settles: the measured peak is the steady-state gain, not a transient of the sweep).
std::vector<float> sweep(double fs, double seconds = 8.0)
{
    const double f0 = 5.0, f1 = 0.49 * fs, k = std::log(f1 / f0);
    const std::size_t n = static_cast<std::size_t>(seconds * fs);
    std::vector<float> x(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double t = static_cast<double>(i) / fs;
        const double phase = 2.0 * std::numbers::pi * f0 * seconds / k * (std::exp(t / seconds * k) - 1.0);
        x[i] = static_cast<float>(std::sin(phase));
    }
    return x;
}

double peakAbs(const std::vector<float>& y)
{
    double m = 0.0;
    for (float v : y)
        m = std::max(m, static_cast<double>(std::abs(v)));
    return m;
}

// Largest output sample of the sweep through the filters and the preamp in the real cascade.
double sweepPeakParametric(const std::vector<PeqFilter>& filters, double preampDb, double fs)
{
    std::vector<BiquadCoeffs> c;
    for (const auto& f : filters)
        c.push_back(rbjCoefficients(f, fs));
    BiquadCascade cascade;
    cascade.setSections(c.data(), static_cast<int>(c.size()), -1, true);
    cascade.setOutputGain(std::pow(10.0, preampDb / 20.0), true);
    std::vector<float> x = sweep(fs);
    for (std::size_t i = 0; i < x.size(); i += 512) {
        float* ch[1] = { x.data() + i };
        cascade.process(ch, 1, static_cast<int>(std::min<std::size_t>(512, x.size() - i)));
    }
    return peakAbs(x);
}

// The same through the partitioned convolver with a kernel and its preamp.
double sweepPeakFir(const std::vector<float>& taps, double preampDb, double fs)
{
    PartitionedConvolver conv;
    PartitionedConvolver::Config cfg;
    cfg.sampleRate = fs;
    cfg.maxKernelTaps = static_cast<int>(taps.size());
    cfg.numChannels = 1;
    conv.prepare(cfg);
    std::vector<float> scaled(taps);
    const float g = static_cast<float>(std::pow(10.0, preampDb / 20.0));
    for (float& v : scaled)
        v *= g;
    conv.setKernelNow(conv.makeKernel({ scaled }));
    std::vector<float> x = sweep(fs);
    x.resize(x.size() + taps.size(), 0.0f);  // let the kernel's tail out
    for (std::size_t i = 0; i < x.size(); i += 512) {
        float* ch[1] = { x.data() + i };
        conv.process(ch, 1, static_cast<int>(std::min<std::size_t>(512, x.size() - i)));
    }
    return peakAbs(x);
}

} // namespace

TEST_CASE("cascadePeak finds the true maximum: at DC, between grid points, at Nyquist", "[design][preamp]")
{
    // A low shelf's maximum is its gain, reached at DC (18.9 Hz is not enough to see it).
    const ResponsePeak shelf = cascadePeak({ { FilterType::LowShelf, 105.0, 6.0, 0.7 } }, 48000.0);
    CHECK(shelf.db == Approx(6.0).margin(1e-9));
    CHECK(shelf.hz < 1.0);
    // A narrow peak between any fixed grid's points: found to 1e-6 dB.
    for (double fc : { 1001.7, 37.3, 15123.9 }) {
        const PeqFilter pk { FilterType::Peaking, fc, 5.0, 6.0 };
        const ResponsePeak p = cascadePeak({ pk }, 44100.0);
        double best = -1e9;
        for (double f = p.hz * 0.999; f <= p.hz * 1.001; f += p.hz * 1e-6)
            best = std::max(best, eqResponseDb({ pk }, f, 44100.0));
        CHECK(p.db >= best - 1e-6);
        CHECK(p.db == Approx(5.0).margin(0.01));
    }
    // A high shelf's maximum is at Nyquist, above any audible-band scan.
    const ResponsePeak hs = cascadePeak({ { FilterType::HighShelf, 10000.0, 4.0, 0.7 } }, 48000.0);
    CHECK(hs.hz > 0.45 * 48000.0);
    CHECK(hs.db == Approx(eqResponseDb({ { FilterType::HighShelf, 10000.0, 4.0, 0.7 } }, 24000.0, 48000.0)).margin(1e-9));
    // Cuts only: no boost to make room for.
    CHECK(clipSafePreampDb(cascadePeak({ { FilterType::Peaking, 1000.0, -6.0, 1.0 } }, 48000.0).db) == 0.0);
}

TEST_CASE("clipSafePreampDb rounds away from zero (only ever more headroom)", "[design][preamp]")
{
    CHECK(clipSafePreampDb(0.0) == 0.0);
    CHECK(clipSafePreampDb(-2.0) == 0.0);
    CHECK(clipSafePreampDb(2.96) == -3.0);
    CHECK(clipSafePreampDb(3.0) == -3.1);  // exactly 3.0 dB gets the margin, so -3.1
    CHECK(clipSafePreampDb(2.901) == -3.0);
    CHECK(clipSafePreampDb(0.38) == -0.4);  // the old FIR rule (-floor) left this at -0.3
    for (double peak = 0.001; peak < 12.0; peak += 0.0137)
        CHECK(peak + clipSafePreampDb(peak) <= -kClipMarginDb + 1e-12);
}

TEST_CASE("A full-scale sweep through parametric designs at 44.1/48/96/192 kHz stays at or below 0 dBFS", "[design][preamp][sweep]")
{
    const FrequencyCurve target = autoEqTarget();
    for (const std::string name : { "BASN MMCX", "EPZ Q1", "Simgot EW200" }) {
        const FrequencyCurve raw = iemMean(name);
        for (double fs : { 44100.0, 48000.0, 96000.0, 192000.0 }) {
            PeqSettings s;
            s.fs = fs;
            s.hops = 4;
            const PeqDesign d = designPeq(raw, target, s);
            const double peak = sweepPeakParametric(d.filters, d.preampDb, fs);
            INFO(name << " at " << fs << " Hz: preamp " << d.preampDb << " dB, sweep peak " << 20 * std::log10(peak) << " dBFS");
            CHECK(peak <= 1.0);
            CHECK(peak > std::pow(10.0, -0.2 / 20.0));  // and the preamp is not wasteful
        }
    }
}

TEST_CASE("A full-scale sweep through FIR corrections (min and linear phase) stays at or below 0 dBFS", "[design][preamp][sweep]")
{
    const FrequencyCurve target = autoEqTarget();
    for (const std::string name : { "BASN MMCX", "EPZ Q1" })
        for (double fs : { 44100.0, 96000.0 })
            for (FirPhase phase : { FirPhase::Minimum, FirPhase::Linear }) {
                const FirCorrection fc = designFirCorrection(iemMean(name), target, 1.0, phase, fs);
                const std::vector<float> taps(fc.kernel.taps.begin(), fc.kernel.taps.end());
                const double peak = sweepPeakFir(taps, fc.preampDb, fs);
                INFO(name << " at " << fs << (phase == FirPhase::Linear ? " linear" : " minimum") << ": preamp " << fc.preampDb
                          << " dB, sweep peak " << 20 * std::log10(peak) << " dBFS");
                CHECK(peak <= 1.0);
                CHECK(peak > std::pow(10.0, -0.3 / 20.0));
                CHECK(firPeak(fc.kernel.taps, fs).db + fc.preampDb <= 0.0);
            }
}

TEST_CASE("Every shipped preset, realised at its sample rate with its preamp, stays at or below 0 dBFS", "[design][preamp][sweep][presets]")
{
    int checked = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(repoPath("Presets"))) {
        const auto path = e.path();
        if (path.extension() != ".json" || path.parent_path().filename() == "devices" || path.filename().string().find("schema") != std::string::npos)
            continue;
        INFO(path.string());
        const Preset p = loadPresetFile(path.string());
        const double fs = p.result.fs;
        if (p.spec.fir()) {
            const Correction c = designCorrection(p.spec, fs);
            for (const auto& ch : c.perChannel)
                CHECK(sweepPeakFir(ch.firTaps, c.preampDb, fs) <= 1.0);
        } else {
            for (const auto& filters : p.result.filters) {
                const double peak = sweepPeakParametric(filters, p.result.preampDb, fs);
                INFO("preamp " << p.result.preampDb << " dB, sweep peak " << 20 * std::log10(peak) << " dBFS");
                CHECK(peak <= 1.0);
            }
        }
        ++checked;
    }
    CHECK(checked >= 20);
}
