// scan.h5 writer (HDF5 C API; Debian 12 ships a serial HDF5 1.10 and no C++ wrapper we prefer).
#include <hdf5.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "alpscan/core/BuildInfo.hpp"
#include "alpscan/io/DescriptionJson.hpp"
#include "alpscan/io/ResultFiles.hpp"

namespace alpscan {

namespace {

void check(herr_t s, const std::string& what) {
  if (s < 0) throw std::runtime_error("HDF5 error while writing " + what);
}

// Property lists with object timestamps off, so equal data give byte-identical files.
hid_t no_times_dcpl() {
  hid_t p = H5Pcreate(H5P_DATASET_CREATE);
  H5Pset_obj_track_times(p, 0);
  return p;
}
hid_t no_times_gcpl() {
  hid_t p = H5Pcreate(H5P_GROUP_CREATE);
  H5Pset_obj_track_times(p, 0);
  return p;
}

hid_t make_group(hid_t parent, const std::string& name) {
  hid_t gcpl = no_times_gcpl();
  hid_t g = H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, gcpl, H5P_DEFAULT);
  H5Pclose(gcpl);
  if (g < 0) throw std::runtime_error("HDF5: cannot create group " + name);
  return g;
}

void attr_string(hid_t obj, const std::string& name, const std::string& value) {
  hid_t t = H5Tcopy(H5T_C_S1);
  H5Tset_size(t, value.empty() ? 1 : value.size());
  H5Tset_strpad(t, H5T_STR_NULLTERM);
  hid_t s = H5Screate(H5S_SCALAR);
  hid_t a = H5Acreate2(obj, name.c_str(), t, s, H5P_DEFAULT, H5P_DEFAULT);
  check(H5Awrite(a, t, value.empty() ? "" : value.c_str()), "attribute " + name);
  H5Aclose(a), H5Sclose(s), H5Tclose(t);
}

void attr_double(hid_t obj, const std::string& name, double v) {
  hid_t s = H5Screate(H5S_SCALAR);
  hid_t a = H5Acreate2(obj, name.c_str(), H5T_IEEE_F64LE, s, H5P_DEFAULT, H5P_DEFAULT);
  check(H5Awrite(a, H5T_NATIVE_DOUBLE, &v), "attribute " + name);
  H5Aclose(a), H5Sclose(s);
}

template <class T>
void dataset(hid_t parent, const std::string& name, const std::vector<std::size_t>& dims, const std::vector<T>& v,
             hid_t file_type, hid_t mem_type) {
  std::vector<hsize_t> d(dims.begin(), dims.end());
  if (d.empty()) d = {1};
  hid_t s = H5Screate_simple(static_cast<int>(d.size()), d.data(), nullptr);
  hid_t dcpl = no_times_dcpl();
  hid_t ds = H5Dcreate2(parent, name.c_str(), file_type, s, H5P_DEFAULT, dcpl, H5P_DEFAULT);
  if (ds < 0) throw std::runtime_error("HDF5: cannot create dataset " + name);
  check(H5Dwrite(ds, mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data()), "dataset " + name);
  H5Dclose(ds), H5Pclose(dcpl), H5Sclose(s);
}

void ds_double(hid_t p, const std::string& n, const std::vector<std::size_t>& dims, const std::vector<double>& v) {
  dataset(p, n, dims, v, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE);
}
void ds_u8(hid_t p, const std::string& n, const std::vector<std::size_t>& dims, const std::vector<std::uint8_t>& v) {
  dataset(p, n, dims, v, H5T_STD_U8LE, H5T_NATIVE_UINT8);
}

std::string axes_attr(const SubGrid& g) {
  std::vector<std::string> names;
  for (Axis a : g.axes) names.emplace_back(axis_name(a));
  return nlohmann::json(names).dump();
}

}  // namespace

