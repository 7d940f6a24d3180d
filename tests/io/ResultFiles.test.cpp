// The result writer (io/ResultFiles, io/Hdf5Result) on the merged result of a small real scan:
// scan.h5 read back with the HDF5 C API holds exactly the merged arrays, axes and attributes; each
// AxionLimits-format curve file parses (two '#' lines, then "m_a g" rows), its polygons are closed
// where the sidecar says, they are the contour of the plane's margin field, and every interior grid
// point lies inside the polygons (even-odd rule, log-log) exactly where the merged result excludes it.
// tests/integration/test_outputs.sh checks the same files from the command line with h5py.
#include <catch2/catch.hpp>

#include <hdf5.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "alpscan/io/ResultFiles.hpp"
#include "alpscan/maps/Contour.hpp"
#include "alpscan/maps/MergedResult.hpp"
#include "alpscan/maps/PlaneMap.hpp"
#include "alpscan/scan/Checkpoint.hpp"
#include "scan_test_util.hpp"

using namespace alpscan;

namespace {

// --- reading scan.h5 with the HDF5 C API ---

struct H5File {
  hid_t id;
  explicit H5File(const std::string& p) : id(H5Fopen(p.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT)) {}
  ~H5File() {
    if (id >= 0) H5Fclose(id);
  }
};

template <class T>
std::vector<T> read_dataset(hid_t f, const std::string& path, hid_t mem_type, std::vector<hsize_t>* dims = nullptr) {
  hid_t d = H5Dopen2(f, path.c_str(), H5P_DEFAULT);
  if (d < 0) FAIL("no dataset " << path);
  hid_t s = H5Dget_space(d);
  const int rank = H5Sget_simple_extent_ndims(s);
  std::vector<hsize_t> dd(static_cast<std::size_t>(rank));
  H5Sget_simple_extent_dims(s, dd.data(), nullptr);
  std::size_t n = 1;
  for (hsize_t x : dd) n *= x;
  std::vector<T> v(n);
  const herr_t st = H5Dread(d, mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data());
  H5Sclose(s);
  H5Dclose(d);
  REQUIRE(st >= 0);
  if (dims) *dims = dd;
  return v;
}

hid_t open_object(hid_t f, const std::string& path) {
  hid_t o = H5Oopen(f, path.c_str(), H5P_DEFAULT);
  if (o < 0) FAIL("no object " << path);
  return o;
}

std::string attr_string(hid_t f, const std::string& obj, const std::string& name) {
  hid_t o = open_object(f, obj);
  hid_t a = H5Aopen(o, name.c_str(), H5P_DEFAULT);
  if (a < 0) FAIL("no attribute " << obj << " " << name);
  hid_t t = H5Aget_type(a);
  REQUIRE(H5Tget_class(t) == H5T_STRING);
  std::string v(H5Tget_size(t), '\0');
  hid_t mt = H5Tcopy(H5T_C_S1);
  H5Tset_size(mt, v.size());
  REQUIRE(H5Aread(a, mt, v.data()) >= 0);
  H5Tclose(mt), H5Tclose(t), H5Aclose(a), H5Oclose(o);
  return v.substr(0, v.find('\0'));
}

double attr_double(hid_t f, const std::string& obj, const std::string& name) {
  hid_t o = open_object(f, obj);
  hid_t a = H5Aopen(o, name.c_str(), H5P_DEFAULT);
  if (a < 0) FAIL("no attribute " << obj << " " << name);
  double v = NAN;
  REQUIRE(H5Aread(a, H5T_NATIVE_DOUBLE, &v) >= 0);
  H5Aclose(a), H5Oclose(o);
  return v;
}

// --- reading an AxionLimits-format curve file ---

struct Curve {
  std::vector<std::string> header;
  std::vector<std::pair<double, double>> rows;
};

Curve read_curve(const std::string& path) {
  Curve c;
  std::ifstream in(path);
  REQUIRE(in.good());
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] == '#') {
      REQUIRE(c.rows.empty());  // header lines only at the top
      c.header.push_back(line);
      continue;
    }
    std::istringstream s(line);
    double x, y;
    std::string rest;
    REQUIRE(static_cast<bool>(s >> x >> y));
    CHECK_FALSE(static_cast<bool>(s >> rest));  // exactly two columns
    c.rows.emplace_back(x, y);
  }
  return c;
}

