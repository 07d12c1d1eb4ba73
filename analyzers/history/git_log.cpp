#include "analyzers/history/git_log.h"

#include <algorithm>
#include <charconv>

namespace seam::history {
namespace {

constexpr char kRecordStart = '\x1e';

/// The next NUL-terminated field of `s` from `pos`; false at the end.
bool next_field(std::string_view s, size_t& pos, std::string_view& field) {
  if (pos >= s.size()) return false;
  size_t end = s.find('\0', pos);
  if (end == std::string_view::npos) end = s.size();
  field = s.substr(pos, end - pos);
  pos = end + 1;
  return true;
}

bool parse_count(std::string_view s, uint32_t& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

} // namespace

std::vector<std::string> git_log_args() {
  // %aN/%aE apply .mailmap, so one person with two addresses is one author.
  // %ct, not %at: the window is on the commit date, as git's own --since.
  return {"log", "-z", "-M", "--numstat", "--no-color", "--format=%x1e%H%x00%P%x00%aN%x00%aE%x00%ct"};
}

std::vector<std::string_view> split_records(std::string_view out) {
  std::vector<std::string_view> records;
  size_t pos = out.find(kRecordStart);
  while (pos != std::string_view::npos) {
    size_t next = out.find(kRecordStart, pos + 1);
    records.push_back(out.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos));
    pos = next;
  }
  return records;
}

bool parse_record(std::string_view r, Commit& c, std::string& error) {
  c = Commit{};
  if (r.empty() || r[0] != kRecordStart) {
    error = "a git log record does not start with 0x1E";
    return false;
  }
  size_t pos = 1;
  std::string_view id, parents, author, email, time;
  if (!next_field(r, pos, id) || !next_field(r, pos, parents) || !next_field(r, pos, author) ||
      !next_field(r, pos, email) || !next_field(r, pos, time) || id.size() < 40) {
    error = "a git log record has no complete header";
    return false;
  }
  c.id = id;
  for (size_t s = 0; s < parents.size();) {
    size_t sp = parents.find(' ', s);
    if (sp == std::string_view::npos) sp = parents.size();
    if (sp > s) c.parents.emplace_back(parents.substr(s, sp - s));
    s = sp + 1;
  }
  c.author = author;
  c.email = email;
  std::transform(c.email.begin(), c.email.end(), c.email.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  auto [p, ec] = std::from_chars(time.data(), time.data() + time.size(), c.time);
  if (ec != std::errc() || p != time.data() + time.size()) {
    error = "commit " + c.id + ": bad commit time '" + std::string(time) + "'";
    return false;
  }
  // Then "\n" and numstat entries: "A\tD\tpath\0", or for a rename
  // "A\tD\t\0old\0new\0"; binary files have "-" counts.
  while (pos < r.size() && r[pos] == '\n') ++pos;
  while (pos < r.size()) {
    std::string_view entry;
    if (!next_field(r, pos, entry)) break;
    while (!entry.empty() && entry.front() == '\n') entry.remove_prefix(1);
    if (entry.empty()) continue;
    size_t t1 = entry.find('\t');
    size_t t2 = t1 == std::string_view::npos ? t1 : entry.find('\t', t1 + 1);
    if (t2 == std::string_view::npos) {
      error = "commit " + c.id + ": bad numstat entry '" + std::string(entry) + "'";
      return false;
    }
    FileChange f;
    std::string_view a = entry.substr(0, t1), d = entry.substr(t1 + 1, t2 - t1 - 1);
    if (a == "-" && d == "-") {
      f.binary = true;
    } else if (!parse_count(a, f.added) || !parse_count(d, f.removed)) {
      error = "commit " + c.id + ": bad line counts in '" + std::string(entry) + "'";
      return false;
    }
    std::string_view path = entry.substr(t2 + 1);
    if (path.empty()) {
      std::string_view from, to;
      if (!next_field(r, pos, from) || !next_field(r, pos, to)) {
        error = "commit " + c.id + ": a rename without both names";
        return false;
      }
      f.old_path = from;
      f.path = to;
    } else {
      f.path = path;
    }
    c.files.push_back(std::move(f));
  }
  return true;
}

} // namespace seam::history
