#pragma once
// The statistics of docs/methods.md §3, as pure functions on plain vectors.
#include <cstdint>
#include <optional>
#include <vector>

namespace relief::analysis {

inline constexpr double k_tolerance = 1e-9;

// §3 "Tolerance": comparisons with a threshold treat values within 1e-9 as equal.
inline bool less(double x, double c) noexcept {
    return x < c - k_tolerance;
}
inline bool less_equal(double x, double c) noexcept {
    return x <= c + k_tolerance;
}
inline bool greater(double x, double c) noexcept {
    return x > c + k_tolerance;
}
inline bool greater_equal(double x, double c) noexcept {
    return x >= c - k_tolerance;
}

double mean(const std::vector<double>& values);
// Median of a non-empty list (the mean of the two middle values for an even count).
double median(std::vector<double> values);

struct Interval {
    double low = 0;
    double high = 0;
};

// Ordinary least squares with optional Newey–West standard errors.
struct OlsFit {
    std::vector<double> beta;
    std::vector<double> residuals;
    double rss = 0;
    bool exact_fit = false;          // rss < 1e-12: no interval
    std::vector<double> nw_variance; // diagonal of the Newey–West V (empty when exact)
    // beta[i]·scale ± 1.96·scale·sqrt(V_ii); nullopt for an exact fit.
    std::optional<Interval> interval(std::size_t i, double scale = 1.0) const;
};

// rows[i] are the regressors of observation i (with the constant), y[i] its
// value, day[i] its calendar day (for the Newey–West lags, §3). Returns
// nullopt when XᵀX is singular.
std::optional<OlsFit> ols_newey_west(const std::vector<std::vector<double>>& rows,
                                     const std::vector<double>& y, const std::vector<int>& day);

// OLS without standard errors (R5's weekly fits, R6's series trends).
std::optional<std::vector<double>> ols(const std::vector<std::vector<double>>& rows,
                                       const std::vector<double>& y);

// §3 Newey–West maximum lag: floor(4·(n/100)^(2/9)).
int newey_west_lags(std::size_t n);

// Spearman's ρ: Pearson on average ranks; values within 1e-9 of the
// previous sorted value are tied. nullopt when either side is constant.
std::optional<double> spearman(const std::vector<double>& x, const std::vector<double>& y);
std::vector<double> average_ranks(const std::vector<double>& values);

// One-sample Hodges–Lehmann: the median of all Walsh averages (x_i + x_j)/2,
// i ≤ j, in O(n log n) (Monahan's selection). Empty input: nullopt.
std::optional<double> hodges_lehmann(std::vector<double> values);
// The same without copying, when the caller's list may be reordered.
std::optional<double> hodges_lehmann_in_place(std::vector<double>& values);
// The same by listing all n(n+1)/2 averages: the test oracle.
std::optional<double> hodges_lehmann_naive(const std::vector<double>& values);

// §3 "Exact Walsh interval": k = 1 + max{t : P(T⁺ ≤ t) ≤ 0.025} for the
// Wilcoxon signed-rank statistic of n values, decided exactly in integers;
// nullopt for n ≤ 5 (no t qualifies).
std::optional<std::int64_t> signed_rank_critical(std::size_t n);
// The same always in multi-word integers: the test oracle for n > 120.
std::optional<std::int64_t> signed_rank_critical_exact(std::size_t n);
// The exact 95% interval of the Hodges–Lehmann estimate: W(k) to W(M+1−k) of
// the M ascending Walsh averages; nullopt for fewer than 6 values.
std::optional<Interval> walsh_interval(std::vector<double> values);
// The same by listing every average: the test oracle.
std::optional<Interval> walsh_interval_naive(const std::vector<double>& values);

// The regularised incomplete beta I_x(a, b) (continued fraction, modified Lentz).
double incomplete_beta(double x, double a, double b);
// §3 "Student t quantile": t(0.975, df) by 200 bisection steps on [0, 1000].
double student_t_975(int df);

// Type-7 quantile of a non-empty list: h = (k−1)p, linear between order statistics.
double quantile7(std::vector<double> values, double p);
// The same without copying, when the caller's list may be reordered.
double quantile7_in_place(std::vector<double>& values, double p);

} // namespace relief::analysis
