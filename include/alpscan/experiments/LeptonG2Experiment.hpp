// Lepton g-2 as a Gaussian term (family "lepton_g2"; data/experiments/g2_electron.json, g2_muon.json;
// seed 003 Sec. 3.4, Eqs. (47)-(51), L450-L481; spec invisible_alps.md 4). The prediction per point is
// Delta a_l = a_l(exp) - a_l(SM) from the ALP (physics/LeptonG2: Barr-Zee + one loop + light-by-light,
// UV scale Lambda); the data file's "gaussian" section (stats/GaussianMeasurement) compares it with the
// measured anomaly: a PREFERRED region (1 sigma, 2 sigma bands and the job's CL), never an exclusion.
//
// Couplings. The point's model gives g_agg [GeV^-1] and alpscan's dimensionless Yukawa g_ae. Eq. (49)
// uses the seed's derivative couplings [GeV^-1]: g_ae^seed = g_ae / m_e (the Yukawa -i g_ae a ebar
// gamma5 e = the seed's -i g_ae^seed m_e a ebar gamma5 e, L71).
//  * electron: g_al = g_ae / m_e;
//  * muon: alpscan has no g_amu axis; g_amu^seed = r g_ae^seed with r = option g_amu_over_g_ae (a ratio of
//    the seed's derivative couplings; default -0.1: the seed's Fig. 15 benchmark g_ae = -10 g_amu, L529,
//    spec 6.1 item 8). As a Yukawa, g_amu(Yukawa) = r (m_mu / m_e) g_ae.
// Sign of g_agg (option barr_zee_sign). Only the Barr-Zee term depends on it (through g_agamma g_al).
//  * "seed" (default): g_agamma^seed = +g_agg. model/AlpWidths.hpp writes alpscan's coupling as
//    L = -(g_agg/4) a F Fdual but fixes no epsilon^{0123}; the seed's +(1/4) g a F Fdual has
//    epsilon^{0123} = -1 (Eq. (1)), so with the common epsilon^{0123} = +1 the two are the SAME coupling
//    (both g a E.B); spec 1.2 reads the "-1/4" form as a flip, which holds only at equal epsilon. Nothing
//    else in alpscan depends on that sign (widths and cross-sections go as g^2). With "seed", positive
//    g_agg and g_ae (alpscan scans both >= 0 on log axes) have g_agamma g_ae > 0: the sign for which
//    the Barr-Zee term makes Delta a_e < 0 (L477), i.e. the seed's gold bands of Figs. 12-15 appear on
//    the usual positive axes; with r < 0 the muon has g_agamma g_amu < 0 and Delta a_mu > 0 (Fig. 15).
//  * "flipped": g_agamma^seed = -g_agg (the other relative sign): positive axes then give the mirror
//    scenario (Barr-Zee Delta a_e > 0), as a user of the strict "-1/4 a F Fdual, epsilon^{0123} = -1"
//    reading would get.
// Closed form per point (O(10) flops): no tables, prepare() does nothing.
#pragma once

#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/physics/LeptonG2.hpp"

namespace alpscan {

enum class G2Lepton { electron, muon };

struct LeptonG2Config {
  G2Lepton lepton = G2Lepton::electron;
  double m_lepton = 0.0;            // GeV
  double uv_scale = 1000.0;         // Lambda [GeV]
  double g_amu_over_g_ae = -0.1;    // muon only: ratio of the seed's derivative couplings
  double sign_g_agg = +1.0;         // g_agamma^seed = sign_g_agg * g_agg (option barr_zee_sign)
};

class ExperimentInput;
// Reads a lepton_g2 data file: option lepton = electron | muon; parameter m_lepton (energy); options
// uv_scale_GeV (number, GeV), barr_zee_sign = seed | flipped, and for the muon g_amu_over_g_ae (number).
LeptonG2Config read_lepton_g2_config(ExperimentInput& in);

class LeptonG2Experiment final : public Experiment {
 public:
  // Throws std::invalid_argument for m_lepton <= 0, Lambda <= m_lepton, a non-finite ratio.
  LeptonG2Experiment(ExperimentInfo info, LeptonG2Config cfg);
  const ExperimentInfo& info() const override { return info_; }
  void prepare(const PrepareContext&) override {}
  double expected_signal(const model::AlpModel& a) override { return terms(a).total(); }
  std::vector<SignalPart> explain(const model::AlpModel& a) override;

  // The three terms of Eq. (49) at the model's point.
  physics::LeptonG2Terms terms(const model::AlpModel& a) const;
  // The seed's couplings at the point: g_agamma [GeV^-1] and g_al [GeV^-1].
  double g_agamma(const model::AlpModel& a) const;
  double g_al(const model::AlpModel& a) const;
  const LeptonG2Config& config() const { return cfg_; }

 private:
  ExperimentInfo info_;
  LeptonG2Config cfg_;
};

}  // namespace alpscan
