// scan.h5 writer (HDF5 C API; Debian 12 ships a serial HDF5 1.10 and no C++ wrapper we prefer).
#include <fcntl.h>
#include <hdf5.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "alpscan/core/BuildInfo.hpp"
#include "alpscan/io/DescriptionJson.hpp"
#include "alpscan/io/ResultFiles.hpp"
#include "alpscan/io/ScanH5Writer.hpp"

namespace alpscan {

namespace {

// What the HDF5 error stack says about the last failure (its innermost message, e.g. the sec2 driver's
// "... errno = 28, error message = 'No space left on device'"), as a cause for our own message.
herr_t collect_error(unsigned n, const H5E_error2_t* e, void* out) {
  auto& s = *static_cast<std::string*>(out);
  if (n == 0 && e->desc) s = e->desc;  // walked upward: entry 0 is the innermost
  return 0;
}
std::string hdf5_cause() {
  const int err = errno;
  std::string s;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, collect_error, &s);
  H5Eclear2(H5E_DEFAULT);
  if (s.find("errno = 28") != std::string::npos || s.find("No space left") != std::string::npos || err == ENOSPC)
    return "no space left on device";
  if (s.find("errno = 122") != std::string::npos || err == EDQUOT) return "disk quota exceeded";
  return s.empty() ? std::string("HDF5 error") : s;
}

// The file being written, for the messages; set by write_scan_h5.
thread_local const std::string* g_path = nullptr;

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error("cannot write " + (g_path ? *g_path : std::string("scan.h5")) + " (" + what +
                           "): " + hdf5_cause());
}

void check(herr_t s, const std::string& what) {
  if (s < 0) fail(what);
}

// An HDF5 identifier closed on every path, an exception included: a handle leaked by an exception kept
// the library's atexit clean-up busy with a half-written file (SIGSEGV at exit, issue 18 item 3).
class Hid {
 public:
  Hid(hid_t id, herr_t (*close)(hid_t), const std::string& what) : id_(id), close_(close) {
    if (id_ < 0) fail(what);
  }
  ~Hid() {
    if (id_ >= 0) close_(id_);
  }
  Hid(const Hid&) = delete;
  Hid& operator=(const Hid&) = delete;
  operator hid_t() const { return id_; }
  // Closes now and reports the result (the file's close is where buffered data reach the disk).
  herr_t close() {
    const herr_t r = close_(id_);
    id_ = -1;
    return r;
  }

 private:
  hid_t id_;
  herr_t (*close_)(hid_t);
};

// Property lists with object timestamps off, so equal data give byte-identical files.
hid_t create_group(hid_t parent, const std::string& name) {
  Hid gcpl(H5Pcreate(H5P_GROUP_CREATE), H5Pclose, "property list");
  check(H5Pset_obj_track_times(gcpl, 0), "property list");  // timestamps would break byte-identity
  return H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, gcpl, H5P_DEFAULT);
}
Hid make_group(hid_t parent, const std::string& name) { return Hid(create_group(parent, name), H5Gclose, "group " + name); }

void attr_string(hid_t obj, const std::string& name, const std::string& value) {
  Hid t(H5Tcopy(H5T_C_S1), H5Tclose, "string type");
  check(H5Tset_size(t, value.empty() ? 1 : value.size()), "string type");
  check(H5Tset_strpad(t, H5T_STR_NULLTERM), "string type");
  Hid s(H5Screate(H5S_SCALAR), H5Sclose, "dataspace");
  Hid a(H5Acreate2(obj, name.c_str(), t, s, H5P_DEFAULT, H5P_DEFAULT), H5Aclose, "attribute " + name);
  check(H5Awrite(a, t, value.empty() ? "" : value.c_str()), "attribute " + name);
  check(a.close(), "attribute " + name);
}

