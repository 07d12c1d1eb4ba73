#include "analyzers/core/interrupt.h"

#include <atomic>
#include <csignal>
#include <unistd.h>

namespace seam {

namespace {

// Lock-free, so reading and writing it from a signal handler is safe.
std::atomic<int> g_signal{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void on_signal(int sig) {
  int expected = 0;
  // Asked twice: the user does not want to wait for the TUs in flight.
  if (!g_signal.compare_exchange_strong(expected, sig)) _exit(128 + sig);
}

} // namespace

void install_interrupt_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  // Reads and waits resume after the handler; the workers notice the flag
  // between translation units, not inside a system call.
  sa.sa_flags = SA_RESTART;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

int interrupt_signal() { return g_signal.load(std::memory_order_relaxed); }

const char* signal_name(int sig) {
  switch (sig) {
  case SIGINT: return "SIGINT";
  case SIGTERM: return "SIGTERM";
  default: return "a signal";
  }
}

} // namespace seam
