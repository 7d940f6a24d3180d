#!/usr/bin/python3
"""A benchmark's copy of a job: its output redirected, and adaptive refinement injected if asked.

usage: bench/copy_job.py JOB DEST_JSON OUTPUT_DIR STEP   (STEP: the refinement's coarse_step, 0 = full grid)
Used by bench/bench_jobs.sh and bench/bench_merge.sh, so that no benchmark writes into out/.
"""
import json
import sys

job, dest, output, step = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
j = json.load(open(job))
j["output"] = output
if step:
    j["refinement"] = {"coarse_step": step}
json.dump(j, open(dest, "w"), indent=1)
