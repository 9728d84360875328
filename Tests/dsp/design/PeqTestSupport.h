#pragma once
// Shared helpers of the parametric-designer tests: fixtures on AutoEq's grid and the scores the
// project's AutoEq comparison (../shared/tools/peq_vs_autoeq.py) uses, with RBJ biquads as APO
// prints them:
//   residual  RMS of measurement + EQ - target over 20 Hz-10 kHz, mean removed (the old score)
//   r1        the same over 20 Hz-6 kHz: the band a coupler measures reliably (the score now)
//   r2        treble level: RMS over 6-16 kHz of the error's 1-octave moving average, about r1's mean
//   rg        treble roughness: RMS over 6-16 kHz of the EQ minus its own 1-octave moving average
#include "../../TestData.h"

#include "dsp/analysis/Metrics.h"
#include "dsp/core/AtomicFile.h"
#include "dsp/curve/LogGrid.h"
#include "dsp/design/PeqDesigner.h"
#include "dsp/io/ApoFormat.h"
#include "dsp/io/CurveReader.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>

namespace iemeq::test {

inline const std::vector<double>& autoEqGrid()
{
    static const std::vector<double> g = makeRatioGrid(20.0, 20000.0, 1.01);
    return g;
}

// dB mean of "<base> L.txt" and "<base> R.txt" (or L alone) on AutoEq's grid.
inline FrequencyCurve iemMeanOf(const std::string& base)
{
    std::vector<FrequencyCurve> ch { readCurveFile(base + " L.txt") };
    if (std::filesystem::exists(base + " R.txt"))
        ch.push_back(readCurveFile(base + " R.txt"));
    return averageDb(ch, autoEqGrid());
}

inline FrequencyCurve iemMean(const std::string& name)
{
    return iemMeanOf(dataPath("measurements/regancipher/" + name));
}

// Every IEM in Tests/data/measurements (any source folder): {name, dB mean of its channels}.
inline std::vector<std::pair<std::string, FrequencyCurve>> sharedIems()
{
    std::vector<std::string> bases;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dataPath("measurements"))) {
        const std::string p = e.path().string();
        if (p.size() > 6 && p.compare(p.size() - 6, 6, " L.txt") == 0)
            bases.push_back(p.substr(0, p.size() - 6));
    }
    std::sort(bases.begin(), bases.end());
    std::vector<std::pair<std::string, FrequencyCurve>> out;
    for (const auto& b : bases)
        out.push_back({ std::filesystem::path(b).filename().string(), iemMeanOf(b) });
    return out;
}

inline FrequencyCurve autoEqTarget()
{
    return resample(readCurveFile(dataPath("targets/autoeq/AutoEq in-ear results target (from Regan Cipher EW200 results CSV).csv")),
                    autoEqGrid());
}

inline FrequencyCurve harman2019Target()
{
    return resample(readCurveFile(dataPath("targets/HarutoHiroki_PublicGraphTool/Harman IE 2019v2 Target.txt")), autoEqGrid());
}

inline PeqDesign autoEqRerun(const std::string& name)
{
    const std::string p = dataPath("autoeq_rerun/regancipher/" + name + " ParametricEQ.txt");
    return parseApo(readFileBytes(p), p);
}

struct Score {
    double residual = 0.0, maxBoost = 0.0, trebleOffset = 0.0, maxAbsGain = 0.0;
    double r1 = 0.0, r2 = 0.0, rg = 0.0;
};

// Moving average over a window `octaves` wide, centred in log-frequency (the judge's smoothing).
inline std::vector<double> movingAverage(const std::vector<double>& v, const std::vector<double>& f, double octaves)
{
    std::vector<double> out(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
        double acc = 0.0;
        int n = 0;
        for (std::size_t j = 0; j < v.size(); ++j)
            if (std::abs(std::log2(f[j] / f[i])) <= 0.5 * octaves + 1e-12) {
                acc += v[j];
                ++n;
            }
        out[i] = acc / n;
    }
    return out;
}

// Scores the filters exactly as a ParametricEQ.txt would carry them.
inline Score score(const PeqDesign& d, const FrequencyCurve& raw, const FrequencyCurve& target, double fs = 48000.0)
{
    const PeqDesign printed = parseApo(formatApo(d), "printed");
    const FrequencyCurve eq = eqCurve(printed.filters, raw.freq, fs);
    const FrequencyCurve corrected = add(raw, eq);
    Score s;
    s.residual = rmsErrorDb(corrected, target);
    s.maxBoost = *std::max_element(eq.db.begin(), eq.db.end());
    s.trebleOffset = meanErrorDb(corrected, target, 10000.0001, 20000.0) - meanErrorDb(corrected, target, 20.0, 10000.0);
    for (const auto& f : printed.filters)
        s.maxAbsGain = std::max(s.maxAbsGain, std::abs(f.gainDb));
    const auto& f = raw.freq;
    std::vector<double> err(f.size());
    double mean = 0.0;
    int n = 0;
    for (std::size_t i = 0; i < f.size(); ++i) {
        err[i] = corrected.db[i] - target.db[i];
        if (f[i] >= 20.0 && f[i] <= 6000.0) {
            mean += err[i];
            ++n;
        }
    }
    mean /= n;
    const auto errSmooth = movingAverage(err, f, 1.0), eqSmooth = movingAverage(eq.db, f, 1.0);
    double s1 = 0.0, s2 = 0.0, sg = 0.0;
    int n2 = 0;
    for (std::size_t i = 0; i < f.size(); ++i) {
        if (f[i] >= 20.0 && f[i] <= 6000.0)
            s1 += (err[i] - mean) * (err[i] - mean);
        if (f[i] >= 6000.0 && f[i] <= 16000.0) {
            s2 += (errSmooth[i] - mean) * (errSmooth[i] - mean);
            sg += (eq.db[i] - eqSmooth[i]) * (eq.db[i] - eqSmooth[i]);
            ++n2;
        }
    }
    s.r1 = std::sqrt(s1 / n);
    s.r2 = std::sqrt(s2 / n2);
    s.rg = std::sqrt(sg / n2);
    return s;
}

} // namespace iemeq::test
