// `brief watch`: rebuild on change. inotify watches every folder an output can read from; a burst
// of events (an editor saving through a temporary file, a git checkout) is gathered until 200 ms
// pass without one, then one incremental run rebuilds whatever went stale.
//
// A watched folder replaced as a whole (`mv corpus corpus.old && cp -r new corpus`, rsync into a
// fresh folder, some checkouts) keeps its old watch on the old folder, and the new one is unseen.
// So the parent of each watched root is watched for its name coming and going, each folder for
// its own move or deletion, and then every watch is set up again from the paths before the run.

#include "schedule/schedule.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <map>
#include <memory>
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

constexpr uint32_t k_folder_events =
    IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF;
// On a root's parent: only entries coming and going (the root's name among them).
constexpr uint32_t k_parent_events = IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF;

class Inotify {
public:
  Inotify() : m_fd(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {}
  ~Inotify() {
    if (m_fd >= 0) ::close(m_fd);
  }
  Inotify(const Inotify&) = delete;
  Inotify& operator=(const Inotify&) = delete;

  int fd() const { return m_fd; }

  // Watches each root's tree and each root's parent for the root's name (see the top of the file).
  void add_roots(const std::set<fs::path>& roots, const fs::path& skip) {
    for (const auto& root : roots) {
      const fs::path absolute = fs::absolute(root).lexically_normal();
      const fs::path name = absolute.has_filename() ? absolute.filename() : absolute.parent_path().filename();
      const fs::path parent = absolute.has_filename() ? absolute.parent_path() : absolute.parent_path().parent_path();
      if (!parent.empty() && parent != absolute) {
        const int wd = ::inotify_add_watch(m_fd, parent.c_str(), k_parent_events | IN_ONLYDIR);
        if (wd >= 0) m_root_names[wd].insert(name.string());
      }
      add_tree(root, skip);
    }
  }

  // True when `event` is one of a root's parent's entries other than a root (to be ignored).
  bool unrelated_parent_entry(const inotify_event& event) const {
    const auto it = m_root_names.find(event.wd);
    if (it == m_root_names.end() || m_folders.count(event.wd) > 0) return false;
    if (event.mask & (IN_DELETE_SELF | IN_MOVE_SELF)) return false;
    return event.len == 0 || it->second.count(event.name) == 0;
  }

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

private:
  void add_one(const fs::path& dir) {
    const int wd = ::inotify_add_watch(m_fd, dir.c_str(), k_folder_events | IN_ONLYDIR);
    if (wd >= 0) m_folders[wd] = dir;
  }

  int m_fd;
  std::map<int, fs::path> m_folders;
  std::map<int, std::set<std::string>> m_root_names;  // a root's parent: the names of its roots
};

// Whether `event` means the watched folders changed shape: a watched folder moved or deleted, or
// one of them (a root among them) replaced, so the watches must be set up again.
bool reshapes(const inotify_event& event) {
  if (event.mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED | IN_Q_OVERFLOW)) return true;
  return (event.mask & IN_ISDIR) && (event.mask & (IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE | IN_CREATE));
}

} // namespace

int watch(const Plan& plan, Reporter& reporter, const Hooks& hooks, const std::atomic<bool>* stop) {
  auto inotify = std::make_unique<Inotify>();
  if (inotify->fd() < 0) {
    std::fprintf(stderr, "error: cannot watch for changes: %s\n", std::strerror(errno));
    return 1;
  }
  std::set<fs::path> roots = {plan.project_root / "briefs", plan.project_root / "templates",
      plan.project_root / "corpus"};
  if (!plan.corpus_dir.empty()) roots.insert(plan.corpus_dir);
  for (const auto& spec_path : plan.specs)
    roots.insert(spec_path.has_parent_path() ? spec_path.parent_path() : fs::path("."));
  inotify->add_roots(roots, plan.output_dir);

  const SignalScope signals;
  auto stopping = [&] { return g_interrupted != 0 || (stop && stop->load()); };

  run(plan, reporter, hooks);
  bool pending = false;
  bool rewatch = false;
  auto last_event = std::chrono::steady_clock::now();
  alignas(inotify_event) char buffer[16 * 1024];
  while (!stopping()) {
    pollfd descriptor{inotify->fd(), POLLIN, 0};
    const int ready = ::poll(&descriptor, 1, k_poll_ms);
    if (ready > 0) {
      for (;;) {
        const ssize_t n = ::read(inotify->fd(), buffer, sizeof buffer);
        if (n <= 0) break;
        for (ssize_t at = 0; at < n;) {
          const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
          at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
          if (inotify->unrelated_parent_entry(*event)) continue;
          const std::string filename = event->len > 0 ? event->name : "";
          // Editors' swap and backup files, and our own temporaries, are not changes to inputs.
          if (!filename.empty() && (filename.front() == '.' || filename.back() == '~')) continue;
          if (reshapes(*event)) rewatch = true;
          pending = true;
          last_event = std::chrono::steady_clock::now();
        }
      }
    }
    if (pending && std::chrono::steady_clock::now() - last_event >= k_debounce) {
      pending = false;
      if (rewatch) {
        // Fresh watches from the paths, set up before the run reads anything, so no change made
        // after this point is missed; stale watches (on a folder moved away) go with the old fd.
        rewatch = false;
        auto fresh = std::make_unique<Inotify>();
        if (fresh->fd() >= 0) {
          fresh->add_roots(roots, plan.output_dir);
          inotify = std::move(fresh);
        }
      }
      run(plan, reporter, hooks);
    }
  }
  return 0;
}

} // namespace brief::schedule
