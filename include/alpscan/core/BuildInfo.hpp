// Code version and git revision, stamped into every result file for provenance, and the code's
// identity for checkpoints.
#pragma once
namespace alpscan {
const char* code_version();
const char* git_revision();
// 16 hex digits: a hash of every source of the libraries and the program, and of the compiler and its
// flags (cmake/HashSources.cmake, recomputed at build time). Unlike git_revision() it changes with an
// uncommitted edit and does not change with a commit that touches no source (docs, tests).
const char* code_hash();
}  // namespace alpscan
