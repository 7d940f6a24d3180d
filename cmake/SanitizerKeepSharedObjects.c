/* Linked into every program of an ALPSCAN_SANITIZE=address build only (see CMakeLists.txt).
 *
 * OpenMPI loads its components (mca_*.so, and libpmix through them) with dlopen and unloads them with
 * dlclose in MPI_Finalize. LeakSanitizer looks for leaks after that, so the allocation stacks of what
 * those components leak point into unmapped code ("<unknown module>") and cannot be suppressed by
 * library name (scripts/lsan.supp). This dlclose, defined in the executable, takes precedence over
 * libc's for every library and keeps each object mapped until the process exits: the stacks then name
 * the library. Nothing in alpscan unloads a shared object. */
int dlclose(void* handle) {
  (void)handle;
  return 0;
}
