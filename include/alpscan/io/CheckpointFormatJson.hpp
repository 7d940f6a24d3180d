// The checkpoint's on-disk text format, "alpscan-checkpoint/2" (JSON): checkpoint/job.json is
// {"format", "identity", "units", "points"}, each manifest.jsonl line
// {"unit", "experiment", "begin", "count", "file", "crc32"}. See scan/Checkpoint.hpp for the layout.
#pragma once

#include "alpscan/scan/CheckpointFormat.hpp"

namespace alpscan {

const CheckpointFormat& checkpoint_format_json();

}  // namespace alpscan
