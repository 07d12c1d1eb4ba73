// History from a real git repository made in the test: scripted commits by
// three authors with a rename, a mass commit over the threshold, a merge and
// a commit outside every module; every number checked by hand.
#include "analyzers/core/output.h"
#include "analyzers/core/process.h"
#include "analyzers/history/change_model.h"
#include "analyzers/history/git_log.h"
#include "analyzers/history/history_cache.h"
#include "analyzers/history/load_history.h"
#include "analyzers/history/read_history.h"
#include "analyzers/vcs/git.h"
#include "support/facts_builder.h"
#include "support/project_builder.h"
#include "support/temp_tree.h"

#include <algorithm>
#include <fstream>

namespace seam {
namespace {

using history::ChangeModel;
using history::CoChange;

class HistoryTest : public test::TempTreeTest {
protected:
  HistoryTest() : TempTreeTest("seam-history") {}
  void SetUp() override {
    TempTreeTest::SetUp();
    root_ = base_ / "repo";
    std::filesystem::create_directories(root_);
  }

  /// Runs git in the repository with the committer and author date of day
  /// `day` of January 2026 (noon UTC), as `who`.
  void git_as(const std::string& who, int day, std::vector<std::string> args) {
    std::string date = "2026-01-" + std::string(day < 10 ? "0" : "") + std::to_string(day) + "T12:00:00Z";
    std::vector<std::string> argv = {"env", "GIT_COMMITTER_DATE=" + date, "GIT_AUTHOR_DATE=" + date, "git", "-C",
                                     root_.string(), "-c", "user.name=" + who, "-c",
                                     "user.email=" + lower(who) + "@example.com", "-c", "commit.gpgsign=false"};
    argv.insert(argv.end(), args.begin(), args.end());
    ProcessResult r = run_process(argv);
    ASSERT_TRUE(r.started && r.exit_status == 0) << r.err << r.error;
  }
  static std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }
  void append(const std::string& rel, const std::string& text) {
    std::ofstream(root_ / rel, std::ios::app | std::ios::binary) << text;
  }
  void commit(const std::string& who, int day, const std::string& msg) {
    git_as(who, day, {"add", "-A"});
    git_as(who, day, {"commit", "-q", "-m", msg});
  }

  /// The scripted history (see the file comment); HEAD is the merge, day 9.
  void make_history() {
    git_as("Ann", 1, {"init", "-q", "-b", "main"});
    write("src/orders/order.cpp", "a\nb\nc\n");
    write("src/billing/bill.cpp", "x\ny\n");
    write("src/proto/msg.h", "m\n");
    commit("Ann", 1, "c1: orders, billing and the message");
    append("src/orders/order.cpp", "d\n");
    append("src/billing/bill.cpp", "z\n");
    commit("Bob", 2, "c2: orders and billing");
    git_as("Ann", 3, {"mv", "src/orders/order.cpp", "src/orders/orders.cpp"});
    append("src/billing/bill.cpp", "w\n");
    commit("Ann", 3, "c3: rename order.cpp, change billing");
    append("src/orders/orders.cpp", "e\n");
    append("src/billing/bill.cpp", "v\n");
    append("src/proto/msg.h", "n\n");
    commit("Bob", 4, "c4: orders, billing, message");
    append("src/billing/bill.cpp", "u\n");
    commit("Cy", 5, "c5: billing alone");
    for (int i = 0; i < 51; ++i) write("src/orders/gen/g" + std::to_string(i) + ".cpp", "g\n");
    commit("Ann", 6, "c6: 51 generated files (a mass commit)");
    git_as("Bob", 7, {"checkout", "-q", "-b", "side"});
    append("src/orders/orders.cpp", "f\n");
    commit("Bob", 7, "c7: orders on a branch");
    git_as("Ann", 8, {"checkout", "-q", "main"});
    write("README.md", "hello\n");
    commit("Ann", 8, "c8: outside every module");
    git_as("Ann", 9, {"merge", "-q", "--no-ff", "-m", "m9: merge side", "side"});
  }

