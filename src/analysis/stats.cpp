#include "relief/analysis/stats.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>

namespace relief::analysis {
namespace {

using Matrix = std::vector<std::vector<double>>;

// Inverse of a small symmetric matrix by Gauss–Jordan with partial pivoting.
std::optional<Matrix> invert(Matrix a) {
    const std::size_t p = a.size();
    Matrix inv(p, std::vector<double>(p, 0.0));
    for (std::size_t i = 0; i < p; ++i) {
        inv[i][i] = 1.0;
    }
    double scale = 0;
    for (const auto& row : a) {
        for (const double v : row) {
            scale = std::max(scale, std::fabs(v));
        }
    }
    for (std::size_t col = 0; col < p; ++col) {
        std::size_t pivot = col;
        for (std::size_t r = col + 1; r < p; ++r) {
            if (std::fabs(a[r][col]) > std::fabs(a[pivot][col])) {
                pivot = r;
            }
        }
        if (std::fabs(a[pivot][col]) <= scale * 1e-13) {
            return std::nullopt;
        }
        std::swap(a[pivot], a[col]);
        std::swap(inv[pivot], inv[col]);
        const double d = a[col][col];
        for (std::size_t k = 0; k < p; ++k) {
            a[col][k] /= d;
            inv[col][k] /= d;
        }
        for (std::size_t r = 0; r < p; ++r) {
            if (r == col || a[r][col] == 0) {
                continue;
            }
            const double f = a[r][col];
            for (std::size_t k = 0; k < p; ++k) {
                a[r][k] -= f * a[col][k];
                inv[r][k] -= f * inv[col][k];
            }
        }
    }
    return inv;
}

struct Normal {
    Matrix xtx_inv;
    std::vector<double> beta;
};

std::optional<Normal> solve(const Matrix& rows, const std::vector<double>& y) {
    if (rows.empty()) {
        return std::nullopt;
    }
    const std::size_t p = rows.front().size();
    Matrix xtx(p, std::vector<double>(p, 0.0));
    std::vector<double> xty(p, 0.0);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        for (std::size_t a = 0; a < p; ++a) {
            xty[a] += rows[i][a] * y[i];
            for (std::size_t b = 0; b < p; ++b) {
                xtx[a][b] += rows[i][a] * rows[i][b];
            }
        }
    }
    auto inv = invert(xtx);
    if (!inv) {
        return std::nullopt;
    }
    std::vector<double> beta(p, 0.0);
    for (std::size_t a = 0; a < p; ++a) {
        for (std::size_t b = 0; b < p; ++b) {
            beta[a] += (*inv)[a][b] * xty[b];
        }
    }
    return Normal{std::move(*inv), std::move(beta)};
}

} // namespace

