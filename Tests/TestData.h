#pragma once
// Paths of the fixtures in Tests/data (see Tests/data/MANIFEST.txt for their origin).
#include <string>

namespace iemeq::test {

inline std::string dataPath(const std::string& relative)
{
    return std::string(IEMEQ_TEST_DATA_DIR) + "/" + relative;
}

inline std::string repoPath(const std::string& relative)
{
    return std::string(IEMEQ_SOURCE_DIR) + "/" + relative;
}

} // namespace iemeq::test
