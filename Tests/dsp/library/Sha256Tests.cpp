// SHA-256 against the FIPS 180-4 / NIST example vectors, fed whole and in every split, and of a file.
#include "../../TestData.h"

#include "dsp/library/Sha256.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

using namespace iemeq::library;

TEST_CASE("sha256: NIST example vectors", "[library][sha256]")
{
    CHECK(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
          == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256Hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")
          == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    Sha256 million;
    const std::string thousand(1000, 'a');
    for (int i = 0; i < 1000; ++i)
        million.update(thousand);
    CHECK(million.finishHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256: the digest does not depend on how the bytes are fed (padding edges 55, 56, 63, 64)", "[library][sha256]")
{
    for (const std::size_t length : { 55u, 56u, 63u, 64u, 65u, 119u, 200u }) {
        std::string text;
        for (std::size_t i = 0; i < length; ++i)
            text += char('a' + i % 26);
        const std::string whole = sha256Hex(text);
        for (std::size_t cut = 0; cut <= length; ++cut) {
            Sha256 s;
            s.update(text.substr(0, cut));
            s.update(text.substr(cut));
            REQUIRE(s.finishHex() == whole);
        }
    }
    // Lengths at the padding edges, against digests computed with sha256sum.
    CHECK(sha256Hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    CHECK(sha256Hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    CHECK(sha256Hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST_CASE("sha256: a file's digest equals the digest of its bytes", "[library][sha256]")
{
    // sha256sum of the fixture, computed outside iemeq.
    CHECK(sha256OfFile(iemeq::test::dataPath("sites/antdroid/data/Blessing 2 L.txt"))
          == "20ef960f76807d476065417e21a4ee0768b1cd8da5082662e2f3cf271ea6e1db");
    CHECK_THROWS_WITH(sha256OfFile("/nonexistent/iemeq.txt"), "/nonexistent/iemeq.txt: cannot open file");
}
