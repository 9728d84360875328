// libFuzzer entry point; IEMEQ_FUZZ_TARGET names the function of FuzzTargets.h this executable
// fuzzes (one executable per target, so each has its own corpus and coverage).
#include "FuzzTargets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    iemeq::fuzz::IEMEQ_FUZZ_TARGET(data, size);
    return 0;
}