// Even-odd rule: is (x, y) inside the union of polygons with holes? Coordinates already log10.
bool inside(const std::vector<std::vector<std::pair<double, double>>>& polys, double x, double y) {
  bool in = false;
  for (const auto& p : polys)
    for (std::size_t i = 0, j = p.size() - 1; i < p.size(); j = i++) {
      const auto [xi, yi] = p[i];
      const auto [xj, yj] = p[j];
      if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) in = !in;
    }
  return in;
}

struct WrittenScan : scan_test::MergedScan {
  std::vector<PlaneMap> planes;
  WrittenFiles files;
  WrittenScan() : scan_test::MergedScan("writer", scan_test::kSmallJob) {
    for (const auto& p : job.planes) planes.push_back(make_plane_map(p, *space, r));
    files = write_results(job, *space, r, planes);
  }
};

}  // namespace

TEST_CASE("result writer: scan.h5 holds the merged result, read back with the HDF5 C API", "[io][results]") {
  WrittenScan w;
  REQUIRE(w.files.scan_h5 == w.job.output_dir + "/scan.h5");
  H5File f(w.files.scan_h5);
  REQUIRE(f.id >= 0);
  CHECK(attr_string(f.id, "/", "format") == "alpscan-result/1");
  CHECK(attr_string(f.id, "/", "job_name") == "unit_scan");
  CHECK(attr_string(f.id, "/", "job") == w.job.canonical_text);
  CHECK(attr_double(f.id, "/", "confidence_level") == 0.95);
  // Axes in external units (eV, GeV^-1), with their roles.
  for (Axis a : {Axis::m_a, Axis::g_agg, Axis::g_ae, Axis::br_inv}) {
    const std::string p = "/axes/" + std::string(axis_name(a));
    INFO(p);
    CHECK(read_dataset<double>(f.id, p, H5T_NATIVE_DOUBLE) == w.space->values(a));
    CHECK(attr_string(f.id, p, "unit") == std::string(axis_external_unit(a)));
    CHECK(attr_string(f.id, p, "role") == (w.space->scanned(a) ? "scanned" : "fixed"));
  }
  CHECK(read_dataset<double>(f.id, "/axes/m_a", H5T_NATIVE_DOUBLE).front() == Approx(1e6));
  CHECK(attr_string(f.id, "/axes/g_ae", "role") == "scanned");
  CHECK(attr_string(f.id, "/axes/br_inv", "role") == "fixed");
  // Per experiment: the arrays on its own sub-grid, shaped by its scanned axes, and its s_up.
  for (const auto& x : w.r.experiments) {
    const std::string g = "/experiments/" + x.info.name;
    INFO(g);
    std::vector<hsize_t> dims;
    CHECK(read_dataset<double>(f.id, g + "/signal", H5T_NATIVE_DOUBLE, &dims) == x.signal);
    CHECK(std::vector<std::size_t>(dims.begin(), dims.end()) == x.grid.dims);
    CHECK(read_dataset<double>(f.id, g + "/test_statistic", H5T_NATIVE_DOUBLE) == x.test_statistic);
    CHECK(read_dataset<std::uint8_t>(f.id, g + "/excluded", H5T_NATIVE_UINT8) == x.excluded);
    CHECK(attr_double(f.id, g, "signal_upper_limit") == x.calibration.threshold);
    CHECK(attr_string(f.id, g, "kind") == x.info.kind);
    CHECK(nlohmann::json::parse(attr_string(f.id, g, "axes")).size() == x.grid.axes.size());
  }
  CHECK(attr_string(f.id, "/experiments/passat_nomad", "axes") == R"(["m_a","g_agg"])");
  // Global maps on the full grid.
  std::vector<hsize_t> dims;
  CHECK(read_dataset<std::uint8_t>(f.id, "/maps/excluded_any", H5T_NATIVE_UINT8, &dims) == w.r.excluded_any);
  CHECK(dims == std::vector<hsize_t>{9, 13, 2});
  CHECK(read_dataset<std::uint8_t>(f.id, "/maps/excluded_any_limit", H5T_NATIVE_UINT8) == w.r.excluded_any_limit);
  CHECK(read_dataset<double>(f.id, "/maps/combined_test_statistic", H5T_NATIVE_DOUBLE) == w.r.combined_q);
  CHECK(read_dataset<std::uint8_t>(f.id, "/maps/combined_excluded", H5T_NATIVE_UINT8) == w.r.combined_excluded);
  CHECK(attr_double(f.id, "/maps", "combined_critical_value") == w.r.combined_critical);
  // Planes: every layer's margin and excluded flags.
  for (const auto& pm : w.planes) {
    for (const auto& L : pm.layers) {
      const std::string g = "/planes/" + pm.spec.name() + "/" + L.name;
      INFO(g);
      CHECK(read_dataset<double>(f.id, g + "/margin", H5T_NATIVE_DOUBLE, &dims) == L.margin);
      CHECK(dims == std::vector<hsize_t>{pm.x.size(), pm.y.size()});
      CHECK(read_dataset<std::uint8_t>(f.id, g + "/excluded", H5T_NATIVE_UINT8) == L.excluded());
    }
  }
}