double mean(const std::vector<double>& values) {
    return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

std::optional<Interval> OlsFit::interval(std::size_t i, double scale) const {
    if (exact_fit || nw_variance.empty()) {
        return std::nullopt;
    }
    const double se = std::sqrt(std::max(0.0, nw_variance[i])) * std::fabs(scale);
    const double centre = beta[i] * scale;
    return Interval{centre - 1.96 * se, centre + 1.96 * se};
}

int newey_west_lags(std::size_t n) {
    return static_cast<int>(std::floor(4.0 * std::pow(static_cast<double>(n) / 100.0, 2.0 / 9.0)));
}

std::optional<std::vector<double>> ols(const Matrix& rows, const std::vector<double>& y) {
    auto normal = solve(rows, y);
    if (!normal) {
        return std::nullopt;
    }
    return normal->beta;
}

std::optional<OlsFit> ols_newey_west(const Matrix& rows, const std::vector<double>& y,
                                     const std::vector<int>& day) {
    auto normal = solve(rows, y);
    if (!normal) {
        return std::nullopt;
    }
    const std::size_t n = rows.size();
    const std::size_t p = rows.front().size();
    OlsFit fit;
    fit.beta = normal->beta;
    fit.residuals.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        double predicted = 0;
        for (std::size_t a = 0; a < p; ++a) {
            predicted += rows[i][a] * fit.beta[a];
        }
        fit.residuals[i] = y[i] - predicted;
        fit.rss += fit.residuals[i] * fit.residuals[i];
    }
    fit.exact_fit = fit.rss < 1e-12;
    if (fit.exact_fit) {
        return fit;
    }
    // Ω (§3): lags are calendar-day differences; a pair counts only when
    // both days are observed.
    const int lmax = newey_west_lags(n);
    const int first_day = *std::min_element(day.begin(), day.end());
    const int last_day = *std::max_element(day.begin(), day.end());
    std::vector<std::ptrdiff_t> index_of(static_cast<std::size_t>(last_day - first_day + 1), -1);
    for (std::size_t i = 0; i < n; ++i) {
        index_of[static_cast<std::size_t>(day[i] - first_day)] = static_cast<std::ptrdiff_t>(i);
    }
    Matrix omega(p, std::vector<double>(p, 0.0));
    for (std::size_t i = 0; i < n; ++i) {
        const double e2 = fit.residuals[i] * fit.residuals[i];
        for (std::size_t a = 0; a < p; ++a) {
            for (std::size_t b = 0; b < p; ++b) {
                omega[a][b] += e2 * rows[i][a] * rows[i][b];
            }
        }
    }
    for (int l = 1; l <= lmax; ++l) {
        const double weight = 1.0 - static_cast<double>(l) / static_cast<double>(lmax + 1);
        for (std::size_t i = 0; i < n; ++i) {
            const int other = day[i] - l;
            if (other < first_day) {
                continue;
            }
            const std::ptrdiff_t j = index_of[static_cast<std::size_t>(other - first_day)];
            if (j < 0) {
                continue;
            }
            const auto ju = static_cast<std::size_t>(j);
            const double ee = weight * fit.residuals[i] * fit.residuals[ju];
            for (std::size_t a = 0; a < p; ++a) {
                for (std::size_t b = 0; b < p; ++b) {
                    omega[a][b] += ee * (rows[i][a] * rows[ju][b] + rows[ju][a] * rows[i][b]);
                }
            }
        }
    }
    const Matrix& inv = normal->xtx_inv;
    fit.nw_variance.assign(p, 0.0);
    for (std::size_t k = 0; k < p; ++k) {
        double v = 0;
        for (std::size_t a = 0; a < p; ++a) {
            for (std::size_t b = 0; b < p; ++b) {
                v += inv[k][a] * omega[a][b] * inv[b][k];
            }
        }
        fit.nw_variance[k] = v;
    }
    return fit;
}

std::vector<double> average_ranks(const std::vector<double>& values) {
    const std::size_t n = values.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    std::vector<double> ranks(n, 0.0);
    std::size_t start = 0;
    while (start < n) {
        std::size_t end = start + 1;
        // A value within 1e-9 of the previous sorted value joins its tie group.
        while (end < n && values[order[end]] - values[order[end - 1]] <= k_tolerance) {
            ++end;
        }
        const double rank = (static_cast<double>(start + 1) + static_cast<double>(end)) / 2.0;
        for (std::size_t k = start; k < end; ++k) {
            ranks[order[k]] = rank;
        }
        start = end;
    }
    return ranks;
}

std::optional<double> spearman(const std::vector<double>& x, const std::vector<double>& y) {
    if (x.size() != y.size() || x.size() < 2) {
        return std::nullopt;
    }
    const std::vector<double> rx = average_ranks(x);
    const std::vector<double> ry = average_ranks(y);
    const double mx = mean(rx);
    const double my = mean(ry);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (std::size_t i = 0; i < rx.size(); ++i) {
        sxy += (rx[i] - mx) * (ry[i] - my);
        sxx += (rx[i] - mx) * (rx[i] - mx);
        syy += (ry[i] - my) * (ry[i] - my);
    }
    if (sxx <= 0 || syy <= 0) {
        return std::nullopt; // a constant side
    }
    return sxy / std::sqrt(sxx * syy);
}

double quantile7(std::vector<double> values, double p) {
    return quantile7_in_place(values, p);
}

double quantile7_in_place(std::vector<double>& values, double p) {
    // Two order statistics are all it needs: select them instead of sorting.
    const double h = static_cast<double>(values.size() - 1) * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const auto at = values.begin() + static_cast<std::ptrdiff_t>(lo);
    std::nth_element(values.begin(), at, values.end());
    if (lo + 1 >= values.size()) {
        return *at;
    }
    const double next = *std::min_element(at + 1, values.end()); // the (lo+1)-th
    return *at + (h - static_cast<double>(lo)) * (next - *at);
}

} // namespace relief::analysis
