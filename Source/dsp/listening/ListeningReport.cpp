#include "ListeningReport.h"

#include "Binomial.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace iemeq::listening {

namespace {

std::string seconds(double s)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f s", s);
    return buf;
}

// "p = 0.038 (0.03841)": the rounded value used in the verdict and four significant digits.
std::string pCell(double p)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, " (%.4g)", p);
    return formatP(p) + buf;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

// Markdown table cells must not contain a bare '|' or a newline.
std::string cell(const std::string& s)
{
    std::string out;
    for (char c : s)
        out += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
    return out;
}

} // namespace

std::string resultsMarkdown(const ListeningResults& r)
{
    const bool abx = r.kind == TestKind::Abx;
    const int n = r.answered();
    std::ostringstream o;
    o << "## Listening test\n\n";
    o << (abx ? "A blind ABX test" : "A blind preference test") << " (" << r.date << ", " << r.plannedTrials << " trials planned"
      << (r.complete() ? "" : ", " + std::to_string(n) + " answered") << ") of\n\n";
    o << "- **A**: " << cell(r.a.label) << (r.a.description.empty() ? "" : " - " + cell(r.a.description)) << "\n";
    o << "- **B**: " << cell(r.b.label) << (r.b.description.empty() ? "" : " - " + cell(r.b.description)) << "\n\n";
    if (abx)
        o << "In every trial X was A or B, drawn at random; the listener switched freely among A, B and X and said which one X "
             "was.\n\n";
    else
        o << "In every trial A and B were presented as \"1\" and \"2\" in a random order; the listener switched freely and said "
             "which one they preferred.\n\n";

    std::vector<double> times, switches;
    for (const auto& t : r.trials) {
        times.push_back(t.answerSeconds - t.startSeconds);
        switches.push_back(static_cast<double>(t.switches.size()));
    }
    o << "| result | |\n|---|---|\n";
    if (abx) {
        o << "| score | " << r.score << " of " << n << " correct |\n";
        o << "| p-value (one-sided binomial: the chance of scoring this well by guessing) | " << pCell(r.pValue) << " |\n";
    } else {
        o << "| preferred | A (" << cell(r.a.label) << ") in " << r.score << ", B (" << cell(r.b.label) << ") in " << n - r.score
          << " of " << n << " trials |\n";
        o << "| p-value (two-sided binomial: the chance of a split this uneven without a real preference) | "
          << pCell(r.pValue) << " |\n";
    }
    o << "| verdict | **" << r.verdict << "** |\n";
    o << "| time per trial | median " << seconds(median(times)) << " |\n";
    o << "| switches per trial | median " << median(switches) << " |\n";
    o << "| random seed | " << r.seed << " |\n\n";
    if (!r.complete())
        o << "The session stopped early; the p-value is for the " << n << " trials answered.\n\n";

    o << (abx ? "| trial | X was | answered | correct | switches | time |\n|---:|---|---|---|---:|---:|\n"
              : "| trial | \"1\" was | preferred | switches | time |\n|---:|---|---|---:|---:|\n");
    for (const auto& t : r.trials) {
        o << "| " << t.number << " | " << sideLetter(t.hidden) << " | " << sideLetter(t.answer) << " | ";
        if (abx)
            o << (t.correct ? "yes" : "no") << " | ";
        o << t.switches.size() << " | " << seconds(t.answerSeconds - t.startSeconds) << " |\n";
    }
    o << "\n";
    return o.str();
}

} // namespace iemeq::listening
