// Code version and git revision, stamped into every result file for provenance.
#pragma once
namespace alpscan {
const char* code_version();
const char* git_revision();
}  // namespace alpscan
