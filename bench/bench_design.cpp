// Parametric designer benchmark: in-process design time per IEM over the whole shared data set,
// and residuals against AutoEq's own re-run results (../shared/data/autoeq_rerun/) plus, for the
// IEMs AutoEq was not re-run on, against a simple greedy baseline (generalisation check).
#include "Bench.h"

#include "dsp/analysis/Metrics.h"
#include "dsp/core/AtomicFile.h"
#include "dsp/curve/LogGrid.h"
#include "dsp/design/PeqDesigner.h"
#include "dsp/io/ApoFormat.h"
#include "dsp/io/CurveReader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>

namespace {

using namespace iemeq;
namespace fs = std::filesystem;

// CPU time of this thread: on a shared 2-core machine wall time mostly measures the neighbours.
double cpuSeconds()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

// The simple baseline: each peak on the largest remaining error, Q from a short list, then
// coordinate descent on the gains (iemeq's first designer). Same AutoEq budget.
std::vector<PeqFilter> greedyBaseline(const FrequencyCurve& m, const FrequencyCurve& t)
{
    std::vector<double> freq, need;
    for (std::size_t i = 0; i < m.size(); ++i)
        if (m.freq[i] >= 20.0 && m.freq[i] <= 10000.0) {
            freq.push_back(m.freq[i]);
            need.push_back(t.db[i] - m.db[i]);
        }
    auto cost = [&](const std::vector<PeqFilter>& f) {
        const FrequencyCurve eq = eqCurve(f, freq, 48000.0);
        double mean = 0.0;
        for (std::size_t i = 0; i < freq.size(); ++i) mean += eq.db[i] - need[i];
        mean /= static_cast<double>(freq.size());
        double ss = 0.0;
        for (std::size_t i = 0; i < freq.size(); ++i) ss += std::pow(eq.db[i] - need[i] - mean, 2);
        return ss;
    };
    std::vector<PeqFilter> f { { FilterType::LowShelf, 105.0, 0.0, 0.7 }, { FilterType::HighShelf, 10000.0, 0.0, 0.7 } };
    for (int k = 0; k < 8; ++k) {
        const FrequencyCurve eq = eqCurve(f, freq, 48000.0);
        double mean = 0.0;
        for (std::size_t i = 0; i < freq.size(); ++i) mean += need[i] - eq.db[i];
        mean /= static_cast<double>(freq.size());
        std::size_t best = 0;
        for (std::size_t i = 0; i < freq.size(); ++i)
            if (std::abs(need[i] - eq.db[i] - mean) > std::abs(need[best] - eq.db[best] - mean)) best = i;
        PeqFilter cand { FilterType::Peaking, freq[best], std::clamp(need[best] - eq.db[best] - mean, -12.0, 12.0), 1.0 };
        double bc = 1e300;
        PeqFilter bf = cand;
        for (double q : { 0.3, 0.5, 0.8, 1.2, 2.0, 3.0, 4.5 }) {
            cand.q = q;
            auto tr = f;
            tr.push_back(cand);
            const double c = cost(tr);
            if (c < bc) { bc = c; bf = cand; }
        }
        f.push_back(bf);
    }
    for (int pass = 0; pass < 3; ++pass)
        for (std::size_t k = 0; k < f.size(); ++k)
            for (double step = 1.0; step > 0.05; step *= 0.5)
                for (double dir : { 1.0, -1.0 }) {
                    auto tr = f;
                    tr[k].gainDb = std::clamp(tr[k].gainDb + dir * step, -12.0, 12.0);
                    if (cost(tr) < cost(f)) f = tr;
                }
    return f;
}

struct Iem {
    std::string source, name;
    FrequencyCurve raw;  // dB mean of L and R on AutoEq's grid
    std::string autoEqResult;
};

double trebleOffset(const FrequencyCurve& corrected, const FrequencyCurve& target)
{
    return meanErrorDb(corrected, target, 10000.0 * 1.0000001, 20000.0) - meanErrorDb(corrected, target, 20.0, 10000.0);
}

void run()
{
    const fs::path data = fs::path(IEMEQ_SOURCE_DIR) / ".." / "shared" / "data";
    if (!fs::exists(data / "measurements")) {
        std::printf("skipped: %s not found\n", data.string().c_str());
        return;
    }
    const auto grid = makeRatioGrid(20.0, 20000.0, 1.01);
    const FrequencyCurve aeTarget = resample(readCurveFile((data / "targets/autoeq/AutoEq in-ear results target (from Regan Cipher EW200 results CSV).csv").string()), grid);
    const FrequencyCurve harman = resample(readCurveFile((data / "targets/waitwhataudio/Harman in-ear 2019Target.txt").string()), grid);

    std::vector<Iem> iems;
    std::vector<fs::path> dirs;
    for (const auto& d : fs::directory_iterator(data / "measurements")) dirs.push_back(d.path());
    std::sort(dirs.begin(), dirs.end());
    for (const auto& dir : dirs) {
        std::vector<fs::path> lefts;
        for (const auto& f : fs::directory_iterator(dir))
            if (f.path().filename().string().ends_with(" L.txt")) lefts.push_back(f.path());
        std::sort(lefts.begin(), lefts.end());
        for (const auto& l : lefts) {
            Iem iem;
            iem.source = dir.filename().string();
            const std::string file = l.filename().string();
            iem.name = file.substr(0, file.size() - 6);
            std::vector<FrequencyCurve> ch { readCurveFile(l.string()) };
            const fs::path r = dir / (iem.name + " R.txt");
            if (fs::exists(r)) ch.push_back(readCurveFile(r.string()));
            iem.raw = averageDb(ch, grid);
            const fs::path ae = data / "autoeq_rerun" / iem.source / (iem.name + " ParametricEQ.txt");
            if (fs::exists(ae)) iem.autoEqResult = ae.string();
            iems.push_back(std::move(iem));
        }
    }

    PeqSettings s;
    s.layout = PeqLayout::AutoEq;
    s.fs = 48000.0;
    std::vector<double> times, cpuTimes, ratiosAe, ratiosBase;
    int better = 0, withAe = 0, breaks = 0;
    for (const auto& iem : iems) {
        const FrequencyCurve& target = iem.autoEqResult.empty() ? harman : aeTarget;
        std::vector<double> t, c;
        PeqDesign d;
        for (int rep = 0; rep < 5; ++rep) {
            const double t0 = bench::nowSeconds(), c0 = cpuSeconds();
            d = designPeq(iem.raw, target, s);
            t.push_back(bench::nowSeconds() - t0);
            c.push_back(cpuSeconds() - c0);
        }
        times.push_back(median(t));
        cpuTimes.push_back(median(c));
        // Score exactly as printed in ParametricEQ.txt.
        const PeqDesign printed = parseApo(formatApo(d), "design");
        const FrequencyCurve ours = add(iem.raw, eqCurve(printed.filters, grid, 48000.0));
        const double rOurs = rmsErrorDb(ours, target);
        const FrequencyCurve eqOurs = eqCurve(printed.filters, grid, 48000.0);
        const double boost = *std::max_element(eqOurs.db.begin(), eqOurs.db.end());
        double maxGain = 0.0;
        for (const auto& f : printed.filters) maxGain = std::max(maxGain, std::abs(f.gainDb));
        const double tOurs = trebleOffset(ours, target);
        std::vector<PeqFilter> ref;
        const char* refName = "AutoEq";
        if (!iem.autoEqResult.empty()) {
            ref = parseApo(readFileBytes(iem.autoEqResult), iem.autoEqResult).filters;
        } else {
            ref = greedyBaseline(iem.raw, target);
            refName = "greedy";
        }
        const FrequencyCurve theirs = add(iem.raw, eqCurve(ref, grid, 48000.0));
        const double rRef = rmsErrorDb(theirs, target);
        const double tRef = trebleOffset(theirs, target);
        const bool broke = boost > 7.0 || std::abs(tOurs) > std::abs(tRef) + 1.0 || maxGain > 12.0;
        breaks += broke;
        if (!iem.autoEqResult.empty()) {
            ++withAe;
            better += rOurs <= rRef + 1e-9;
            ratiosAe.push_back(rOurs / rRef);
        } else {
            ratiosBase.push_back(rOurs / rRef);
        }
        std::printf("%-14s %-26s %6.2f ms  iemeq %.3f dB  %-6s %.3f dB  ratio %.2f  boost %+.1f  10-20k %+.1f (%+.1f)%s\n",
                    iem.source.c_str(), iem.name.c_str(), times.back() * 1e3, rOurs, refName, rRef, rOurs / rRef, boost,
                    tOurs, tRef, broke ? "  CONSTRAINT" : "");
    }
    std::printf("median design time per IEM: %.2f ms wall, %.2f ms CPU, over %zu IEMs (goal < 5 ms; AutoEq ~75 ms CPU)\n",
                median(times) * 1e3, median(cpuTimes) * 1e3, iems.size());
    std::printf("vs AutoEq re-run: %d/%d no worse, median ratio %.2f (bar: 95%%, 0.30)\n", better, withAe, median(ratiosAe));
    std::printf("unseen IEMs vs greedy baseline (Harman 2019): median ratio %.2f over %zu IEMs; constraint breaks overall: %d\n",
                median(ratiosBase), ratiosBase.size(), breaks);
}

const iemeq::bench::Register reg("design", run);

} // namespace
