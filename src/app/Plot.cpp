#include "Plot.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

namespace alpscan {

int cmd_plot(int argc, char** argv) {
  const char* py_env = std::getenv("ALPSCAN_PYTHON");
  const char* script_env = std::getenv("ALPSCAN_PLOT_SCRIPT");
  // /usr/bin/python3: the interpreter that sees Debian's python3-matplotlib and python3-h5py.
  const std::string python = py_env && *py_env ? py_env : "/usr/bin/python3";
  const std::string script =
      script_env && *script_env ? script_env : std::string(ALPSCAN_SOURCE_DIR) + "/scripts/plot_result.py";
  std::vector<char*> args = {const_cast<char*>(python.c_str()), const_cast<char*>(script.c_str())};
  for (int i = 2; i < argc; ++i) args.push_back(argv[i]);
  args.push_back(nullptr);
  std::cout.flush();
  ::execv(python.c_str(), args.data());
  std::cerr << "alpscan plot: cannot start " << python << " " << script << ": " << std::strerror(errno)
            << " (install python3-matplotlib and python3-h5py: scripts/install-deps.sh)\n";
  return 1;
}

}  // namespace alpscan
