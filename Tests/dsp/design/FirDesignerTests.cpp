// FIR correction kernels realise the requested correction: measured magnitude vs request on real
// measurement/target pairs, both phases, several sample rates; plus the phase properties.
#include "../../TestData.h"
#include "dsp/core/Error.h"
#include "dsp/curve/LogGrid.h"
#include "dsp/design/CorrectionCurve.h"
#include "dsp/design/FirDesigner.h"
#include "dsp/io/CurveReader.h"

#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <vector>

using namespace iemeq;

namespace {

// A correction built the way the plugin builds it (dsp/design/CorrectionCurve.h): target -
// measurement, level-aligned, smoothed (no finer than the default kernel resolves), limited.
FrequencyCurve correctionFor(const std::string& measurementPath, const std::string& targetPath)
{
    const auto grid = makeLogGrid(20.0, 20000.0, 48.0);
    CorrectionCurveSpec spec;
    spec.minResolutionHz = firResolutionHz(defaultFirLength(48000.0), 48000.0);
    auto c = correctionCurve(resample(readCurveFile(measurementPath), grid), resample(readCurveFile(targetPath), grid), spec);
    c.name = measurementPath;
    return c;
}

std::vector<FrequencyCurve> corrections()
{
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(test::dataPath("measurements/regancipher")))
        if (e.path().filename().string().find(" L.txt") != std::string::npos)
            files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    files.resize(std::min<std::size_t>(files.size(), 5));
    files.push_back(test::dataPath("measurements/Simgot EW200 L.txt"));
    const auto target = test::dataPath("targets/HarutoHiroki_PublicGraphTool/Harman IE 2019v2 Target.txt");
    std::vector<FrequencyCurve> out;
    for (const auto& f : files)
        out.push_back(correctionFor(f, target));
    return out;
}

// Largest |realised - requested| in dB over lo..hi (1/48 octave), and where it is.
std::pair<double, double> maxErrorDb(const FirKernel& k, const FrequencyCurve& request, double lo, double hi)
{
    double worst = 0, at = 0;
    for (double f : makeLogGrid(lo, hi, 48.0)) {
        const double e = std::abs(firMagnitudeDb(k.taps, f, k.fs) - levelAt(request, f));
        if (e > worst) {
            worst = e;
            at = f;
        }
    }
    return { worst, at };
}

} // namespace

TEST_CASE("FIR design: realised magnitude within 0.2 dB of the request, 20 Hz-16 kHz", "[design][fir]")
{
    const auto cs = corrections();
    REQUIRE(cs.size() >= 4);
    for (const auto& c : cs)
        for (double fs : { 48000.0, 44100.0, 96000.0 })
            for (FirPhase phase : { FirPhase::Minimum, FirPhase::Linear }) {
                FirSettings s;
                s.fs = fs;
                s.phase = phase;
                const auto k = designFir(c, s);
                CHECK(static_cast<int>(k.taps.size()) == defaultFirLength(fs));
                const bool minimum = phase == FirPhase::Minimum;
                const auto [e, at] = maxErrorDb(k, c, 20.0, 16000.0);
                INFO(c.name << " fs " << fs << (minimum ? " min" : " lin") << " phase: max error " << e << " dB at " << at << " Hz");
                CHECK(e < 0.2);
            }
}

TEST_CASE("FIR design: default length follows the sample rate", "[design][fir]")
{
    CHECK(defaultFirLength(48000) == 8192);
    CHECK(defaultFirLength(96000) == 16384);
    CHECK(defaultFirLength(192000) == 32768);
    CHECK(defaultFirLength(44100) == 7526);
}

TEST_CASE("FIR design: linear phase is symmetric with (N-1)/2 latency; minimum phase is front-loaded", "[design][fir]")
{
    const auto c = corrections().front();
    for (int n : { 4095, 4096 }) {
        FirSettings s;
        s.phase = FirPhase::Linear;
        s.taps = n;
        const auto k = designFir(c, s);
        CHECK(k.latencySamples == (n - 1) / 2);
        double asym = 0, peak = 0;
        for (int i = 0; i < n; ++i) {
            asym = std::max(asym, std::abs(k.taps[static_cast<std::size_t>(i)] - k.taps[static_cast<std::size_t>(n - 1 - i)]));
            peak = std::max(peak, std::abs(k.taps[static_cast<std::size_t>(i)]));
        }
        CHECK(asym < 1e-9 * peak);
        // The peak sits at the centre.
        const auto at = std::max_element(k.taps.begin(), k.taps.end(), [](double a, double b) { return std::abs(a) < std::abs(b); });
        CHECK(std::abs(static_cast<double>(at - k.taps.begin()) - 0.5 * (n - 1)) <= 0.5);
    }
    FirSettings s;
    const auto k = designFir(c, s);
    CHECK(k.latencySamples == 0);
    double total = 0, head = 0;
    for (std::size_t i = 0; i < k.taps.size(); ++i) {
        total += k.taps[i] * k.taps[i];
        if (i < 48)  // first millisecond at 48 kHz
            head += k.taps[i] * k.taps[i];
    }
    CHECK(head / total > 0.9);
}

TEST_CASE("FIR design: DC gain equals the requested low-frequency level exactly", "[design][fir]")
{
    FrequencyCurve c { { 20, 100, 1000, 10000 }, { 4.0, 2.0, 0.0, -3.0 }, "shelf" };
    for (FirPhase phase : { FirPhase::Minimum, FirPhase::Linear }) {
        FirSettings s;
        s.phase = phase;
        s.taps = 2048;
        const auto k = designFir(c, s);
        double sum = 0;
        for (double v : k.taps)
            sum += v;
        CHECK(20 * std::log10(sum) == Approx(4.0).margin(1e-9));
    }
}

TEST_CASE("FIR design: bad requests are refused with a clear error", "[design][fir]")
{
    FrequencyCurve c { { 20, 20000 }, { 0, 0 }, "flat" };
    FirSettings s;
    s.taps = 8;
    CHECK_THROWS_AS(designFir(c, s), Error);
    s.taps = 0;
    s.fs = 0;
    CHECK_THROWS_AS(designFir(c, s), Error);
    CHECK_THROWS_AS(designFir(FrequencyCurve {}, FirSettings {}), Error);
}
