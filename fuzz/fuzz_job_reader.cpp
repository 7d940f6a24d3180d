// libFuzzer target: the job-file reader as `alpscan validate` runs it (src/app/main.cpp load_job):
// read_job, then every selected experiment's data file and the bandpass wrapper. Documented outcome
// for bad input: problems in the Diagnostics, or the exceptions load_job turns into problems
// (InputError, BandpassMismatch, std::invalid_argument). Anything else fails: see FuzzInput.hpp.
#include <cstddef>
#include <cstdint>
#include <stdexcept>

#include "FuzzInput.hpp"
#include "alpscan/experiments/BandpassRescaledExperiment.hpp"
#include "alpscan/io/ExperimentCatalog.hpp"
#include "alpscan/io/JobSpecIO.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace alpscan;
  const std::string path = fuzz::write_input("job.json", data, size);
  try {
    Diagnostics diags;
    const JobSpec job = read_job(path, diags);
    for (const auto& r : job.experiments) {
      try {
        ExperimentPtr e = with_bandpass_coupling(make_experiment(r), job.model);
      } catch (const InputError&) {
      } catch (const BandpassMismatch&) {
      } catch (const std::invalid_argument&) {
      }
    }
  } catch (...) {
    fuzz::unexpected_exception("read_job");
  }
  return 0;
}
