// Ctrl-C and SIGTERM during a run: the first one asks the run to stop taking
// new work, so every translation unit already parsed reaches the fact cache
// whole and the next run resumes from there; a second one exits at once.
#pragma once

namespace seam {

/// Installs handlers for SIGINT and SIGTERM. The first signal is recorded
/// (interrupt_signal() returns it); loops that hand out work check it and
/// stop, and the CLI exits with 128 + the signal (130, 143). A second signal
/// while the first is being honoured ends the process at once with 128 + that
/// signal (_exit: no destructors run; no output is left half-written, since
/// every file seam writes is renamed into place whole).
void install_interrupt_handlers();

/// The signal that asked the run to stop (SIGINT, SIGTERM), or 0.
/// Async-signal-safe and cheap: a relaxed atomic load.
int interrupt_signal();

/// interrupt_signal() != 0.
inline bool interrupted() { return interrupt_signal() != 0; }

/// "SIGINT" or "SIGTERM" (else "a signal"), for messages.
const char* signal_name(int sig);

} // namespace seam
