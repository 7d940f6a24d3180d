// libFuzzer target: the experiment data-file reader (src/io/ExperimentFile.cpp) and the family that
// reads the file, as make_experiment runs them for a job or `alpscan list`. Documented outcome for a
// bad file: InputError listing the problems, or std::invalid_argument (which load_job in
// src/app/main.cpp reports as a problem of the file). Anything else fails: see FuzzInput.hpp.
#include <cstddef>
#include <cstdint>
#include <stdexcept>

#include "FuzzInput.hpp"
#include "alpscan/io/ExperimentCatalog.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace alpscan;
  const std::string path = fuzz::write_input("experiment.json", data, size);
  try {
    ExperimentPtr e = make_experiment({"fuzzed", path, "{}"});
    (void)e->info();
  } catch (const InputError&) {
  } catch (const std::invalid_argument&) {
  } catch (...) {
    fuzz::unexpected_exception("make_experiment");
  }
  return 0;
}
