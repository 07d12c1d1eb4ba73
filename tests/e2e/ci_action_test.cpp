// End to end: the CI integrations in ci/ run as a CI runner would run them.
// The GitHub action's script (ci/github/run-check.sh) runs on a git repository
// made from samples/shop, in a subfolder of the workspace, on a pull request
// that adds one violation: the annotations, the job summary, the SARIF and the
// step outputs are checked. The GitLab template's job script, taken out of the
// YAML, runs likewise and its Code Quality and JUnit artifacts are checked. Both
// YAML files are parsed (Debian's python3-yaml) and checked for what they promise.
#include "support/sample_copy.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace seam {
namespace {

using json = nlohmann::json;
using test::run;
using test::RunResult;

const std::string kSource = SEAM_SOURCE_DIR;

RunResult git(const std::string& dir, std::vector<std::string> args) {
  std::vector<std::string> argv{"git", "-C", dir, "-c", "user.name=seam test", "-c", "user.email=test@example.invalid",
                                "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv);
}

/// A YAML file as JSON, read by Debian's python3-yaml (the one scripts/lib.sh installs).
json yaml_as_json(const std::string& path) {
  auto r = run({"/usr/bin/python3", "-c",
                "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))", path});
  EXPECT_EQ(r.status, 0) << r.err;
  return r.status == 0 ? json::parse(r.out) : json();
}

/// The workspace is the folder holding the shop copy (a monorepo with seam.json in
/// shop/): one commit on main pushed to a bare "origin", then a pull-request branch
/// where catalog starts using users (a new undeclared dependency).
class CiScripts : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_TRUE(shop_.has_db());
    ws_ = shop_.base();
    std::ofstream(ws_ + "/.gitignore") << "shop/build/\n";
    ASSERT_EQ(git(ws_, {"init", "-q"}).status, 0);
    ASSERT_EQ(git(ws_, {"add", "-A"}).status, 0);
    ASSERT_EQ(git(ws_, {"commit", "-q", "-m", "base"}).status, 0);
    const std::string origin = shop_.root() + "/build/origin.git";
    ASSERT_EQ(run({"git", "clone", "-q", "--bare", ws_, origin}).status, 0);
    ASSERT_EQ(git(ws_, {"remote", "add", "origin", origin}).status, 0);
    ASSERT_EQ(git(ws_, {"checkout", "-q", "-b", "feature"}).status, 0);
    ASSERT_TRUE(shop_.edit("src/catalog/catalog.cpp", "#include \"catalog/catalog.h\"\n",
                           "#include \"catalog/catalog.h\"\n#include \"users/user_directory.h\"\n"
                           "static shop::users::UserDirectory* g_seam_test_directory = nullptr;\n"));
    ASSERT_EQ(git(ws_, {"commit", "-q", "-am", "catalog uses users"}).status, 0);
  }

  /// run-check.sh with the variables a pull_request run has, plus `extra`.
  RunResult action(const std::vector<std::string>& extra) {
    std::vector<std::string> argv{"env",
                                  "SEAM=" + std::string(SEAM_EXE),
                                  "GITHUB_WORKSPACE=" + ws_,
                                  "GITHUB_STEP_SUMMARY=" + out("summary.md"),
                                  "GITHUB_OUTPUT=" + out("output.txt"),
                                  "GITHUB_BASE_REF=main",
                                  "GITHUB_EVENT_NAME=pull_request",
                                  "SEAM_WORKING_DIRECTORY=shop",
                                  "SEAM_BUILD_DIR=build",
                                  "SEAM_SARIF=" + out("seam.sarif")};
    argv.insert(argv.end(), extra.begin(), extra.end());
    argv.push_back(kSource + "/ci/github/run-check.sh");
    return run(argv, ws_);
  }
  std::string out(const std::string& name) const { return shop_.root() + "/build/" + name; }

  test::SampleCopy shop_{"shop"};
  std::string ws_;
};