TEST_CASE("result writer: the curve files parse and are the contour of the excluded region", "[io][results]") {
  WrittenScan w;
  REQUIRE(w.planes.size() == 2);
  CHECK(w.planes[0].spec.name() == "m_a__g_agg__g_ae=0");
  CHECK(w.planes[1].profiled == std::vector<std::string>{"g_ae"});
  std::size_t files = 0, tested_points = 0, excluded_points = 0;
  for (const auto& pm : w.planes) {
    const std::size_t nx = pm.x.size(), ny = pm.y.size();
    for (std::size_t l = 0; l < pm.layers.size(); ++l) {
      const PlaneLayer& L = pm.layers[l];
      const std::string base = w.job.output_dir + "/curves/" + pm.spec.name() + "/" + L.name;
      INFO(base);
      const Curve c = read_curve(base + ".txt");
      ++files;
      REQUIRE(c.header.size() == 2);
      CHECK(c.header[0].rfind("# " + L.name + ": ", 0) == 0);
      CHECK(c.header[0].find("95% CL") != std::string::npos);
      CHECK(c.header[1] == "# m_a [eV]\tg_agg [GeV^-1]");
      // The sidecar's row ranges cover the file, one closed polygon each.
      const auto side = nlohmann::json::parse(std::ifstream(base + ".json"));
      CHECK(side.at("confidence_level") == 0.95);
      std::vector<std::vector<std::pair<double, double>>> polys, logpolys;
      std::size_t next = 0;
      for (const auto& range : side.at("polygons")) {
        const std::size_t a = range.at(0), b = range.at(1);
        CHECK(a == next);
        REQUIRE(b < c.rows.size());
        CHECK(b >= a + 3);  // at least a triangle plus the closing row
        CHECK(c.rows[a] == c.rows[b]);
        polys.emplace_back(c.rows.begin() + long(a), c.rows.begin() + long(b) + 1);
        next = b + 1;
      }
      CHECK(next == c.rows.size());
      // They are the marching-squares contour of the layer's margin (log-log), to the 7 digits printed.
      const auto expect = contour_regions(pm.x, pm.y, L.margin, true, true);
      REQUIRE(polys.size() == expect.size());
      for (std::size_t k = 0; k < polys.size(); ++k) {
        REQUIRE(polys[k].size() == expect[k].size());
        for (std::size_t i = 0; i < polys[k].size(); ++i) {
          CHECK(polys[k][i].first == Approx(expect[k][i].first).epsilon(1e-6));
          CHECK(polys[k][i].second == Approx(expect[k][i].second).epsilon(1e-6));
        }
      }
      // Independent of the contour code: interior grid points are inside the polygons exactly where
      // the merged result excludes them. For the slice plane the flag is read from the merged arrays
      // (full grid index (ix * 13 + iy) * 2 + 0 at g_ae = 0); for the profile from the plane layer.
      for (auto& p : polys) {
        logpolys.emplace_back();
        for (const auto& [x, y] : p) logpolys.back().emplace_back(std::log10(x), std::log10(y));
      }
      const bool slice = pm.profiled.empty();
      const std::size_t ne = w.r.experiments.size();
      for (std::size_t ix = 1; ix + 1 < nx; ++ix)
        for (std::size_t iy = 1; iy + 1 < ny; ++iy) {
          const double m = L.margin[ix * ny + iy];
          if (std::abs(m) < 1e-3) continue;  // the contour passes within 1e-4 of a cell of this point
          bool excluded = m >= 0;
          if (slice) {
            const std::size_t full = (ix * ny + iy) * 2;
            if (l < ne) excluded = w.r.experiments[l].excluded[w.space->project(w.r.experiments[l].grid, full)];
            else if (L.name == "union") excluded = w.r.excluded_any[full];
            else if (L.name == "union_limits") excluded = w.r.excluded_any_limit[full];
            else excluded = w.r.combined_excluded[full];
            CHECK(excluded == (m >= 0));
          }
          INFO("m_a = " << pm.x[ix] << " g = " << pm.y[iy] << " margin " << m);
          CHECK(inside(logpolys, std::log10(pm.x[ix]), std::log10(pm.y[iy])) == excluded);
          ++tested_points;
          excluded_points += excluded;
        }
    }
  }
  CHECK(files == 2 * (w.r.experiments.size() + 3));
  CHECK(excluded_points > 0);
  CHECK(excluded_points < tested_points);
}

