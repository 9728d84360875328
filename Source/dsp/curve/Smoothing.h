#pragma once
// Fractional-octave smoothing of a magnitude curve (a box window in log-frequency, averaging dB
// as graph tools and AutoEq do), and a treble-aware variant: coupler measurements above ~6-8 kHz
// depend on insertion depth and ear-canal resonances, so narrow peaks there are not worth
// correcting and are smoothed harder.
#include "FrequencyCurve.h"

namespace iemeq {

struct SmoothingSpec {
    double fraction = 12.0;         // window = 1/fraction octave (1..96; typical 3..48)
    bool trebleAware = false;       // widen the window above trebleStartHz
    double trebleFraction = 3.0;    // window = 1/trebleFraction octave at and above trebleEndHz
    double trebleStartHz = 6000.0;  // the window widens gradually (log-frequency) from here...
    double trebleEndHz = 8000.0;    // ...to here
    // Never narrower than this many Hz (0 = off). An FIR of N taps cannot resolve detail finer
    // than about 2*fs/N, so an FIR request is smoothed to what the kernel can realise.
    double minWidthHz = 0.0;
};

// Window width in octaves that `spec` uses at frequency f.
double smoothingWidthOctaves(const SmoothingSpec& spec, double f);

// The curve smoothed at each of its own frequencies. Throws iemeq::Error on a bad spec.
FrequencyCurve smooth(const FrequencyCurve& curve, const SmoothingSpec& spec);

// Plain 1/fraction-octave smoothing.
FrequencyCurve smoothFractionalOctave(const FrequencyCurve& curve, double fraction);

} // namespace iemeq
