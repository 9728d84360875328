#include "LogIntegral.h"

#include "../core/Error.h"

#include <algorithm>
#include <cmath>

namespace iemeq {

LogIntegral::LogIntegral(const FrequencyCurve& curve)
{
    if (curve.empty())
        throw Error("log integral: empty curve");
    x_.resize(curve.size());
    for (std::size_t i = 0; i < curve.size(); ++i)
        x_[i] = std::log2(curve.freq[i]);
    y_ = curve.db;
    prefix_.assign(curve.size(), 0.0);
    for (std::size_t i = 1; i < curve.size(); ++i)
        prefix_[i] = prefix_[i - 1] + 0.5 * (y_[i] + y_[i - 1]) * (x_[i] - x_[i - 1]);
}

double LogIntegral::integralTo(double x) const
{
    if (x <= x_.front())
        return (x - x_.front()) * y_.front();
    if (x >= x_.back())
        return prefix_.back() + (x - x_.back()) * y_.back();
    const std::size_t i = static_cast<std::size_t>(std::upper_bound(x_.begin(), x_.end(), x) - x_.begin()) - 1;
    const double dx = x - x_[i];
    const double yAtX = y_[i] + (y_[i + 1] - y_[i]) * dx / (x_[i + 1] - x_[i]);
    return prefix_[i] + 0.5 * (y_[i] + yAtX) * dx;
}

double LogIntegral::meanDb(double f1, double f2) const
{
    if (!(f1 > 0.0 && f2 > 0.0))
        throw Error("log integral: frequencies must be positive");
    const double a = std::log2(std::min(f1, f2)), b = std::log2(std::max(f1, f2));
    if (b - a < 1e-12) {  // a point, not a span: the interpolated level there
        if (a <= x_.front())
            return y_.front();
        if (a >= x_.back())
            return y_.back();
        const std::size_t i = static_cast<std::size_t>(std::upper_bound(x_.begin(), x_.end(), a) - x_.begin()) - 1;
        return y_[i] + (y_[i + 1] - y_[i]) * (a - x_[i]) / (x_[i + 1] - x_[i]);
    }
    return (integralTo(b) - integralTo(a)) / (b - a);
}

} // namespace iemeq