void write_scan_h5(const std::string& path, const JobSpec& job, const ParameterSpace& space, const MergedResult& r,
                   const std::vector<PlaneMap>& planes) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  hid_t f = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  if (f < 0) throw std::runtime_error("cannot create " + path);
  attr_string(f, "format", "alpscan-result/1");
  attr_string(f, "job", job.canonical_text);
  attr_string(f, "job_name", job.name);
  attr_string(f, "code_version", code_version());
  attr_string(f, "git_revision", git_revision());
  attr_string(f, "code_hash", code_hash());  // the sources, compiler and flags (checkpoint identity, issue 18)
  attr_double(f, "confidence_level", r.cl);
  attr_string(f, "units", "m_a, m_chi, m_f_light, m_f_heavy, m_D in eV; g_agg, g_achi in GeV^-1; g_ae, br_inv, eps dimensionless");
  if (r.refinement_step > 0) {  // only then: results of full-grid jobs stay as they were
    attr_double(f, "refinement_coarse_step", double(r.refinement_step));
    attr_double(f, "refinement_batches", double(r.refinement_batches));
  }

  hid_t ga = make_group(f, "axes");
  for (int i = 0; i < kNumAxes; ++i) {
    const Axis a = static_cast<Axis>(i);
    const std::string n(axis_name(a));
    ds_double(ga, n, {space.values(a).size()}, space.values(a));
    hid_t d = H5Dopen2(ga, n.c_str(), H5P_DEFAULT);
    attr_string(d, "unit", std::string(axis_external_unit(a)));
    attr_string(d, "role", space.scanned(a) ? "scanned" : "fixed");
    H5Dclose(d);
  }
  H5Gclose(ga);

  hid_t ge = make_group(f, "experiments");
  for (const auto& x : r.experiments) {
    hid_t g = make_group(ge, x.info.name);
    attr_string(g, "title", x.info.title);
    attr_string(g, "kind", x.info.kind);
    attr_string(g, "axes", axes_attr(x.grid));
    attr_string(g, "sources", nlohmann::json(x.info.sources).dump());
    attr_string(g, "options", nlohmann::json(x.options).dump());
    ds_double(g, "signal", x.grid.dims, x.signal);
    ds_double(g, "test_statistic", x.grid.dims, x.test_statistic);
    ds_u8(g, "excluded", x.grid.dims, x.excluded);
    if (!x.evaluated.empty()) {  // adaptive refinement: 1 evaluated, 0 inferred from its leaf cell
      ds_u8(g, "evaluated", x.grid.dims, x.evaluated);
      hid_t d = H5Dopen2(g, "evaluated", H5P_DEFAULT);
      attr_string(d, "meaning", "1: evaluated; 0: inferred (flags from the corners of its refinement cell, values "
                                "interpolated)");
      H5Dclose(d);
    }
    if (x.values_per_point() > 1) {  // the prediction per point (last dimension = bin)
      std::vector<std::size_t> dims = x.grid.dims;
      dims.push_back(x.values_per_point());
      ds_double(g, "signal_bins", dims, x.signal_bins);
    }
    // Bands (1 sigma, 2 sigma of a measurement): per point 1 inside, 0 outside, on the experiment's grid.
    if (!x.bands.empty()) {
      hid_t gb = make_group(g, "bands");
      for (std::size_t b = 0; b < x.bands.size(); ++b) {
        ds_u8(gb, x.bands[b].name, x.grid.dims, x.in_band[b]);
        hid_t d = H5Dopen2(gb, x.bands[b].name.c_str(), H5P_DEFAULT);
        attr_string(d, "title", x.bands[b].title);
        attr_double(d, "confidence_level", x.bands[b].calibration.cl);
        attr_double(d, "threshold", x.bands[b].calibration.threshold);
        H5Dclose(d);
      }
      H5Gclose(gb);
    }
    // The likelihood's data and job-level numbers (s_up, the binned reference, ...); lists as JSON text.
    for (const auto& item : x.info.likelihood->describe(x.calibration).items) {
      if (!(item.targets & stats::DescriptionItem::result_file)) continue;
      if (const double* v = std::get_if<double>(&item.value)) attr_double(g, item.key, *v);
      else if (const std::string* t = std::get_if<std::string>(&item.value)) attr_string(g, item.key, *t);
      else attr_string(g, item.key, description_value(item.value).dump());
    }
    H5Gclose(g);
  }
  H5Gclose(ge);

  hid_t gm = make_group(f, "maps");
  attr_string(gm, "axes", axes_attr(space.full()));
  attr_double(gm, "combined_critical_value", r.combined_critical);
  ds_u8(gm, "excluded_any", space.full().dims, r.excluded_any);
  ds_u8(gm, "excluded_any_limit", space.full().dims, r.excluded_any_limit);
  ds_double(gm, "combined_test_statistic", space.full().dims, r.combined_q);
  ds_u8(gm, "combined_excluded", space.full().dims, r.combined_excluded);
  if (!r.evaluated_all.empty()) ds_u8(gm, "evaluated_all", space.full().dims, r.evaluated_all);
  H5Gclose(gm);

  hid_t gp = make_group(f, "planes");
  for (const auto& pm : planes) {
    hid_t g = make_group(gp, pm.spec.name());
    attr_string(g, "x", std::string(axis_name(pm.spec.x)));
    attr_string(g, "y", std::string(axis_name(pm.spec.y)));
    attr_string(g, "profiled", nlohmann::json(pm.profiled).dump());
    nlohmann::json sl = nlohmann::json::object();
    for (const auto& [a, v] : pm.spec.slice_at) sl[std::string(axis_name(a))] = v;
    attr_string(g, "slice", sl.dump());
    for (const auto& L : pm.layers) {
      hid_t gl = make_group(g, L.name);
      if (L.band >= 0) {  // a band of a preferred region: "excluded" means inside the band
        const stats::Band& b = r.experiments[L.experiment].bands[L.band];
        attr_string(gl, "experiment", r.experiments[L.experiment].info.name);
        attr_string(gl, "band", b.name);
        attr_string(gl, "title", b.title);
        attr_double(gl, "confidence_level", b.calibration.cl);
      }
      if (L.experiment >= 0 && r.experiments[L.experiment].role() == stats::Role::preferred_region)
        attr_string(gl, "role", "preferred_region");
      ds_u8(gl, "excluded", {pm.x.size(), pm.y.size()}, L.excluded());
      ds_double(gl, "margin", {pm.x.size(), pm.y.size()}, L.margin);
      H5Gclose(gl);
    }
    H5Gclose(g);
  }
  H5Gclose(gp);
  check(H5Fclose(f), path);
}

}  // namespace alpscan