// --- the 1 sigma / 2 sigma bands of Gaussian measurements (g-2), beside the exclusions ---

namespace {

// A Fig. 13b-like plane (seed 003 L504-L513): (g_ae, g_agg) at m_a = 1 GeV with the electron and muon
// g-2 and one exclusion (belle2_3gamma, n = b: a union to compare with). 21 x 17 points.
const char* kG2Job = R"({"format": "alpscan-job/1", "name": "g2_bands",
  "parameters": {"m_a": {"values": [1e9]},
                 "g_ae": {"scale": "log", "min": 1e-6, "max": 1e-3, "points": 21},
                 "g_agg": {"scale": "log", "min": 1e-6, "max": 1e-2, "points": 17}},
  "experiments": ["g2_electron", "g2_muon", "belle2_3gamma"],
  "confidence_level": 0.9, "chunk_size": 64,
  "planes": [{"x": "g_ae", "y": "g_agg"}]})";

struct WrittenG2Scan : scan_test::MergedScan {
  std::vector<PlaneMap> planes;
  WrittenFiles files;
  WrittenG2Scan() : scan_test::MergedScan("writer_g2", kG2Job) {
    for (const auto& p : job.planes) planes.push_back(make_plane_map(p, *space, r));
    files = write_results(job, *space, r, planes);
  }
};

// |z| = |prediction - value| / sigma from the data file's numbers (seed Eqs. (47)-(48)), independent of
// the likelihood code.
double abs_z(const std::string& experiment, double prediction) {
  return experiment == "g2_electron" ? std::abs(prediction + 8.7e-13) / 3.6e-13 : std::abs(prediction - 2.79e-9) / 0.76e-9;
}

}  // namespace

