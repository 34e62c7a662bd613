#pragma once
// Processes by more than their pid: a pid is reused once its process has ended, so a pid alone
// cannot tell whether a file's writer is still running.

#include <optional>

namespace brief {

// When process `pid` started, in clock ticks since boot (field 22 of /proc/<pid>/stat), or
// nullopt when no such process exists (or /proc cannot be read).
std::optional<unsigned long long> process_start_time(long pid);

// Whether the process that was `pid` and started at `start_time` still runs: false when the pid
// is free or now names a process that started at another time.
bool same_process_running(long pid, unsigned long long start_time);

} // namespace brief
