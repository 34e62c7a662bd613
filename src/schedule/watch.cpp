// `brief watch`: rebuild on change. inotify watches every folder an output can read from; a burst
// of events (an editor saving through a temporary file, a git checkout) is gathered until 200 ms
// pass without one, then one incremental run rebuilds whatever went stale.

#include "schedule/schedule.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <map>
#include <poll.h>
#include <set>
#include <sys/inotify.h>
#include <unistd.h>

namespace brief::schedule {

namespace fs = std::filesystem;

namespace {

constexpr auto k_debounce = std::chrono::milliseconds(200);
constexpr int k_poll_ms = 50;

volatile std::sig_atomic_t g_interrupted = 0;

void on_signal(int) { g_interrupted = 1; }

// Installs SIGINT/SIGTERM handlers for the lifetime of the object. SA_RESETHAND: a second Ctrl-C
// during a long build ends the process the usual way.
class SignalScope {
public:
  SignalScope() {
    g_interrupted = 0;
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    ::sigaction(SIGINT, &action, &m_old_int);
    ::sigaction(SIGTERM, &action, &m_old_term);
  }
  ~SignalScope() {
    ::sigaction(SIGINT, &m_old_int, nullptr);
    ::sigaction(SIGTERM, &m_old_term, nullptr);
  }
  SignalScope(const SignalScope&) = delete;
  SignalScope& operator=(const SignalScope&) = delete;

private:
  struct sigaction m_old_int {};
  struct sigaction m_old_term {};
};

class Inotify {
public:
  Inotify() : m_fd(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {}
  ~Inotify() {
    if (m_fd >= 0) ::close(m_fd);
  }
  Inotify(const Inotify&) = delete;
  Inotify& operator=(const Inotify&) = delete;

  int fd() const { return m_fd; }

  // Watches `dir` and every folder below it except hidden ones and `skip` (the output folder).
  void add_tree(const fs::path& dir, const fs::path& skip) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return;
    add_one(dir);
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_directory()) continue;
      const std::string filename = it->path().filename().string();
      std::error_code same_ec;
      if ((!filename.empty() && filename.front() == '.') || fs::equivalent(it->path(), skip, same_ec)) {
        it.disable_recursion_pending();
        continue;
      }
      add_one(it->path());
    }
  }

  const fs::path* folder_of(int wd) const {
    const auto it = m_folders.find(wd);
    return it == m_folders.end() ? nullptr : &it->second;
  }

private:
  void add_one(const fs::path& dir) {
    const int wd = ::inotify_add_watch(m_fd, dir.c_str(),
        IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB);
    if (wd >= 0) m_folders[wd] = dir;
  }

  int m_fd;
  std::map<int, fs::path> m_folders;
};

} // namespace

int watch(const Plan& plan, Reporter& reporter, const Hooks& hooks, const std::atomic<bool>* stop) {
  Inotify inotify;
  if (inotify.fd() < 0) {
    std::fprintf(stderr, "error: cannot watch for changes: %s\n", std::strerror(errno));
    return 1;
  }
  std::set<fs::path> roots = {plan.project_root / "briefs", plan.project_root / "templates",
      plan.project_root / "corpus"};
  if (!plan.corpus_dir.empty()) roots.insert(plan.corpus_dir);
  for (const auto& spec_path : plan.specs)
    roots.insert(spec_path.has_parent_path() ? spec_path.parent_path() : fs::path("."));
  for (const auto& root : roots) inotify.add_tree(root, plan.output_dir);

  const SignalScope signals;
  auto stopping = [&] { return g_interrupted != 0 || (stop && stop->load()); };

  run(plan, reporter, hooks);
  bool pending = false;
  auto last_event = std::chrono::steady_clock::now();
  alignas(inotify_event) char buffer[16 * 1024];
  while (!stopping()) {
    pollfd descriptor{inotify.fd(), POLLIN, 0};
    const int ready = ::poll(&descriptor, 1, k_poll_ms);
    if (ready > 0) {
      for (;;) {
        const ssize_t n = ::read(inotify.fd(), buffer, sizeof buffer);
        if (n <= 0) break;
        for (ssize_t at = 0; at < n;) {
          const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
          at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
          const std::string filename = event->len > 0 ? event->name : "";
          // Editors' swap and backup files, and our own temporaries, are not changes to inputs.
          if (!filename.empty() && (filename.front() == '.' || filename.back() == '~')) continue;
          if ((event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO))) {
            if (const auto* folder = inotify.folder_of(event->wd))
              inotify.add_tree(*folder / filename, plan.output_dir);
          }
          pending = true;
          last_event = std::chrono::steady_clock::now();
        }
      }
    }
    if (pending && std::chrono::steady_clock::now() - last_event >= k_debounce) {
      pending = false;
      run(plan, reporter, hooks);
    }
  }
  return 0;
}

} // namespace brief::schedule