TEST_F(CiScripts, GithubActionAnnotatesSummarisesAndWritesSarif) {
  // affected: true on a pull request: origin/main is fetched; only the change fails.
  auto r = action({"SEAM_AFFECTED=true"});
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  // Annotations at the site, relative to the repository (shop/ is seam.json's folder).
  EXPECT_NE(r.out.find("::error file=shop/src/catalog/catalog.cpp,line=2,col=1,title=seam/undeclared catalog -> users::"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("file=shop/src/inventory/inventory.cpp"), std::string::npos) << r.out; // outside the change
  EXPECT_NE(r.out.find("outside the change (not failed on): failed"), std::string::npos) << r.out;

  const std::string summary = test::slurp(out("summary.md"));
  EXPECT_EQ(summary.rfind("## seam check: failed", 0), 0u) << summary;
  EXPECT_NE(summary.find("| undeclared | error | catalog -&gt; users | shop/src/catalog/catalog.cpp:2:1 |"),
            std::string::npos)
      << summary;
  EXPECT_NE(summary.find("outside the change (--affected origin/main, 1 file changed), not failed on"),
            std::string::npos)
      << summary;

  const std::string outputs = test::slurp(out("output.txt"));
  EXPECT_NE(outputs.find("exit-code=1\n"), std::string::npos) << outputs;
  EXPECT_NE(outputs.find("sarif=" + out("seam.sarif") + "\n"), std::string::npos) << outputs;
  json sarif = json::parse(test::slurp(out("seam.sarif")));
  EXPECT_EQ(sarif["version"], "2.1.0");
  size_t fresh = 0;
  for (const json& res : sarif["runs"][0]["results"])
    if (res["baselineState"] == "new") {
      ++fresh;
      EXPECT_EQ(res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "shop/src/catalog/catalog.cpp");
      EXPECT_EQ(res["ruleId"], "seam/undeclared");
    }
  EXPECT_EQ(fresh, 2u); // the include and the type use

  // The whole project, failing on nothing: every planted violation annotated, exit 0.
  std::remove(out("summary.md").c_str());
  auto all = action({"SEAM_AFFECTED=false", "SEAM_FAIL_ON=never"});
  EXPECT_EQ(all.status, 0) << all.err;
  EXPECT_NE(all.out.find("::error file=shop/src/inventory/inventory.cpp,"), std::string::npos) << all.out;
  EXPECT_EQ(test::slurp(out("summary.md")).rfind("## seam check: passed", 0), 0u);

  // A bad input is an error (2), not a pass: a baseline that is not JSON.
  std::ofstream(shop_.root() + "/broken.json") << "{";
  auto bad = action({"SEAM_BASELINE=broken.json"});
  EXPECT_EQ(bad.status, 2) << bad.out << bad.err;
  EXPECT_NE(test::slurp(out("output.txt")).find("exit-code=2\n"), std::string::npos);
}

TEST_F(CiScripts, GitlabTemplateWritesCodeQualityAndJunit) {
  json job = yaml_as_json(kSource + "/ci/gitlab/seam.gitlab-ci.yml")[".seam-check"];
  ASSERT_TRUE(job["script"].is_array());
  EXPECT_EQ(job["artifacts"]["reports"]["codequality"], "gl-code-quality-report.json");
  EXPECT_EQ(job["artifacts"]["reports"]["junit"], "seam-junit.xml");
  EXPECT_EQ(job["artifacts"]["when"], "always");
  std::string script;
  for (const json& line : job["script"]) script += line.get<std::string>() + "\n";
  std::ofstream(out("job.sh")) << script;
  // The job's variables as the template sets them, then what this merge request overrides.
  std::vector<std::string> argv{"env"};
  for (const auto& [k, v] : job["variables"].items()) argv.push_back(k + "=" + v.get<std::string>());
  for (const std::string& v : {"SEAM=" + std::string(SEAM_EXE), std::string("SEAM_AFFECTED=true"),
                               std::string("SEAM_PATH_PREFIX=shop"), std::string("CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main")})
    argv.push_back(v);
  argv.insert(argv.end(), {"sh", out("job.sh")}); // GitLab runs scripts with sh where bash is absent
  auto r = run(argv, shop_.root());
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("src/catalog/catalog.cpp:2:1: error: [seam/undeclared]"), std::string::npos) << r.out;

  json cq = json::parse(test::slurp(shop_.root() + "/gl-code-quality-report.json"));
  ASSERT_TRUE(cq.is_array());
  size_t catalog = 0;
  for (const json& issue : cq) {
    EXPECT_EQ(issue["fingerprint"].get<std::string>().size(), 32u);
    EXPECT_EQ(issue["location"]["path"].get<std::string>().rfind("shop/src/", 0), 0u) << issue.dump();
    if (issue["location"]["path"] == "shop/src/catalog/catalog.cpp") {
      ++catalog;
      EXPECT_EQ(issue["check_name"], "seam/undeclared");
      EXPECT_EQ(issue["severity"], "major");
    }
  }
  EXPECT_EQ(catalog, 2u);
  const std::string junit = test::slurp(shop_.root() + "/seam-junit.xml");
  EXPECT_NE(junit.find("<testcase classname=\"seam.undeclared\" name=\"catalog -&gt; users\">"), std::string::npos)
      << junit;
  EXPECT_NE(junit.find("<failure type=\"seam/undeclared\""), std::string::npos);
  // Outside the change: listed, not failed (analytics -> catalog is the planted undeclared one).
  EXPECT_NE(junit.find("outside the change: error"), std::string::npos) << junit;
}

TEST(CiFiles, GithubActionIsAValidCompositeActionWithItsInputs) {
  json a = yaml_as_json(kSource + "/ci/github/action.yml");
  EXPECT_EQ(a["runs"]["using"], "composite");
  for (const char* in : {"config", "build-dir", "baseline", "fail-on", "affected", "deb-url", "working-directory"})
    EXPECT_TRUE(a["inputs"].contains(in)) << in;
  bool runs_script = false, uploads = false;
  for (const json& step : a["runs"]["steps"]) {
    if (step.contains("run")) {
      EXPECT_EQ(step["shell"], "bash") << step.dump(); // composite run steps must name their shell
      runs_script |= step["run"].get<std::string>().find("run-check.sh") != std::string::npos;
    }
    if (step.contains("uses"))
      uploads |= step["uses"].get<std::string>().rfind("github/codeql-action/upload-sarif@", 0) == 0;
  }
  EXPECT_TRUE(runs_script);
  EXPECT_TRUE(uploads);
  // The script's documented inputs are the ones the action passes.
  const std::string script = test::slurp(kSource + "/ci/github/run-check.sh");
  for (const char* var : {"SEAM_BUILD_DIR", "SEAM_CONFIG", "SEAM_BASELINE", "SEAM_FAIL_ON", "SEAM_AFFECTED"})
    EXPECT_NE(script.find(var), std::string::npos) << var;
}

} // namespace
} // namespace seam
