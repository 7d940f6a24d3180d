// The shared yield table (experiments/YieldTable): each mass-interpolation policy against a closed
// form it must reproduce exactly (to rounding), fill orders, and the save/restore format check.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "alpscan/experiments/YieldTable.hpp"

using namespace alpscan;
using Catch::Detail::Approx;

namespace {

// Nodes 1e-3 .. 1 GeV, 4 per decade: a spacing of ln(10)/4 = 0.58 in ln m, coarse on purpose (the
// closed forms below are reproduced exactly whatever the spacing).
MassNodes nodes() { return log_mass_nodes(1e-3, 1.0, 4.0, 1e-30); }

// Y_j(m) = c_j m^p_j: a power law in m is linear in ln Y vs ln m.
double power_law(std::size_t j, double m) { return (1.0 + j) * std::pow(m, -0.5 + 0.7 * j); }
// Y_j(m) = a_j + b_j ln m: linear in ln m.
double log_linear(std::size_t j, double m) { return 3.0 + j + (0.25 - 0.1 * j) * std::log(m); }

YieldTable filled(MassInterpolation p, double (*f)(std::size_t, double)) {
  YieldTable t(nodes(), 3, p);
  t.fill_by_mass([&](std::size_t, double m, double* out) {
    for (std::size_t j = 0; j < 3; ++j) out[j] = f(j, m);
  });
  return t;
}

const double kOffNode[] = {1e-3, 1.3e-3, 7.7e-3, 0.05, 0.31, 0.999, 1.0};

}  // namespace

TEST_CASE("yield table: log_where_positive reproduces a power law in m between nodes", "[yield_table]") {
  const YieldTable t = filled(MassInterpolation::log_where_positive, power_law);
  for (double m : kOffNode)
    for (std::size_t j = 0; j < 3; ++j) CHECK(t.at(j, m) == Approx(power_law(j, m)).epsilon(1e-13));
  // The linear policy does not: between nodes it is off by O(1) for the steep j = 2 law
  // (m^0.9 chord error at mid-interval ~ 3%), proving the check above can fail.
  const YieldTable lin = filled(MassInterpolation::linear_in_ln_m, power_law);
  const double m = std::sqrt(nodes().m[1] * nodes().m[2]);
  CHECK(std::fabs(lin.at(2, m) / power_law(2, m) - 1.0) > 1e-2);
}

TEST_CASE("yield table: linear_in_ln_m reproduces a + b ln m between nodes", "[yield_table]") {
  const YieldTable t = filled(MassInterpolation::linear_in_ln_m, log_linear);
  for (double m : kOffNode)
    for (std::size_t j = 0; j < 3; ++j) CHECK(t.at(j, m) == Approx(log_linear(j, m)).epsilon(1e-13));
}

TEST_CASE("yield table: log_where_positive is linear where a node value is 0 (closed channel)", "[yield_table]") {
  YieldTable t(nodes(), 1, MassInterpolation::log_where_positive);
  t.fill_by_mass([](std::size_t k, double, double* out) { out[0] = k < 5 ? 8.0 : 0.0; });
  const MassNodes n = nodes();
  const double m = std::exp(n.ln_m[4] + 0.25 * (n.ln_m[5] - n.ln_m[4]));
  CHECK(t.at(0, m) == Approx(6.0).epsilon(1e-13));  // 8 + 0.25 (0 - 8)
  CHECK(t.at(0, n.m[5]) == 0.0);
}

TEST_CASE("yield table: coverage, nodes exact, and the two fill orders agree", "[yield_table]") {
  const YieldTable t = filled(MassInterpolation::log_where_positive, power_law);
  const MassNodes n = nodes();
  CHECK_FALSE(t.covers(0.9e-3));
  CHECK_FALSE(t.covers(1.01));
  CHECK_FALSE(t.covers(NAN));
  CHECK(t.covers(1e-3));
  for (std::size_t k = 0; k < n.m.size(); ++k) CHECK(t.at(1, n.m[k]) == t.node_values(k)[1]);
  YieldTable by_e(nodes(), 3, MassInterpolation::log_where_positive);
  by_e.fill_by_energy([](std::size_t j, const std::vector<double>& m, std::vector<double>& out) {
    for (std::size_t k = 0; k < m.size(); ++k) out[k] = power_law(j, m[k]);
  });
  for (std::size_t k = 0; k < n.m.size(); ++k)
    for (std::size_t j = 0; j < 3; ++j) CHECK(by_e.node_values(k)[j] == t.node_values(k)[j]);
}

TEST_CASE("yield table: exact_nodes covers only the node masses", "[yield_table]") {
  MassNodes n;
  n.m = {0.01, 0.02, 0.05};
  for (double m : n.m) n.ln_m.push_back(std::log(m));
  YieldTable t(n, 2, MassInterpolation::exact_nodes);
  t.fill_by_mass([](std::size_t k, double m, double* out) { out[0] = m, out[1] = double(k); });
  CHECK(t.at(0, 0.02) == 0.02);
  CHECK(t.at(1, 0.05) == 2.0);
  CHECK_FALSE(t.covers(0.03));
  CHECK_FALSE(t.covers(std::nextafter(0.02, 1.0)));
}

TEST_CASE("yield table: save/restore is bit-exact and refuses another layout, grid or policy", "[yield_table]") {
  const YieldTable t = filled(MassInterpolation::log_where_positive, power_law);
  std::vector<double> v = {42.0};  // a family's own header before the table
  t.save(v);
  std::size_t pos = 1;
  YieldTable r;
  REQUIRE(r.restore(v, pos, MassInterpolation::log_where_positive, 3, nodes()));
  CHECK(pos == v.size());
  for (double m : kOffNode)
    for (std::size_t j = 0; j < 3; ++j) CHECK(r.at(j, m) == t.at(j, m));
  auto refused = [&](std::vector<double> w, MassInterpolation p, std::size_t ne, const MassNodes& mn) {
    std::size_t q = 1;
    YieldTable x;
    const bool ok = x.restore(w, q, p, ne, mn);
    return !ok && q == 1 && x.empty();
  };
  CHECK(refused(v, MassInterpolation::linear_in_ln_m, 3, nodes()));                    // other policy
  CHECK(refused(v, MassInterpolation::log_where_positive, 4, nodes()));                // other energy bins
  CHECK(refused(v, MassInterpolation::log_where_positive, 3, log_mass_nodes(1e-3, 2.0, 4.0, 1e-30)));  // other range
  CHECK(refused(v, MassInterpolation::log_where_positive, 3, log_mass_nodes(1e-3, 1.0, 8.0, 1e-30)));  // other density
  std::vector<double> w = v;
  w[1] += 1;  // another layout version
  CHECK(refused(w, MassInterpolation::log_where_positive, 3, nodes()));
  w = v;
  w.pop_back();  // truncated
  CHECK(refused(w, MassInterpolation::log_where_positive, 3, nodes()));
  w = v;
  w[5] *= 1 + 1e-15;  // a node off by one ulp-ish
  CHECK(refused(w, MassInterpolation::log_where_positive, 3, nodes()));
}
