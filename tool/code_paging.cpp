// Gives back the pages of library code that only start-up touched.
//
// Loading libLLVM and libclang-cpp runs hundreds of static constructors
// (command-line option registrations, target registries) spread over 180 MB
// of code, and the kernel maps file pages in large blocks: when main() starts,
// 50 MB of the libraries' code and read-only data is resident, and a command
// that reads the fact cache executes almost none of it again. Those pages are
// clean copies of the library files (the page cache keeps them), so dropping
// them from this process costs nothing but a minor fault for a page that runs
// again; the parse, when there is one, faults in what it uses. Only segments
// that are never written are touched (no PF_W: code, read-only data, symbol
// tables), never the relocated data, which has no copy on disk.
// docs/performance.md has the measurement.
#include "tool/code_paging.h"

#include <cstdint>
#include <cstring>
#include <link.h>
#include <sys/mman.h>
#include <unistd.h>

namespace seam::cli {
namespace {

int drop_read_only_segments(struct dl_phdr_info* info, size_t, void*) {
  // Only the two big libraries: the rest is small, and the executable (empty
  // name) and the vDSO are left alone.
  if (!info->dlpi_name || (!std::strstr(info->dlpi_name, "/libLLVM") && !std::strstr(info->dlpi_name, "/libclang-cpp")))
    return 0;
  const uintptr_t page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_LOAD || (ph.p_flags & PF_W)) continue;
    // Whole pages inside the segment only (a page shared with a writable segment stays).
    const uintptr_t begin = (info->dlpi_addr + ph.p_vaddr + page - 1) & ~(page - 1);
    const uintptr_t end = (info->dlpi_addr + ph.p_vaddr + ph.p_filesz) & ~(page - 1);
    if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED); // advice: a failure only costs memory
  }
  return 0;
}

} // namespace

void release_startup_code() { dl_iterate_phdr(drop_read_only_segments, nullptr); }

} // namespace seam::cli
