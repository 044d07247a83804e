// Exact and numerical distributions behind the intervals of docs/methods.md:
// the Wilcoxon signed-rank null distribution (exact, in integers) and the
// Student t quantile (incomplete beta, bisection).
#include "relief/analysis/stats.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace relief::analysis {
namespace {

// GCC's and Clang's 128-bit integer (__extension__: not ISO C++, on purpose).
__extension__ typedef unsigned __int128 Uint128;

// A non-negative integer of `limbs` 64-bit words: the subset counts reach 2^n.
class Wide {
  public:
    explicit Wide(std::size_t limbs) : m_limbs(limbs, 0) {}
    static Wide power_of_two(std::size_t limbs, std::size_t exponent) {
        Wide w(limbs);
        w.m_limbs[exponent / 64] = std::uint64_t{1} << (exponent % 64);
        return w;
    }
    Wide& operator+=(const Wide& other) {
        add(other);
        return *this;
    }
    void add(const Wide& other) {
        Uint128 carry = 0;
        for (std::size_t i = 0; i < m_limbs.size(); ++i) {
            const Uint128 sum = static_cast<Uint128>(m_limbs[i]) + other.m_limbs[i] + carry;
            m_limbs[i] = static_cast<std::uint64_t>(sum);
            carry = sum >> 64;
        }
    }
    Wide times(std::uint64_t factor) const {
        Wide out(m_limbs.size());
        Uint128 carry = 0;
        for (std::size_t i = 0; i < m_limbs.size(); ++i) {
            const Uint128 product = static_cast<Uint128>(m_limbs[i]) * factor + carry;
            out.m_limbs[i] = static_cast<std::uint64_t>(product);
            carry = product >> 64;
        }
        return out;
    }
    bool less_equal(const Wide& other) const {
        for (std::size_t i = m_limbs.size(); i-- > 0;) {
            if (m_limbs[i] != other.m_limbs[i]) {
                return m_limbs[i] < other.m_limbs[i];
            }
        }
        return true;
    }

  private:
    std::vector<std::uint64_t> m_limbs;
};

// The regularised incomplete beta's continued fraction (modified Lentz).
double beta_fraction(double a, double b, double x) {
    constexpr double k_tiny = 1e-300;
    const double qab = a + b;
    const double qap = a + 1;
    const double qam = a - 1;
    double c = 1;
    double d = 1 - qab * x / qap;
    d = std::fabs(d) < k_tiny ? k_tiny : d;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 10000; ++m) {
        const double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1 + aa * d;
        d = std::fabs(d) < k_tiny ? k_tiny : d;
        c = 1 + aa / c;
        c = std::fabs(c) < k_tiny ? k_tiny : c;
        d = 1 / d;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1 + aa * d;
        d = std::fabs(d) < k_tiny ? k_tiny : d;
        c = 1 + aa / c;
        c = std::fabs(c) < k_tiny ? k_tiny : c;
        d = 1 / d;
        const double step = d * c;
        h *= step;
        if (std::fabs(step - 1) < 1e-15) {
            break;
        }
    }
    return h;
}

} // namespace

double incomplete_beta(double x, double a, double b) {
    if (x <= 0) {
        return 0;
    }
    if (x >= 1) {
        return 1;
    }
    const double front = std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) +
                                  a * std::log(x) + b * std::log1p(-x));
    if (x < (a + 1) / (a + b + 2)) {
        return front * beta_fraction(a, b, x) / a;
    }
    return 1 - front * beta_fraction(b, a, 1 - x) / b;
}

double student_t_975(int df) {
    // ½·I_{df/(df+t²)}(df/2, ½) is the upper tail P(T > t): decreasing in t.
    const double v = df;
    double lo = 0;
    double hi = 1000;
    for (int step = 0; step < 200; ++step) {
        const double mid = (lo + hi) / 2;
        const double tail = 0.5 * incomplete_beta(v / (v + mid * mid), v / 2, 0.5);
        (tail > 0.025 ? lo : hi) = mid;
    }
    return (lo + hi) / 2;
}

