// `alpscan plot RESULT_DIR [--plane NAME|x,y] [--format png|pdf|svg] [--out DIR]`: draws a finished result
// from its merged files alone (summary.json, curves/, scan.h5) with scripts/plot_result.py (Debian's
// python3-matplotlib and python3-h5py). Needs no MPI and no job file; the renderer owns the checks of the
// result directory (missing, foreign, still running: exit 2 with the reason).
#pragma once

namespace alpscan {

// Replaces the process by the renderer with argv[2..] as its arguments (argv[1] is "plot"); returns only
// if it cannot be started (then prints why and returns 1). $ALPSCAN_PYTHON overrides /usr/bin/python3,
// $ALPSCAN_PLOT_SCRIPT the script.
int cmd_plot(int argc, char** argv);

}  // namespace alpscan
