// A headless Chromium driven over the DevTools protocol, for tests that must
// see what a person sees: the DOM after the page's scripts ran, clicks, console
// errors, every request the page made, screenshots.
//
// The protocol runs over a pipe (--remote-debugging-pipe: commands on fd 3,
// replies and events on fd 4, each message a JSON text ended by '\0'), so there
// is no port, no websocket and nothing to install beyond Debian's `chromium`.
// Header-only because every test binary is built from one source file.
#pragma once

#include <nlohmann/json.hpp>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <optional>
#include <poll.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace seam::test {

/// The Chromium executable: $SEAM_CHROMIUM, else `chromium` or
/// `chromium-browser` on PATH. Empty when none is installed.
inline std::string find_chromium() {
  if (const char* env = std::getenv("SEAM_CHROMIUM"); env && *env) return env;
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  for (const char* name : {"chromium", "chromium-browser"}) {
    size_t start = 0;
    while (start <= dirs.size()) {
      size_t end = dirs.find(':', start);
      if (end == std::string::npos) end = dirs.size();
      std::string candidate = dirs.substr(start, end - start) + "/" + name;
      if (access(candidate.c_str(), X_OK) == 0) return candidate;
      start = end + 1;
    }
  }
  return "";
}

inline std::string base64_decode(const std::string& in) {
  auto val = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  int bits = 0;
  uint32_t acc = 0;
  for (char c : in) {
    int v = val(c);
    if (v < 0) continue;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
}

/// One headless browser with one page, attached over the DevTools pipe.
/// Every event the page sends is kept in `events` for the test to inspect.
class Browser {
public:
  using json = nlohmann::json;

  Browser() = default;
  Browser(const Browser&) = delete;
  Browser& operator=(const Browser&) = delete;
  ~Browser() { stop(); }

  /// Starts Chromium with a fresh profile and no network services, and
  /// attaches to its page. Returns false with `error` set when it cannot.
  bool start(std::string& error, int width = 1440, int height = 900) {
    std::string exe = find_chromium();
    if (exe.empty()) {
      error = "chromium is not installed (scripts/test installs Debian's chromium)";
      return false;
    }
    char tmpl[] = "/tmp/seam-chromium-XXXXXX";
    if (!mkdtemp(tmpl)) {
      error = std::string("mkdtemp: ") + std::strerror(errno);
      return false;
    }
    profile_ = tmpl;
    int to_browser[2], from_browser[2];
    if (pipe(to_browser) != 0 || pipe(from_browser) != 0) {
      error = std::string("pipe: ") + std::strerror(errno);
      return false;
    }
    std::vector<std::string> args{exe,
                                  "--headless",
                                  "--no-sandbox",
                                  "--disable-gpu",
                                  "--disable-quic",
                                  "--no-first-run",
                                  "--no-default-browser-check",
                                  "--disable-background-networking",
                                  "--disable-component-update",
                                  "--disable-sync",
                                  "--disable-extensions",
                                  "--disable-dev-shm-usage",
                                  "--hide-scrollbars",
                                  "--mute-audio",
                                  "--remote-debugging-pipe",
                                  "--window-size=" + std::to_string(width) + "," + std::to_string(height),
                                  "--user-data-dir=" + profile_,
                                  "about:blank"};
    pid_ = fork();
    if (pid_ < 0) {
      error = std::string("fork: ") + std::strerror(errno);
      return false;
    }
    if (pid_ == 0) {
      // The child: fd 3 reads commands, fd 4 writes replies; stderr (dbus
      // noise in containers) goes to a log in the profile.
      dup2(to_browser[0], 3);
      dup2(from_browser[1], 4);
      int log = open((profile_ + "/chromium.log").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (log >= 0) {
        dup2(log, 1);
        dup2(log, 2);
      }
      for (int fd = 5; fd < 1024; ++fd) close(fd);
      std::vector<char*> argv;
      for (std::string& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(to_browser[0]);
    close(from_browser[1]);
    write_fd_ = to_browser[1];
    read_fd_ = from_browser[0];
    signal(SIGPIPE, SIG_IGN);

    json targets = call("Target.getTargets", {}, "", 60000); // a loaded CI machine starts slowly
    if (targets.contains("error")) {
      error = "chromium did not answer on the DevTools pipe: " + targets.dump() + "\n" + log();
      return false;
    }
    std::string target_id;
    for (const json& t : targets["result"]["targetInfos"])
      if (t.value("type", "") == "page") target_id = t.value("targetId", "");
    if (target_id.empty()) {
      json created = call("Target.createTarget", {{"url", "about:blank"}});
      target_id = created["result"].value("targetId", "");
    }
    json attached = call("Target.attachToTarget", {{"targetId", target_id}, {"flatten", true}});
    session_ = attached["result"].value("sessionId", "");
    if (session_.empty()) {
      error = "cannot attach to the page: " + attached.dump();
      return false;
    }
    for (const char* domain : {"Page.enable", "Runtime.enable", "Log.enable", "Network.enable"})
      page(domain);
    page("Emulation.setDeviceMetricsOverride",
         {{"width", width}, {"height", height}, {"deviceScaleFactor", 1}, {"mobile", false}});
    return true;
  }

  /// Opens `url` and waits for its load event. Returns the milliseconds from
  /// the navigation to the load event, or -1 on timeout.
  double navigate(const std::string& url, int timeout_ms = 30000) {
    size_t mark = events.size();
    auto t0 = std::chrono::steady_clock::now();
    page("Page.navigate", {{"url", url}});
    if (!wait_event("Page.loadEventFired", mark, timeout_ms)) return -1;
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  }

  /// Evaluates a JavaScript expression in the page (promises awaited) and
  /// returns its value; a thrown exception comes back as {"exception": text}.
  json eval(const std::string& expression, int timeout_ms = 30000) {
    json r = page("Runtime.evaluate",
                  {{"expression", expression}, {"returnByValue", true}, {"awaitPromise", true}}, timeout_ms);
    if (r.contains("error")) return json{{"exception", r["error"].dump()}};
    const json& res = r["result"];
    if (res.contains("exceptionDetails")) return json{{"exception", res["exceptionDetails"].dump()}};
    return res["result"].contains("value") ? res["result"]["value"] : json();
  }

  /// A real mouse click (pressed and released) at viewport coordinates.
  void click(double x, double y) {
    for (const char* type : {"mouseMoved", "mousePressed", "mouseReleased"})
      page("Input.dispatchMouseEvent",
           {{"type", type}, {"x", x}, {"y", y}, {"button", "left"}, {"buttons", 1}, {"clickCount", 1}});
  }

  /// Scrolls the first element matching `selector` into view and clicks its
  /// centre the way a person would. False when nothing matches.
  bool click(const std::string& selector) {
    json r = eval("(() => { const e = document.querySelector(" + json(selector).dump() +
                  "); if (!e) return null; e.scrollIntoView({block: 'center', inline: 'center'});"
                  " const b = e.getBoundingClientRect(); return [b.left + b.width / 2, b.top + b.height / 2]; })()");
    if (!r.is_array()) return false;
    click(r[0].get<double>(), r[1].get<double>());
    return true;
  }

  /// A PNG of the viewport (or the whole page), written to `path`.
  bool screenshot(const std::string& path, bool full_page = false) {
    json params{{"format", "png"}};
    if (full_page) params["captureBeyondViewport"] = true;
    json r = page("Page.captureScreenshot", params, 60000);
    if (!r.contains("result")) return false;
    std::ofstream out(path, std::ios::binary);
    out << base64_decode(r["result"].value("data", ""));
    return static_cast<bool>(out);
  }

  /// Console errors, uncaught exceptions and error log entries seen so far.
  std::vector<std::string> errors() const {
    std::vector<std::string> out;
    for (const json& e : events) {
      std::string m = e.value("method", "");
      const json& p = e.contains("params") ? e["params"] : json::object();
      if (m == "Runtime.consoleAPICalled" && (p.value("type", "") == "error" || p.value("type", "") == "assert"))
        out.push_back("console." + p.value("type", "") + ": " + p["args"].dump());
      else if (m == "Runtime.exceptionThrown")
        out.push_back("exception: " + p["exceptionDetails"].dump());
      else if (m == "Log.entryAdded" && p["entry"].value("level", "") == "error")
        out.push_back("log: " + p["entry"].value("text", "") + " " + p["entry"].value("url", ""));
    }
    return out;
  }

  /// URLs of every request the page made.
  std::vector<std::string> requests() const {
    std::vector<std::string> out;
    for (const json& e : events)
      if (e.value("method", "") == "Network.requestWillBeSent") out.push_back(e["params"]["request"].value("url", ""));
    return out;
  }

  /// Messages of JavaScript dialogs (alert, confirm, prompt) the page opened.
  std::vector<std::string> dialogs() const {
    std::vector<std::string> out;
    for (const json& e : events)
      if (e.value("method", "") == "Page.javascriptDialogOpening") out.push_back(e["params"].value("message", ""));
    return out;
  }

  /// Chromium's own log (stderr), for failure messages.
  std::string log() const {
    std::ifstream in(profile_ + "/chromium.log");
    std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return s.size() > 4000 ? s.substr(s.size() - 4000) : s;
  }

  std::vector<json> events;

  /// A command to the page's session.
  json page(const std::string& method, const json& params = json::object(), int timeout_ms = 30000) {
    return call(method, params, session_, timeout_ms);
  }

  void stop() {
    if (pid_ > 0) {
      call("Browser.close", {}, "", 2000);
      auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
      int status = 0;
      while (waitpid(pid_, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
          kill(pid_, SIGKILL);
          waitpid(pid_, &status, 0);
          break;
        }
        usleep(20000);
      }
      pid_ = -1;
    }
    if (write_fd_ >= 0) close(write_fd_);
    if (read_fd_ >= 0) close(read_fd_);
    write_fd_ = read_fd_ = -1;
    if (!profile_.empty()) {
      std::error_code ec;
      std::filesystem::remove_all(profile_, ec);
      profile_.clear();
    }
  }

private:
  json call(const std::string& method, const json& params, const std::string& session = "",
            int timeout_ms = 30000) {
    if (write_fd_ < 0) return json{{"error", "not started"}};
    int id = ++next_id_;
    json msg{{"id", id}, {"method", method}, {"params", params.is_null() ? json::object() : params}};
    if (!session.empty()) msg["sessionId"] = session;
    std::string text = msg.dump() + '\0';
    for (size_t done = 0; done < text.size();) {
      ssize_t n = write(write_fd_, text.data() + done, text.size() - done);
      if (n <= 0) {
        if (errno == EINTR) continue;
        return json{{"error", "write to chromium failed"}};
      }
      done += static_cast<size_t>(n);
    }
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
      std::optional<json> m = next_message(deadline);
      if (!m) return json{{"error", "timeout waiting for " + method}};
      if (m->contains("id") && (*m)["id"] == id) return *m;
      if (m->contains("method")) events.push_back(std::move(*m));
    }
  }

  bool wait_event(const std::string& method, size_t from, int timeout_ms) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
      for (size_t i = from; i < events.size(); ++i)
        if (events[i].value("method", "") == method) return true;
      from = events.size();
      std::optional<json> m = next_message(deadline);
      if (!m) return false;
      if (m->contains("method")) events.push_back(std::move(*m));
    }
  }

  std::optional<json> next_message(std::chrono::steady_clock::time_point deadline) {
    for (;;) {
      size_t end = buffer_.find('\0');
      if (end != std::string::npos) {
        std::string text = buffer_.substr(0, end);
        buffer_.erase(0, end + 1);
        json m = json::parse(text, nullptr, false);
        if (m.is_discarded()) continue;
        if (m.value("method", "") == "Page.javascriptDialogOpening") {
          // A dialog blocks the page until it is answered: it is recorded
          // (dialogs()) and dismissed; the reply is not waited for.
          json d{{"id", ++next_id_}, {"method", "Page.handleJavaScriptDialog"},
                 {"params", {{"accept", false}}}, {"sessionId", session_}};
          std::string t = d.dump() + '\0';
          (void)!write(write_fd_, t.data(), t.size());
        }
        return m;
      }
      int left = static_cast<int>(
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count());
      if (left <= 0) return std::nullopt;
      pollfd pfd{read_fd_, POLLIN, 0};
      int r = poll(&pfd, 1, left);
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) return std::nullopt;
      char buf[65536];
      ssize_t n = read(read_fd_, buf, sizeof buf);
      if (n <= 0) return std::nullopt;
      buffer_.append(buf, static_cast<size_t>(n));
    }
  }

  pid_t pid_ = -1;
  int write_fd_ = -1, read_fd_ = -1;
  int next_id_ = 0;
  std::string session_, profile_, buffer_;
};

} // namespace seam::test