  /// The project as the parse would see it now: orders.cpp includes msg.h.
  void make_project(Project& p) {
    test::TuBuilder b;
    b.include("src/orders/orders.cpp", 1, "src/proto/msg.h");
    b.file("src/billing/bill.cpp");
    b.tu.main_file = "src/orders/orders.cpp";
    for (FileFact& f : b.tu.files) f.lines = f.path == "src/proto/msg.h" ? 2 : 6;
    Config c = test::src_modules({"billing", "orders", "proto"});
    c.root = root_.string();
    ASSERT_TRUE(test::build_from(std::move(b.tu), c, p));
  }

  history::HistoryOptions options() {
    history::HistoryOptions o;
    std::string why;
    EXPECT_TRUE(history::locate_history(root_.string(), "", o, why)) << why;
    return o;
  }

  const CoChange* pair(const ChangeModel& m, const Project& p, const std::string& a, const std::string& b) {
    for (const CoChange& c : m.module_pairs)
      if (p.modules[c.a].name == a && p.modules[c.b].name == b) return &c;
    return nullptr;
  }
};

TEST_F(HistoryTest, CountsEveryCommitModuleAndPairByHand) {
  make_history();
  Project p;
  make_project(p);
  history::History h;
  std::string error;
  ASSERT_TRUE(history::read_history(options(), h, error)) << error;
  EXPECT_EQ(h.window, "12.months");
  EXPECT_EQ(h.in_window, 9u);
  EXPECT_EQ(h.merges, 1u);
  EXPECT_EQ(h.mass, 1u);
  EXPECT_EQ(h.renames, 1u);
  ASSERT_EQ(h.commits.size(), 7u);
  // Newest first, the rename followed: c1 and c2 changed order.cpp, which is orders.cpp now.
  EXPECT_EQ(h.commits.back().files[1].path, "src/orders/orders.cpp");

  history::CouplingThresholds t;
  t.hidden_min_shared = 3;
  ChangeModel m = history::build_change_model(p, std::move(h), t);
  EXPECT_EQ(m.module_commits, 6u);  // c1-c5, c7
  EXPECT_EQ(m.outside_commits, 1u); // c8
  EXPECT_EQ(m.outside_paths, 1u);   // README.md

  const ModuleId billing = p.find_module("billing"), orders = p.find_module("orders"), proto = p.find_module("proto");
  const history::ModuleHistory& o = m.modules[orders];
  EXPECT_EQ(o.commits, 5u);
  EXPECT_EQ(o.added, 6u);
  EXPECT_EQ(o.removed, 0u);
  EXPECT_EQ(o.lines, 6u);
  EXPECT_EQ(o.hotspot, 30u);
  EXPECT_EQ(o.with_others, 4u);
  EXPECT_EQ(o.owners.authors, 2u);
  EXPECT_EQ(o.owners.main_author, "Bob");
  EXPECT_EQ(o.owners.main_commits, 3u);
  const history::ModuleHistory& b = m.modules[billing];
  EXPECT_EQ(b.commits, 5u);
  EXPECT_EQ(b.added, 6u);
  EXPECT_EQ(b.owners.authors, 3u);
  EXPECT_EQ(b.owners.main_author, "Ann"); // Ann and Bob 2 each: the first by email
  EXPECT_EQ(b.owners.main_commits, 2u);
  EXPECT_EQ(m.modules[proto].commits, 2u);
  EXPECT_EQ(m.modules[proto].hotspot, 4u);

  const CoChange* ob = pair(m, p, "billing", "orders");
  ASSERT_NE(ob, nullptr);
  EXPECT_EQ(ob->both, 4u);
  EXPECT_DOUBLE_EQ(ob->support, 0.667);
  EXPECT_DOUBLE_EQ(ob->confidence_ab, 0.8);
  EXPECT_DOUBLE_EQ(ob->confidence_ba, 0.8);
  EXPECT_FALSE(ob->static_dependency);
  EXPECT_TRUE(ob->hidden);
  const CoChange* op = pair(m, p, "orders", "proto");
  ASSERT_NE(op, nullptr);
  EXPECT_EQ(op->both, 2u);
  EXPECT_TRUE(op->static_dependency);
  EXPECT_FALSE(op->hidden);
  const CoChange* bp = pair(m, p, "billing", "proto");
  ASSERT_NE(bp, nullptr);
  EXPECT_FALSE(bp->hidden); // no static dependency, but 2 < 3 shared commits
  EXPECT_EQ(m.module_pairs.front().both, 4u);

  // The file under its current name carries the history of its old name.
  ASSERT_EQ(m.files.size(), 3u);
  for (const history::FileHistory& f : m.files)
    if (p.files[f.file].path == "src/orders/orders.cpp") EXPECT_EQ(f.commits, 5u);
  ASSERT_EQ(m.file_pairs.size(), 3u);
  EXPECT_EQ(p.files[m.file_pairs.front().a].path, "src/billing/bill.cpp");
  EXPECT_EQ(p.files[m.file_pairs.front().b].path, "src/orders/orders.cpp");
  EXPECT_TRUE(m.file_pairs.front().hidden);

  history::SetCoChange s = history::co_change_of(m, {orders}, {});
  EXPECT_EQ(s.commits, 5u);
  EXPECT_EQ(s.with_outside, 4u);
  ASSERT_EQ(s.partners.size(), 2u);
  EXPECT_EQ(s.partners[0].module, billing);
  EXPECT_EQ(s.partners[0].both, 4u);
  EXPECT_EQ(s.partners[1].both, 2u);
  // proto taken along (a library): only billing is outside.
  std::vector<bool> along(p.modules.size(), false);
  along[proto] = true;
  EXPECT_EQ(history::co_change_of(m, {orders, billing}, along).with_outside, 0u);
}

TEST_F(HistoryTest, WindowsThresholdAndTheCacheReadOnlyNewCommits) {
  make_history();
  history::HistoryOptions o = options();
  o.cache_dir = (base_ / "cache").string();
  history::History first, again, narrow;
  std::string error;
  ASSERT_TRUE(history::read_history(o, first, error)) << error;
  EXPECT_EQ(first.from_git, 9u);
  ASSERT_TRUE(history::read_history(o, again, error)) << error;
  EXPECT_EQ(again.from_git, 0u);
  ASSERT_EQ(again.commits.size(), first.commits.size());
  for (size_t i = 0; i < first.commits.size(); ++i) EXPECT_EQ(again.commits[i].id, first.commits[i].id);

  // A window of 3 days before HEAD (day 9): days 6 to 9, from the cache.
  o.since = "3.days";
  ASSERT_TRUE(history::read_history(o, narrow, error)) << error;
  EXPECT_EQ(narrow.in_window, 4u); // c6, c7, c8, m9
  EXPECT_EQ(narrow.from_git, 0u);
  EXPECT_EQ(narrow.mass, 1u);
  EXPECT_EQ(narrow.merges, 1u);
  // A higher threshold lets the mass commit in.
  o.max_files = 100;
  ASSERT_TRUE(history::read_history(o, narrow, error)) << error;
  EXPECT_EQ(narrow.mass, 0u);
  EXPECT_EQ(narrow.commits.size(), 3u);
  // The last N commits instead of a window.
  o.since.clear();
  o.commits = 2;
  ASSERT_TRUE(history::read_history(o, narrow, error)) << error;
  EXPECT_EQ(narrow.in_window, 2u);
  EXPECT_EQ(narrow.window, "last 2 commits");

  // One new commit: git is asked for it alone.
  o.commits = 0;
  o.since = "12.months";
  o.max_files = 50;
  append("src/billing/bill.cpp", "t\n");
  commit("Cy", 10, "c10");
  history::History after;
  ASSERT_TRUE(history::read_history(o, after, error)) << error;
  EXPECT_EQ(after.from_git, 1u);
  EXPECT_EQ(after.in_window, 10u);

  // A damaged cache is noticed and replaced.
  std::ofstream(base_ / "cache" / "commits.v1", std::ios::app) << "x";
  history::RecordMap records;
  std::string problem;
  history::load_cache(o.cache_dir, records, problem);
  EXPECT_NE(problem.find("damaged"), std::string::npos) << problem;
  EXPECT_TRUE(records.empty());
  ASSERT_TRUE(history::read_history(o, after, error)) << error;
  EXPECT_EQ(after.from_git, 10u);
}

TEST_F(HistoryTest, GitProcessesInParallelReadTheSameCommitsAndCache) {
  make_history();
  // One git walk (a slice holds at least 250 commits), against one process
  // per commit on three threads: the same commits, files and counts, and the
  // same cache file byte for byte.
  history::HistoryOptions one = options(), many = options();
  one.cache_dir = (base_ / "cache1").string();
  many.cache_dir = (base_ / "cache3").string();
  many.jobs = 3;
  many.min_slice = 1;
  history::History a, b;
  std::string error;
  ASSERT_TRUE(history::read_history(one, a, error)) << error;
  ASSERT_TRUE(history::read_history(many, b, error)) << error;
  EXPECT_EQ(b.from_git, 9u);
  EXPECT_EQ(b.merges, 1u);
  EXPECT_EQ(b.mass, 1u);
  EXPECT_EQ(b.renames, 1u);
  ASSERT_EQ(a.commits.size(), 7u);
  ASSERT_EQ(b.commits.size(), a.commits.size());
  for (size_t i = 0; i < a.commits.size(); ++i) {
    EXPECT_EQ(b.commits[i].id, a.commits[i].id);
    EXPECT_EQ(b.commits[i].email, a.commits[i].email);
    ASSERT_EQ(b.commits[i].files.size(), a.commits[i].files.size()) << a.commits[i].id;
    for (size_t k = 0; k < a.commits[i].files.size(); ++k) {
      EXPECT_EQ(b.commits[i].files[k].path, a.commits[i].files[k].path);
      EXPECT_EQ(b.commits[i].files[k].added, a.commits[i].files[k].added);
      EXPECT_EQ(b.commits[i].files[k].removed, a.commits[i].files[k].removed);
    }
  }
  std::string c1, c3;
  ASSERT_TRUE(read_file((base_ / "cache1" / "commits.v1").string(), c1, error)) << error;
  ASSERT_TRUE(read_file((base_ / "cache3" / "commits.v1").string(), c3, error)) << error;
  EXPECT_EQ(c1, c3);
  EXPECT_EQ(std::count(c1.begin(), c1.end(), '\x1e'), 9); // a record per commit, merge and mass commit too
}

TEST_F(HistoryTest, NoHistoryIsSaidInOneLine) {
  history::HistoryOptions o;
  std::string why;
  EXPECT_FALSE(history::locate_history(root_.string(), "", o, why));
  EXPECT_NE(why.find("is not in a git work tree"), std::string::npos) << why;

  make_history();
  std::filesystem::create_directories(root_ / "sub");
  EXPECT_FALSE(history::locate_history((root_ / "sub").string(), "", o, why));
  EXPECT_NE(why.find("--history-repo " + root_.string()), std::string::npos) << why;
  // Named explicitly, a subfolder reads the history of its files only.
  EXPECT_TRUE(history::locate_history((root_ / "src").string(), root_.string(), o, why)) << why;
  EXPECT_EQ(o.prefix, "src/");
  history::History h;
  std::string error;
  ASSERT_TRUE(history::read_history(o, h, error)) << error;
  for (const history::Commit& c : h.commits)
    for (const history::FileChange& f : c.files) EXPECT_EQ(f.path.rfind("src/", 0), std::string::npos) << f.path;

  // A shallow clone.
  const std::string clone = (base_ / "shallow").string();
  ProcessResult r = run_process({"git", "clone", "-q", "--depth", "1", "file://" + root_.string(), clone});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_FALSE(history::locate_history(clone, "", o, why));
  EXPECT_NE(why.find("shallow clone"), std::string::npos) << why;
}

// A clone git cannot read whole (a partial clone whose source is gone, or a
// damaged repository): commands that weigh scores by history go on without it
// and say so; those that show history fail with git's reason and what to do.
TEST_F(HistoryTest, ARepositoryMissingObjectsLeavesHistoryOutWithANote) {
  make_history();
  Project p;
  make_project(p);
  // Drop the blob of the first version of bill.cpp: `git log --numstat` of c2
  // needs it (loose objects: the scripted repository was never packed).
  ProcessResult first = run_process({"git", "-C", root_.string(), "log", "--format=%H", "--reverse", "main"});
  ASSERT_EQ(first.exit_status, 0) << first.err;
  const std::string c1 = first.out.substr(0, first.out.find('\n'));
  ProcessResult old = run_process({"git", "-C", root_.string(), "rev-parse", c1 + ":src/billing/bill.cpp"});
  ASSERT_EQ(old.exit_status, 0) << old.err;
  const std::string id = old.out.substr(0, 40);
  const std::filesystem::path object = root_ / ".git" / "objects" / id.substr(0, 2) / id.substr(2);
  ASSERT_TRUE(std::filesystem::exists(object)) << object;
  std::filesystem::remove(object);

  history::HistoryRequest request;
  request.read.jobs = 1;
  history::ChangeModel model;
  std::vector<std::string> notes;
  std::string error;
  ASSERT_TRUE(history::load_change_model(p, request, model, notes, error)) << error;
  EXPECT_TRUE(error.empty());
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("no history: git log"), std::string::npos) << notes[0];
  EXPECT_NE(notes[0].find("the clone lacks objects"), std::string::npos) << notes[0];
  EXPECT_NE(notes[0].find("scores are static only"), std::string::npos) << notes[0];
  EXPECT_NE(model.why.find("no history"), std::string::npos) << model.why;