void attr_double(hid_t obj, const std::string& name, double v) {
  Hid s(H5Screate(H5S_SCALAR), H5Sclose, "dataspace");
  Hid a(H5Acreate2(obj, name.c_str(), H5T_IEEE_F64LE, s, H5P_DEFAULT, H5P_DEFAULT), H5Aclose, "attribute " + name);
  check(H5Awrite(a, H5T_NATIVE_DOUBLE, &v), "attribute " + name);
  check(a.close(), "attribute " + name);
}

template <class T>
void dataset(hid_t parent, const std::string& name, const std::vector<std::size_t>& dims, const std::vector<T>& v,
             hid_t file_type, hid_t mem_type) {
  std::vector<hsize_t> d(dims.begin(), dims.end());
  if (d.empty()) d = {1};
  Hid s(H5Screate_simple(static_cast<int>(d.size()), d.data(), nullptr), H5Sclose, "dataspace of " + name);
  Hid dcpl(H5Pcreate(H5P_DATASET_CREATE), H5Pclose, "property list");
  check(H5Pset_obj_track_times(dcpl, 0), "property list");
  Hid ds(H5Dcreate2(parent, name.c_str(), file_type, s, H5P_DEFAULT, dcpl, H5P_DEFAULT), H5Dclose, "dataset " + name);
  check(H5Dwrite(ds, mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data()), "dataset " + name);
  // Checked: with the default (sec2) driver a small dataset's data reach the file only when it is closed
  // (HDF5's sieve buffer), so a full disk may show here first.
  check(ds.close(), "dataset " + name);
}

Hid open_dataset(hid_t parent, const std::string& name) {
  return Hid(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), H5Dclose, "dataset " + name);
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

struct ScanH5Writer::Impl {
  std::string path;
  const ParameterSpace& space;
  std::unique_ptr<Hid> file, experiments;
  explicit Impl(const std::string& p, const ParameterSpace& s) : path(p), space(s) {}
  // Sets the file name used by the messages for the duration of one call.
  struct Naming {
    explicit Naming(const std::string& p) { g_path = &p; }
    ~Naming() { g_path = nullptr; }
  };
};

ScanH5Writer::ScanH5Writer(const std::string& path, const JobSpec& job, const ParameterSpace& space,
                           const MergedResult& r)
    : impl_(std::make_unique<Impl>(path, space)) {
  H5dont_atexit();  // before the library starts (fails harmlessly if it has): see the header
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  Impl::Naming naming(impl_->path);
  // Strong close: closing the file closes whatever is still open in it.
  Hid fapl(H5Pcreate(H5P_FILE_ACCESS), H5Pclose, "file access property list");
  check(H5Pset_fclose_degree(fapl, H5F_CLOSE_STRONG), "file access property list");
  impl_->file = std::make_unique<Hid>(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, fapl), H5Fclose, "create");
  const hid_t f = *impl_->file;
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

  Hid ga = make_group(f, "axes");
  for (int i = 0; i < kNumAxes; ++i) {
    const Axis a = static_cast<Axis>(i);
    const std::string n(axis_name(a));
    const std::vector<double> v = space.effective_values(a);  // a tied axis: its values along its source
    ds_double(ga, n, {v.size()}, v);
    Hid d = open_dataset(ga, n.c_str());
    attr_string(d, "unit", std::string(axis_external_unit(a)));
    const auto& tie = space.tie(a);
    attr_string(d, "role", tie ? "tied" : space.scanned(a) ? "scanned" : "fixed");
    if (tie) {  // only then: untied result files stay as they were
      attr_string(d, "tied_to", std::string(axis_name(tie->source)));
      attr_double(d, "ratio", tie->ratio);
    }
  }
  impl_->experiments = std::make_unique<Hid>(create_group(f, "experiments"), H5Gclose, "group experiments");
}

ScanH5Writer::~ScanH5Writer() = default;  // an unfinished file is closed as it is (the caller removes it)

