// The A/B/X switch crossfade: every switch (A->X, B->X, X->A ...) fades with the same length and
// shape whichever side X is, outside the fades the output is the selected side sample for sample,
// and a switch to the side already playing changes nothing.
#include "ListeningPrograms.h"

#include "dsp/listening/AbxSession.h"
#include "dsp/listening/SwitchCrossfade.h"

#include <catch2/catch.hpp>

using namespace iemeq;
using namespace iemeq::listening;

namespace {

constexpr double kFs = 48000.0;

// Runs `xf` over mono sources a and b, calling `at(i)` before each block of `block` samples.
template <typename Hook>
std::vector<float> run(SwitchCrossfade& xf, const std::vector<float>& a, const std::vector<float>& b, int block, Hook at)
{
    std::vector<float> out(a.size());
    for (std::size_t i = 0; i < a.size(); i += static_cast<std::size_t>(block)) {
        at(i);
        const int n = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(block), a.size() - i));
        const float* pa[1] = { a.data() + i };
        const float* pb[1] = { b.data() + i };
        float* po[1] = { out.data() + i };
        xf.process(pa, pb, po, 1, n);
    }
    return out;
}

} // namespace

TEST_CASE("Switching A->X and B->X gives crossfades of identical length and shape", "[listening][crossfade]")
{
    SwitchCrossfade xf;
    xf.prepare(kFs);
    REQUIRE(xf.fadeLength() == 960);  // 20 ms
    const std::vector<float> ones(4800, 1.0f), zeros(4800, 0.0f);
    const std::size_t at = 1000;
    auto fadeOf = [&](Side from, Side x) {
        xf.reset(from);
        return run(xf, ones, zeros, 100, [&](std::size_t i) {
            if (i == at)
                xf.switchTo(x);  // what the session plays when the listener presses X
        });
    };
    // A = 1, B = 0: the output is the weight of B.
    const auto aToXisB = fadeOf(Side::A, Side::B);  // falls 1 -> 0
    const auto bToXisA = fadeOf(Side::B, Side::A);  // rises 0 -> 1
    const auto aToXisA = fadeOf(Side::A, Side::A);
    const auto bToXisB = fadeOf(Side::B, Side::B);
    int changing = 0;
    for (std::size_t i = 0; i < ones.size(); ++i) {
        const float wDown = 1.0f - aToXisB[i], wUp = bToXisA[i];
        CHECK(wDown == Approx(wUp).margin(1.2e-7));  // the same shape, sample for sample (to float rounding of 1 - w)
        if (wUp > 0.0f && wUp < 1.0f) {
            ++changing;
            CHECK(i >= at);
            CHECK(i < at + 960);
        }
        CHECK(aToXisA[i] == 1.0f);  // a switch to the side already playing: no bump, no dip
        CHECK(bToXisB[i] == 0.0f);
    }
    CHECK(changing == 960);
    // Raised cosine, equal gain: symmetric about the middle, smooth at both ends.
    for (int i = 0; i < 960; ++i)
        CHECK(xf.weight(i) + xf.weight(959 - i) == Approx(1.0f).margin(1e-6));
    CHECK(xf.weight(0) < 3e-6f);
    CHECK(xf.weight(480) == Approx(0.5f + 0.5f * std::sin(3.14159265f * 0.5f / 960.0f)).margin(1e-6));
}

TEST_CASE("Outside the crossfades the output is the selected side, sample for sample", "[listening][crossfade]")
{
    // Two different programmes so any leak would show.
    const AudioData a = test::slopedNoise(-3.0, kFs, 11), b = test::bassHeavyTrack(kFs);
    const std::vector<float>& sa = a.channels[0];
    const std::vector<float> sb(b.channels[0].begin(), b.channels[0].begin() + static_cast<std::ptrdiff_t>(sa.size()));
    AbxSession session({ "A", "" }, { "B", "" }, 4, 2024);
    SwitchCrossfade xf;
    xf.prepare(kFs);
    xf.reset(session.audibleSide());
    // The listener's presses (sample index -> key), including one during a fade and answers.
    const std::vector<std::pair<std::size_t, char>> presses = { { 48000, 'X' }, { 96000, 'B' }, { 96300, 'X' }, { 150000, 'A' },
                                                                { 200000, '!' }, { 260000, 'X' }, { 300000, 'B' } };
    std::vector<std::pair<std::size_t, Side>> playing = { { 0, session.audibleSide() } };  // what should play from when
    std::size_t next = 0;
    const auto out = run(xf, sa, sb, 64, [&](std::size_t i) {
        while (next < presses.size() && presses[next].first <= i) {
            if (presses[next].second == '!')
                session.answer(Side::A);  // next trial: back on A
            else
                session.listen(presses[next].second);
            xf.switchTo(session.audibleSide());
            playing.push_back({ i, session.audibleSide() });
            ++next;
        }
    });
    // Every press starts a 960-sample fade; one asked for during a fade starts when it ends.
    std::vector<std::pair<std::size_t, std::size_t>> fades;
    std::size_t fadeEnd = 0;
    for (std::size_t k = 1; k < playing.size(); ++k) {
        const std::size_t start = std::max(playing[k].first, fadeEnd);
        fades.push_back({ start, start + 960 });
        fadeEnd = start + 960;
    }
    std::size_t compared = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        bool inFade = false;
        for (const auto& f : fades)
            inFade = inFade || (i >= f.first && i < f.second);
        if (inFade)
            continue;
        // The side selected by the latest fade that has finished.
        Side side = playing[0].second;
        for (std::size_t k = 0; k < fades.size(); ++k)
            if (fades[k].second <= i)
                side = playing[k + 1].second;
        const float expected = side == Side::A ? sa[i] : sb[i];
        if (out[i] != expected) {
            FAIL_CHECK("sample " << i << " differs from side " << sideLetter(side));
            break;
        }
        ++compared;
    }
    CHECK(compared > out.size() - 8 * 960);
}

TEST_CASE("The crossfade does not depend on the block size", "[listening][crossfade]")
{
    const AudioData a = test::slopedNoise(-4.5, kFs, 3);
    const std::vector<float> sa(a.channels[0].begin(), a.channels[0].begin() + 20000);
    const std::vector<float> sb(a.channels[1].begin(), a.channels[1].begin() + 20000);
    std::vector<float> reference;
    for (int block : { 1, 7, 64, 1024, 20000 }) {
        SwitchCrossfade xf;
        xf.prepare(kFs);
        xf.reset(Side::A);
        xf.switchTo(Side::B);
        const auto out = run(xf, sa, sb, block, [](std::size_t) {});
        if (reference.empty())
            reference = out;
        CHECK(out == reference);
    }
}
