#pragma once
// Cross-process exclusion per output, and cleaning up after writers that died.

#include <filesystem>
#include <string>

namespace brief::schedule {

// An exclusive flock(2) on a lock file, held for the object's lifetime. A second run building the
// same output waits here, then finds the output up to date. The lock file is left in place:
// unlinking it would let a third process lock a fresh inode while the second still holds the old.
// The kernel drops the lock if the process dies, so a killed build never blocks the next one.
class OutputLock {
public:
  explicit OutputLock(const std::filesystem::path& path);
  ~OutputLock();
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

  // False when the lock file could not be opened or locked; `error()` says why.
  bool locked() const { return m_fd >= 0; }
  const std::string& error() const { return m_error; }

private:
  int m_fd = -1;
  std::string m_error;
};

// Removes temporary files of write_file_atomically (only names is_temporary_output_name accepts)
// in `dir` that are older than `min_age_seconds` and whose writer process no longer runs (its pid
// is free, or names a process started at another time than the one in the file's name).
// Returns how many were removed.
size_t remove_stale_temporaries(const std::filesystem::path& dir, long min_age_seconds = 300);

} // namespace brief::schedule