TEST_CASE("result writer: every Gaussian experiment's 1 sigma and 2 sigma bands, apart from the exclusions",
          "[io][results][g2]") {
  WrittenG2Scan w;
  REQUIRE(w.planes.size() == 1);
  const PlaneMap& pm = w.planes[0];
  const std::string plane = pm.spec.name();
  CHECK(plane == "g_ae__g_agg");
  // Layers: 3 experiments, union, union_limits, combined, then 2 bands for each of the two g-2 terms.
  REQUIRE(pm.layers.size() == 10);
  CHECK(pm.layers[6].name == "g2_electron_1sigma");
  CHECK(pm.layers[7].name == "g2_electron_2sigma");
  CHECK(pm.layers[8].name == "g2_muon_1sigma");
  CHECK(pm.layers[9].name == "g2_muon_2sigma");
  const std::size_t nx = pm.x.size(), ny = pm.y.size();
  // The preferred regions enter no union: union = belle2_3gamma's layer.
  CHECK(pm.layers[3].name == "union");
  CHECK(pm.layers[3].excluded() == pm.layers[2].excluded());

  H5File f(w.files.scan_h5);
  REQUIRE(f.id >= 0);
  const auto summary = nlohmann::json::parse(std::ifstream(w.files.summary_json));
  std::size_t inside_points[2][2] = {{0, 0}, {0, 0}};
  for (std::size_t e = 0; e < 2; ++e) {
    const ExperimentResult& x = w.r.experiments[e];
    INFO(x.info.name);
    REQUIRE(x.bands.size() == 2);
    // scan.h5: per point band membership, equal to |z| <= 1, 2 computed here from the stored prediction.
    for (std::size_t b = 0; b < 2; ++b) {
      const std::string ds = "/experiments/" + x.info.name + "/bands/" + x.bands[b].name;
      const auto in = read_dataset<std::uint8_t>(f.id, ds, H5T_NATIVE_UINT8);
      REQUIRE(in.size() == x.signal.size());
      for (std::size_t i = 0; i < in.size(); ++i) {
        CHECK(in[i] == (abs_z(x.info.name, x.signal[i]) <= b + 1.0 ? 1 : 0));
        inside_points[e][b] += in[i];
      }
      CHECK(attr_double(f.id, ds, "threshold") == (b + 1.0) * (b + 1.0));
      CHECK(attr_string(f.id, "/planes/" + plane + "/" + x.info.name + "_" + x.bands[b].name, "role") == "preferred_region");
      CHECK(attr_string(f.id, "/planes/" + plane + "/" + x.info.name + "_" + x.bands[b].name, "band") == x.bands[b].name);
    }
    // Both bands are populated and nested (1 sigma inside 2 sigma), and neither is everything.
    CHECK(inside_points[e][0] > 0);
    CHECK(inside_points[e][0] < inside_points[e][1]);
    CHECK(inside_points[e][1] < x.signal.size());
    // summary.json: the band levels and counts beside the experiment; the band curves apart from `curves`.
    const auto& js = summary.at("experiments").at(e);
    CHECK(js.at("name") == x.info.name);
    REQUIRE(js.at("bands").size() == 2);
    CHECK(js.at("bands").at(0).at("name") == "1sigma");
    CHECK(js.at("bands").at(0).at("threshold") == 1.0);
    CHECK(js.at("bands").at(1).at("threshold") == 4.0);
    CHECK(js.at("bands").at(1).at("confidence_level").get<double>() == Approx(0.9545).margin(1e-4));
    CHECK(js.at("bands").at(0).at("points") == inside_points[e][0]);
    const auto& jp = summary.at("planes").at(0);
    CHECK(jp.at("band_curves").at(x.info.name).at("2sigma") == "curves/" + plane + "/" + x.info.name + "_2sigma.txt");
    CHECK_FALSE(jp.at("curves").contains(x.info.name + "_1sigma"));
    CHECK(jp.at("curves").contains(x.info.name));  // the region at the job's CL stays where it was
  }
  CHECK_FALSE(summary.at("experiments").at(2).contains("bands"));  // an exclusion has none
  CHECK(summary.at("excluded_any_points") == summary.at("experiments").at(2).at("excluded_points"));

  // Curve files: band level in the header and sidecar; interior grid points inside the polygons exactly
  // where |z| <= 1 (2) at that point (the plane has no profiled axis: m_a is fixed).
  std::size_t tested = 0;
  for (std::size_t l = 6; l < 10; ++l) {
    const PlaneLayer& L = pm.layers[l];
    const ExperimentResult& x = w.r.experiments[L.experiment];
    const double nsig = L.band + 1.0;
    const std::string base = w.job.output_dir + "/curves/" + plane + "/" + L.name;
    INFO(base);
    const Curve c = read_curve(base + ".txt");
    REQUIRE(c.header.size() == 2);
    CHECK(c.header[0].find(L.band == 0 ? "68.2689% CL" : "95.45% CL") != std::string::npos);
    const auto side = nlohmann::json::parse(std::ifstream(base + ".json"));
    CHECK(side.at("role") == "preferred_region");
    CHECK(side.at("experiment") == x.info.name);
    CHECK(side.at("band").at("threshold") == nsig * nsig);
    CHECK(side.at("confidence_level") == x.bands[L.band].calibration.cl);
    std::vector<std::vector<std::pair<double, double>>> logpolys;
    for (const auto& range : side.at("polygons")) {
      const std::size_t a = range.at(0), b = range.at(1);
      logpolys.emplace_back();
      for (std::size_t k = a; k <= b; ++k) logpolys.back().emplace_back(std::log10(c.rows[k].first), std::log10(c.rows[k].second));
    }
    CHECK(!logpolys.empty());
    const SubGrid& full = w.space->full();
    for (std::size_t i = 0; i < full.size; ++i) {
      const auto idx = w.space->unravel(full, i);
      std::size_t ix = 0, iy = 0;
      for (std::size_t k = 0; k < full.axes.size(); ++k) {
        if (full.axes[k] == Axis::g_ae) ix = idx[k];
        if (full.axes[k] == Axis::g_agg) iy = idx[k];
      }
      if (ix == 0 || iy == 0 || ix + 1 == nx || iy + 1 == ny) continue;  // interior points only
      const double m = L.margin[ix * ny + iy];
      if (std::abs(m) < 1e-3) continue;  // the contour passes next to this point
      const bool in = abs_z(x.info.name, x.signal[w.space->project(x.grid, i)]) <= nsig;
      CHECK((m >= 0) == in);
      INFO("g_ae = " << pm.x[ix] << " g_agg = " << pm.y[iy]);
      CHECK(inside(logpolys, std::log10(pm.x[ix]), std::log10(pm.y[iy])) == in);
      ++tested;
    }
  }
  CHECK(tested > 500);
}

// A full disk (issue 18 item 3): the temporary is a link to /dev/full, whose writes fail with ENOSPC.
// The error names the file and says "no space left on device"; nothing is renamed into place and the
// temporary is gone. tests/integration/test_publication.sh does the same on a real full tmpfs.
TEST_CASE("write_text_file: ENOSPC names the file and leaves nothing behind", "[io][publication]") {
  TempDir t("enospc");
  const std::string path = t.path() + "/summary.json", tmp = path + ".tmp." + std::to_string(::getpid());
  REQUIRE(::symlink("/dev/full", tmp.c_str()) == 0);
  try {
    write_text_file(path, std::string(100000, 'x'));
    FAIL("a write to /dev/full succeeded");
  } catch (const std::runtime_error& e) {
    const std::string what = e.what();
    CHECK(what.find(path) != std::string::npos);
    CHECK(what.find("no space left on device") != std::string::npos);
  }
  CHECK_FALSE(std::filesystem::exists(path));
  CHECK_FALSE(std::filesystem::is_symlink(tmp));
  write_text_file(path, "{}\n");  // and the next write works
  CHECK(std::filesystem::file_size(path) == 3);
}
