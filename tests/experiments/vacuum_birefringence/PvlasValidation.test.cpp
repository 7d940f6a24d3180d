// PVLAS (family vacuum_birefringence) against the collaboration's curve, digitised in AxionLimits
// limit_data/AxionPhoton/PVLAS.txt (commit 0432be9; values quoted verbatim below).
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "alpscan/core/Error.hpp"
#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/VacuumBirefringenceExperiment.hpp"
#include "alpscan/io/ExperimentFile.hpp"
#include "alpscan/stats/Likelihood.hpp"

using namespace alpscan;
using Catch::Detail::Approx;

namespace {

std::unique_ptr<VacuumBirefringenceExperiment> load() {
  Diagnostics d;
  ExperimentFile f(std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/pvlas.json", nlohmann::json::object(), d);
  VacuumBirefringenceConfig c = read_vacuum_birefringence_config(f);
  f.finish();
  if (!d.empty()) throw InputError(d);
  return std::make_unique<VacuumBirefringenceExperiment>(f.info(), c);
}

// s goes as g^2 exactly (the g B term in q is negligible): the limit from one evaluation.
double limit(VacuumBirefringenceExperiment& e, double m_eV, double cl = 0.95) {
  const double s_up = e.info().likelihood->calibrate(cl, nullptr, 0).threshold;
  const double g_ref = 1e-7;
  return g_ref * std::sqrt(s_up / e.expected_signal(model::AlpModel::from_couplings(m_eV * units::eV, g_ref, 0.0)));
}

}  // namespace

TEST_CASE("pvlas: low-mass limit (calibrated) and the dichroism plateau", "[experiments][vacuum_birefringence]") {
  auto e = load();
  // CALIBRATION (data file): the curve's first point, 6.729e-8 at 1e-4 eV. 0.1%: 5-digit limit in the file.
  CHECK(limit(*e, 1e-4) == Approx(6.7293e-8).epsilon(1e-3));
  // below the coherence mass the dichroism limit is flat: the curve gives 6.714e-8 at 2.0e-4 eV and
  // 6.846e-8 at 3.1e-4 eV; digitisation ~1%, allow 3%
  CHECK(limit(*e, 2.0085e-4) == Approx(6.7140e-8).epsilon(0.03));
  CHECK(limit(*e, 3.1058e-4) == Approx(6.8463e-8).epsilon(0.03));
  // at the job CL 90% the Gaussian-equivalent limit is sqrt(z(0.9)/z(0.95)) = 0.8827 lower
  CHECK(limit(*e, 1e-4, 0.90) / limit(*e, 1e-4) == Approx(std::sqrt(1.281552 / 1.644854)).epsilon(1e-4));
}

TEST_CASE("pvlas: high-mass birefringence limit rises like m_a (not calibrated)", "[experiments][vacuum_birefringence]") {
  auto e = load();
  // pure birefringence, psi -> (gBL/2)^2/(2y): g_lim = g_0 sqrt(y/2), proportional to m_a. The curve's
  // points; the birefringence limit is an ASSUMPTION (= dichroism limit) that these test: 5%.
  CHECK(limit(*e, 5.1154e-3) == Approx(4.5371e-7).epsilon(0.05));
  CHECK(limit(*e, 1.0182e-2) == Approx(8.9486e-7).epsilon(0.05));
  CHECK(limit(*e, 1e-1) / limit(*e, 1e-2) == Approx(10.0).epsilon(0.01));
  // around 1 meV the single 1.64 m region differs from the two separated PVLAS magnets (data file notes):
  // 8.5e-8 vs the curve's 1.30e-7. Asserted as the known disagreement, so a change shows.
  const double r = limit(*e, 1e-3) / 1.2999e-7;
  CHECK(r > 0.55);
  CHECK(r < 0.75);
}