void ScanH5Writer::add_experiment(const ExperimentResult& x) {
  Impl::Naming naming(impl_->path);
  if (!impl_->experiments) throw std::logic_error("ScanH5Writer::add_experiment after finish");
  Hid g = make_group(*impl_->experiments, x.info.name);
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
    Hid d = open_dataset(g, "evaluated");
    attr_string(d, "meaning", "1: evaluated; 0: inferred (flags from the corners of its refinement cell, values "
                              "interpolated)");
  }
  if (x.values_per_point() > 1) {  // the prediction per point (last dimension = bin)
    std::vector<std::size_t> dims = x.grid.dims;
    dims.push_back(x.values_per_point());
    ds_double(g, "signal_bins", dims, x.signal_bins);
  }
  // Bands (1 sigma, 2 sigma of a measurement): per point 1 inside, 0 outside, on the experiment's grid.
  if (!x.bands.empty()) {
    Hid gb = make_group(g, "bands");
    for (std::size_t b = 0; b < x.bands.size(); ++b) {
      ds_u8(gb, x.bands[b].name, x.grid.dims, x.in_band[b]);
      Hid d = open_dataset(gb, x.bands[b].name.c_str());
      attr_string(d, "title", x.bands[b].title);
      attr_double(d, "confidence_level", x.bands[b].calibration.cl);
      attr_double(d, "threshold", x.bands[b].calibration.threshold);
    }
  }
  // The likelihood's data and job-level numbers (s_up, the binned reference, ...); lists as JSON text.
  for (const auto& item : x.info.likelihood->describe(x.calibration).items) {
    if (!(item.targets & stats::DescriptionItem::result_file)) continue;
    if (const double* v = std::get_if<double>(&item.value)) attr_double(g, item.key, *v);
    else if (const std::string* t = std::get_if<std::string>(&item.value)) attr_string(g, item.key, *t);
    else attr_string(g, item.key, description_value(item.value).dump());
  }
  // Starts the write-back of what is written so far (a hint, without waiting): the publication's fsync then
  // finds most of the file on disk instead of writing it all at the end. Its errors show in that fsync.
  const int saved_errno = errno;  // hdf5_cause() reads errno: a failed hint must not name a later failure's cause
  const int fd = ::open(impl_->path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    ::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
    ::close(fd);
  }
  errno = saved_errno;
}

void ScanH5Writer::finish(const MergedResult& r, const std::vector<PlaneMap>& planes) {
  Impl::Naming naming(impl_->path);
  if (!impl_->experiments) throw std::logic_error("ScanH5Writer::finish called twice");
  impl_->experiments.reset();
  const ParameterSpace& space = impl_->space;
  const hid_t f = *impl_->file;
  Hid gm = make_group(f, "maps");
  attr_string(gm, "axes", axes_attr(space.full()));
  attr_double(gm, "combined_critical_value", r.combined_critical);
  ds_u8(gm, "excluded_any", space.full().dims, r.excluded_any);
  ds_u8(gm, "excluded_any_limit", space.full().dims, r.excluded_any_limit);
  ds_double(gm, "combined_test_statistic", space.full().dims, r.combined_q);
  ds_u8(gm, "combined_excluded", space.full().dims, r.combined_excluded);
  if (!r.evaluated_all.empty()) ds_u8(gm, "evaluated_all", space.full().dims, r.evaluated_all);

  Hid gp = make_group(f, "planes");
  for (const auto& pm : planes) {
    Hid g = make_group(gp, pm.spec.name());
    attr_string(g, "x", std::string(axis_name(pm.spec.x)));
    attr_string(g, "y", std::string(axis_name(pm.spec.y)));
    attr_string(g, "profiled", nlohmann::json(pm.profiled).dump());
    nlohmann::json sl = nlohmann::json::object();
    for (const auto& [a, v] : pm.spec.slice_at) sl[std::string(axis_name(a))] = v;
    attr_string(g, "slice", sl.dump());
    for (const auto& L : pm.layers) {
      Hid gl = make_group(g, L.name);
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
    }
  }
  // The close is where buffered metadata reach the disk: its failure (a full disk) is the write's.
  check(impl_->file->close(), "close");
  impl_->file.reset();
}

}  // namespace alpscan
