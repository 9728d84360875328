// `--treble smooth|fit|off` chooses the treble policy (dsp/design/TreblePolicy.h) for every mode;
// the old number form is now --treble-gain (a shelf on the target) and `--treble 3` says so.
#include "../TestData.h"
#include "../dsp/design/PeqTestSupport.h"

#include "CliRunner.h"

#include <catch2/catch.hpp>

using namespace iemeq;
using namespace iemeq::test;

namespace {

std::string ew200Args()
{
    return "--fr " + quoted(dataPath("measurements/regancipher/Simgot EW200 L.txt")) + " --fr " +
           quoted(dataPath("measurements/regancipher/Simgot EW200 R.txt")) + " --target " +
           quoted(dataPath("targets/autoeq/AutoEq in-ear results target (from Regan Cipher EW200 results CSV).csv"));
}

PeqDesign designed(const std::string& extra)
{
    const CliRun r = runCli("design " + ew200Args() + " --format apo " + extra);
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    return parseApo(r.out.substr(r.out.find("Preamp:")), "stdout");
}

} // namespace

TEST_CASE("design --treble smooth|fit|off: the policy reaches the designer", "[cli][design][treble]")
{
    const FrequencyCurve raw = iemMean("Simgot EW200"), target = autoEqTarget();
    const PeqDesign byDefault = designed(""), smooth = designed("--treble smooth"), fit = designed("--treble fit"),
                    off = designed("--treble off");
    CHECK(byDefault == smooth);  // smooth is the default
    const Score s = score(smooth, raw, target), f = score(fit, raw, target);
    INFO("smooth: residual to 10 kHz " << s.residual << ", roughness " << s.rg << "; fit: " << f.residual << ", " << f.rg);
    CHECK(f.residual < s.residual);  // fit chases the 6-10 kHz detail...
    CHECK(f.rg > s.rg);              // ...with a rougher treble
    const FrequencyCurve eq = eqCurve(off.filters, raw.freq, 48000.0);
    for (std::size_t i = 0; i < raw.size(); ++i)
        if (raw.freq[i] >= 9000.0 && raw.freq[i] <= 16000.0)
            CHECK(std::abs(eq.db[i]) < 1.0);  // off: no correction up there
}

TEST_CASE("treble flag: --treble takes a policy, a number points to --treble-gain", "[cli][design][treble]")
{
    CliRun r = runCli("design " + ew200Args() + " --treble 3");
    CHECK(r.exitCode != 0);
    CHECK(r.out.find("--treble-gain 3") != std::string::npos);
    r = runCli("design " + ew200Args() + " --treble -2.5");
    CHECK(r.exitCode != 0);
    CHECK(r.out.find("--treble-gain -2.5") != std::string::npos);
    r = runCli("design " + ew200Args() + " --treble loud");
    CHECK(r.exitCode != 0);
    CHECK(r.out.find("smooth, fit or off") != std::string::npos);
    // The target's treble shelf is --treble-gain: 3 dB more target treble, more EQ treble.
    const FrequencyCurve raw = iemMean("Simgot EW200");
    const PeqDesign plain = designed(""), brighter = designed("--treble-gain 3");
    auto rel = [&](const PeqDesign& d) { return eqResponseDb(d.filters, 14000.0, 48000.0) - eqResponseDb(d.filters, 1000.0, 48000.0); };
    CHECK(rel(brighter) - rel(plain) == Approx(3.0).margin(1.0));
}