  // `seam history` (required) and an explicit --history-repo fail instead.
  request.required = true;
  notes.clear();
  EXPECT_FALSE(history::load_change_model(p, request, model, notes, error));
  EXPECT_NE(error.find("--commits N or --since"), std::string::npos) << error;
  request.required = false;
  request.repo = root_.string();
  error.clear();
  EXPECT_FALSE(history::load_change_model(p, request, model, notes, error));
  EXPECT_NE(error.find("the clone lacks objects"), std::string::npos) << error;
}

TEST(GitLog, ParsesRenamesBinariesAndMerges) {
  std::string out = std::string("\x1e") + std::string(40, 'a') + '\0' + std::string(40, 'b') + ' ' +
                    std::string(40, 'c') + '\0' + "Ann" + '\0' + "Ann@Example.com" + '\0' + "1700000000" + '\0' +
                    "\x1e" + std::string(40, 'd') + '\0' + std::string(40, 'a') + '\0' + "Bob" + '\0' + "bob@x" +
                    '\0' + "1700000100" + '\0' + "\n3\t1\tsrc/a b.cpp" + '\0' + "-\t-\timg.png" + '\0' + "0\t0\t" +
                    '\0' + "old.h" + '\0' + "new.h" + '\0';
  auto records = history::split_records(out);
  ASSERT_EQ(records.size(), 2u);
  history::Commit merge, c;
  std::string error;
  ASSERT_TRUE(history::parse_record(records[0], merge, error)) << error;
  EXPECT_EQ(merge.parents.size(), 2u);
  EXPECT_EQ(merge.email, "ann@example.com");
  EXPECT_TRUE(merge.files.empty());
  ASSERT_TRUE(history::parse_record(records[1], c, error)) << error;
  ASSERT_EQ(c.files.size(), 3u);
  EXPECT_EQ(c.files[0].path, "src/a b.cpp");
  EXPECT_EQ(c.files[0].added, 3u);
  EXPECT_EQ(c.files[0].removed, 1u);
  EXPECT_TRUE(c.files[1].binary);
  EXPECT_EQ(c.files[2].old_path, "old.h");
  EXPECT_EQ(c.files[2].path, "new.h");
  EXPECT_EQ(c.time, 1700000100);
  EXPECT_FALSE(history::parse_record(std::string("\x1e") + "short", c, error));
}

TEST(GitLog, SinceParsesUnitsAndDates) {
  int64_t t = 0;
  ASSERT_TRUE(history::parse_since("3.days", 1000000, t));
  EXPECT_EQ(t, 1000000 - 3 * 86400);
  ASSERT_TRUE(history::parse_since("2026-01-02", 0, t));
  EXPECT_EQ(t, 1767312000);
  EXPECT_FALSE(history::parse_since("soon", 0, t));
  EXPECT_FALSE(history::parse_since("3.fortnights", 0, t));
}

} // namespace
} // namespace seam
