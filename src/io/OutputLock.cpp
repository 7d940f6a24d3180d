#include "alpscan/io/OutputLock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace alpscan {

namespace fs = std::filesystem;

std::string LockHolder::describe() const {
  return fmt::format("pid {} on host {} since {}{}", pid, host.empty() ? "?" : host, started.empty() ? "?" : started,
                     command.empty() ? "" : " (" + command + ")");
}

namespace {

std::string read_fd(int fd) {
  std::string s;
  char buf[4096];
  off_t off = 0;
  for (;;) {
    const ssize_t n = ::pread(fd, buf, sizeof buf, off);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    s.append(buf, static_cast<std::size_t>(n));
    off += n;
    if (s.size() > (1u << 16)) break;  // a record is a few hundred bytes
  }
  return s;
}

std::optional<LockHolder> parse(const std::string& text) {
  try {
    const nlohmann::json j = nlohmann::json::parse(text);
    LockHolder h;
    h.host = j.value("host", "");
    h.pid = j.value("pid", 0L);
    h.started = j.value("started", "");
    h.command = j.value("command", "");
    return h;
  } catch (...) {
    return std::nullopt;  // empty (released cleanly, or the holder is still writing it) or not ours
  }
}

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

bool flock_unsupported(int err) { return err == ENOLCK || err == EOPNOTSUPP || err == ENOSYS || err == EINVAL; }

}  // namespace

OutputLock::OutputLock(const std::string& output_dir, const std::string& command) {
  std::error_code ec;
  fs::create_directories(output_dir, ec);
  if (ec) throw std::runtime_error("cannot create the output directory " + output_dir + ": " + ec.message());
  const std::string p = path(output_dir);
  fd_ = ::open(p.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw std::runtime_error("cannot create the lock file " + p + ": " + std::strerror(errno));
  // A few tries: `alpscan status` probes with a shared lock held for microseconds, and a holder may be
  // between taking the lock and writing its record.
  std::optional<LockHolder> holder;
  for (int attempt = 0;; ++attempt) {
    if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) break;
    const int err = errno;
    if (err == EINTR) continue;
    if (flock_unsupported(err)) {
      unsupported_ = true;
      break;
    }
    if (err != EWOULDBLOCK) {
      ::close(fd_);
      throw std::runtime_error("cannot lock " + p + ": " + std::strerror(err));
    }
    holder = parse(read_fd(fd_));
    if ((holder && attempt >= 2) || attempt >= 10) {
      ::close(fd_);
      fd_ = -1;
      throw OutputLocked(
          fmt::format("{} is in use by another alpscan run: {}. One run per output directory: wait for it to "
                      "finish or stop it (SIGUSR1/SIGTERM; it stays resumable), then run again, or choose another "
                      "\"output\" (lock file {})",
                      output_dir, holder ? holder->describe() : std::string("holder unknown"), p),
          holder);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  crashed_ = parse(read_fd(fd_));  // a record under a free lock: its writer never released it
  char host[256] = "?";
  ::gethostname(host, sizeof host - 1);
  const std::string rec =
      nlohmann::json{{"host", host}, {"pid", static_cast<long>(::getpid())}, {"started", utc_now()}, {"command", command}}
          .dump() + "\n";
  // On failure close the fd (which releases the lock) before throwing: the destructor does not run for a
  // constructor that throws. A short write sets no errno, so it is named as such.
  std::string cause;
  if (::ftruncate(fd_, 0) != 0) {
    cause = std::strerror(errno);
  } else {
    const ssize_t n = ::pwrite(fd_, rec.data(), rec.size(), 0);
    if (n < 0) cause = std::strerror(errno);
    else if (static_cast<std::size_t>(n) != rec.size())
      cause = fmt::format("short write ({} of {} bytes; file system full?)", n, rec.size());
  }
  if (!cause.empty()) {
    ::close(fd_);
    fd_ = -1;
    throw std::runtime_error("cannot write the lock file " + p + ": " + cause);
  }
}

OutputLock::~OutputLock() {
  if (fd_ < 0) return;
  if (::ftruncate(fd_, 0) != 0) {
    // nothing to do: the record stays and the next holder reports it as a crashed one
  }
  ::close(fd_);
}

LockProbe probe_from_flock_errno(int err) {
  if (err == EWOULDBLOCK) return LockProbe::held;
  return LockProbe::unknown;  // ENOLCK, EOPNOTSUPP (no flock on this file system) or anything unexpected
}

LockProbe OutputLock::probe(const std::string& output_dir, std::optional<LockHolder>* holder) {
  if (holder) holder->reset();
  const int fd = ::open(path(output_dir).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT ? LockProbe::free : LockProbe::unknown;
  LockProbe r = LockProbe::free;
  int rc;
  while ((rc = ::flock(fd, LOCK_SH | LOCK_NB)) != 0 && errno == EINTR) {
  }
  if (rc == 0) {
    ::flock(fd, LOCK_UN);
  } else {
    r = probe_from_flock_errno(errno);
    if (r == LockProbe::held && holder) *holder = parse(read_fd(fd)).value_or(LockHolder{});
  }
  ::close(fd);
  return r;
}

std::optional<LockHolder> OutputLock::holder(const std::string& output_dir) {
  std::optional<LockHolder> h;
  probe(output_dir, &h);
  return h;
}

}  // namespace alpscan