namespace {

// k of §3 from the subset counts of rank sums 0 … top, in an integer type
// wide enough for 40·2^n: count[t] = subsets of {1 … n} with rank sum t.
template <class Count, class Times40, class AtMost>
std::optional<std::int64_t> critical_from_counts(std::size_t n, std::size_t top, Count zero,
                                                 Count one, const Count& total, Times40 times40,
                                                 AtMost at_most) {
    std::vector<Count> count(top + 1, zero);
    count[0] = one;
    for (std::size_t rank = 1; rank <= n; ++rank) {
        for (std::size_t t = top; t >= rank; --t) {
            count[t] += count[t - rank];
        }
    }
    Count cumulative = zero;
    std::optional<std::int64_t> best;
    for (std::size_t t = 0; t <= top; ++t) {
        cumulative += count[t];
        if (!at_most(times40(cumulative), total)) {
            break;
        }
        best = static_cast<std::int64_t>(t);
    }
    if (!best) {
        return std::nullopt; // n ≤ 5: even t = 0 has F(0) = 2^-n > 0.025
    }
    return *best + 1;
}

} // namespace

namespace {

// The same decision from probabilities in double precision, when it is
// certain: each F(t) is a sum of positive terms, each halved (exactly) and
// added n times, so its relative error stays below (n + t)·2^-53, far under
// the 1e-8 margin asked for. A t where 40·F(t) lies within the margin of 1
// is left to the exact integers (nullopt).
std::optional<std::optional<std::int64_t>> critical_if_certain(std::size_t n, std::size_t top) {
    std::vector<double> p(top + 1, 0.0);
    p[0] = 1;
    for (std::size_t rank = 1; rank <= n; ++rank) {
        for (std::size_t t = top; t >= rank; --t) {
            p[t] = (p[t] + p[t - rank]) * 0.5;
        }
        for (std::size_t t = std::min(rank, top + 1); t-- > 0;) {
            p[t] *= 0.5;
        }
    }
    double cumulative = 0;
    std::optional<std::int64_t> best;
    for (std::size_t t = 0; t <= top; ++t) {
        cumulative += p[t];
        const double ratio = 40 * cumulative;
        if (std::fabs(ratio - 1) < 1e-8) {
            return std::nullopt; // too close to call in doubles
        }
        if (ratio > 1) {
            break;
        }
        best = static_cast<std::int64_t>(t);
    }
    return best ? std::optional<std::int64_t>(*best + 1) : std::optional<std::int64_t>();
}

} // namespace

std::optional<std::int64_t> signed_rank_critical(std::size_t n) {
    if (n < 1) {
        return std::nullopt;
    }
    // Only the lower half of the rank sums is needed: F(t) ≤ 0.025 lies below
    // the mean n(n+1)/4. k = 1 + max{t : 40·count(T⁺ ≤ t) ≤ 2^n}, exactly.
    const std::size_t top = n * (n + 1) / 4;
    if (n <= 120) { // 40·2^120 < 2^128: one 128-bit integer a count
        using U = Uint128;
        return critical_from_counts<U>(
            n, top, U{0}, U{1}, U{1} << n, [](const U& c) { return c * 40; },
            [](const U& a, const U& b) { return a <= b; });
    }
    // Wider counts cost a multi-word addition each (a 520-week report has
    // ~500 episodes: seconds); doubles decide it as surely, a hundred times
    // faster, and the words are summed only in a near tie.
    if (const auto certain = critical_if_certain(n, top)) {
        return *certain;
    }
    const std::size_t limbs = n / 64 + 2;
    return critical_from_counts<Wide>(
        n, top, Wide(limbs), Wide::power_of_two(limbs, 0), Wide::power_of_two(limbs, n),
        [](const Wide& c) { return c.times(40); },
        [](const Wide& a, const Wide& b) { return a.less_equal(b); });
}

std::optional<std::int64_t> signed_rank_critical_exact(std::size_t n) {
    if (n < 1) {
        return std::nullopt;
    }
    const std::size_t top = n * (n + 1) / 4;
    const std::size_t limbs = n / 64 + 2;
    return critical_from_counts<Wide>(
        n, top, Wide(limbs), Wide::power_of_two(limbs, 0), Wide::power_of_two(limbs, n),
        [](const Wide& c) { return c.times(40); },
        [](const Wide& a, const Wide& b) { return a.less_equal(b); });
}

} // namespace relief::analysis
