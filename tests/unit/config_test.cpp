// seam.json: a valid file read completely, and every validation error with its
// exact text and position. Positions are marked in the test text with `$name^`
// (support/annotated.h) instead of hard-coded line numbers.
#include "analyzers/config/config.h"
#include "analyzers/config/jsonc.h"
#include "support/annotated.h"

#include <algorithm>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

namespace seam {

// gtest prints positions as line:column.
void PrintTo(const ConfigPos& p, std::ostream* os) { *os << p.line << ":" << p.column; }

namespace {

/// A marked seam.json (support/annotated.h): `text`, positions by name, and
/// the formatted error expected at a marker.
struct Annotated {
  test::Annotated marked;
  std::string text;

  explicit Annotated(const std::string& src) : marked(src), text(marked.text()) {}
  ConfigPos operator[](const std::string& name) const {
    auto [line, column] = marked.point(name);
    return {line, column};
  }
  /// "seam.json:L:C: error: message" at marker `name`.
  std::string at(const std::string& name, const std::string& message) const {
    ConfigPos p = (*this)[name];
    return "seam.json:" + std::to_string(p.line) + ":" + std::to_string(p.column) +
           ": error: " + message;
  }
};

std::vector<std::string> errors_of(const std::string& text, Config* out = nullptr) {
  Config config;
  std::vector<ConfigError> errors;
  bool ok = parse_config(text, "seam.json", config, errors);
  EXPECT_EQ(ok, errors.empty());
  std::vector<std::string> formatted;
  for (const ConfigError& e : errors) formatted.push_back(e.format());
  if (out) *out = config;
  return formatted;
}

using Errors = std::vector<std::string>;


TEST(Config, ValidFileIsReadCompletely) {
  Annotated a(R"({
  // the layers, top first
  "layers": [$l0^"edge", $l1^"service", "domain", "base"],
  /* two modules */
  "modules": [
    $billing^{"name": $bname^"billing",
     "paths": [$p0^"src/billing/**", $p1^"include/billing/*.h"],
     "public": [$pub0^"include/billing/*.h"],
     "layer": $blayer^"service",
     "may_depend_on": [$dep0^"trips", $dep1^"common"],
     "extract": $extract^true},
    $trips^{"name": "trips", "paths": ["src/trips/**"], "layer": "domain", "public": []},
    {"name": "common", "paths": ["src/common/**"], "may_depend_on": [], "extract": false}
  ],
  "rules": {"layer": $rlayer^"warning", "cycle": "error", "unused-allowance": "off",
            "interface-growth": "info"},
  "exclude": [$ex0^"third_party/**", "build/**"],
  "baseline": "ci/baseline.json"
}
)");
  Config c;
  EXPECT_EQ(errors_of(a.text, &c), Errors{});

  EXPECT_EQ(c.layers, (std::vector<std::string>{"edge", "service", "domain", "base"}));
  EXPECT_EQ(c.layer_pos.size(), 4u);
  EXPECT_EQ(c.layer_pos[0], a["l0"]);
  EXPECT_EQ(c.layer_pos[1], a["l1"]);
  ASSERT_EQ(c.modules.size(), 3u);

  const ModuleDecl& b = c.modules[0];
  EXPECT_EQ(b.name, "billing");
  EXPECT_EQ(b.pos, a["billing"]);
  EXPECT_EQ(b.name_pos, a["bname"]);
  EXPECT_EQ(b.paths, (std::vector<std::string>{"src/billing/**", "include/billing/*.h"}));
  ASSERT_EQ(b.path_pos.size(), 2u);
  EXPECT_EQ(b.path_pos[0], a["p0"]);
  EXPECT_EQ(b.path_pos[1], a["p1"]);
  ASSERT_TRUE(b.public_headers.has_value());
  EXPECT_EQ(*b.public_headers, (std::vector<std::string>{"include/billing/*.h"}));
  ASSERT_EQ(b.public_pos.size(), 1u);
  EXPECT_EQ(b.public_pos[0], a["pub0"]);
  EXPECT_EQ(b.layer, "service");
  EXPECT_EQ(b.layer_pos, a["blayer"]);
  ASSERT_TRUE(b.may_depend_on.has_value());
  EXPECT_EQ(*b.may_depend_on, (std::vector<std::string>{"trips", "common"}));
  ASSERT_EQ(b.may_depend_on_pos.size(), 2u);
  EXPECT_EQ(b.may_depend_on_pos[0], a["dep0"]);
  EXPECT_EQ(b.may_depend_on_pos[1], a["dep1"]);
  EXPECT_TRUE(b.extract);
  EXPECT_EQ(b.extract_pos, a["extract"]);

  const ModuleDecl& t = c.modules[1];
  EXPECT_EQ(t.name, "trips");
  EXPECT_EQ(t.pos, a["trips"]);
  EXPECT_EQ(t.layer, "domain");
  ASSERT_TRUE(t.public_headers.has_value()); // present and empty: no public headers
  EXPECT_TRUE(t.public_headers->empty());
  EXPECT_FALSE(t.may_depend_on.has_value()); // absent: anything allowed
  EXPECT_FALSE(t.extract);

  const ModuleDecl& m = c.modules[2];
  EXPECT_EQ(m.name, "common");
  EXPECT_FALSE(m.public_headers.has_value()); // absent: every header public
  EXPECT_EQ(m.layer, "");
  ASSERT_TRUE(m.may_depend_on.has_value()); // present and empty: nothing allowed
  EXPECT_TRUE(m.may_depend_on->empty());
  EXPECT_FALSE(m.extract);

  EXPECT_EQ(c.rules.size(), 4u);
  EXPECT_EQ(c.rules.at("layer"), Severity::Warning);
  EXPECT_EQ(c.rules.at("cycle"), Severity::Error);
  EXPECT_EQ(c.rules.at("unused-allowance"), Severity::Off);
  EXPECT_EQ(c.rules.at("interface-growth"), Severity::Info);
  EXPECT_EQ(c.rule_pos.at("layer"), a["rlayer"]);
  EXPECT_EQ(c.exclude, (std::vector<std::string>{"third_party/**", "build/**"}));
  EXPECT_EQ(c.exclude_pos[0], a["ex0"]);
  EXPECT_EQ(c.baseline, "ci/baseline.json");
  EXPECT_FALSE(c.inferred);

  // Helpers over the result.
  EXPECT_EQ(c.layer_index("edge"), 0);
  EXPECT_EQ(c.layer_index("base"), 3);
  EXPECT_EQ(c.layer_index("nope"), -1);
  ASSERT_NE(c.find_module("trips"), nullptr);
  EXPECT_EQ(c.find_module("trips")->layer, "domain");
  EXPECT_EQ(c.find_module("nope"), nullptr);
  EXPECT_EQ(c.severity("layer"), Severity::Warning);
  EXPECT_EQ(c.severity("undeclared"), Severity::Error);     // default
  EXPECT_EQ(c.severity("unused-allowance"), Severity::Off); // given
}

TEST(Config, Defaults) {
  Config c;
  EXPECT_EQ(errors_of(R"({"modules": []})", &c), Errors{});
  EXPECT_TRUE(c.layers.empty());
  EXPECT_TRUE(c.modules.empty());
  EXPECT_TRUE(c.rules.empty());
  EXPECT_TRUE(c.exclude.empty());
  EXPECT_EQ(c.baseline, "seam-baseline.json");
  for (const std::string& rule : rule_names())
    EXPECT_EQ(c.severity(rule), rule == "unused-allowance" ? Severity::Info : Severity::Error)
        << rule;
  // An empty object is a valid (if useless) config.
  EXPECT_EQ(errors_of("{}"), Errors{});
}

TEST(Config, ModuleOrderIsKeptAsWritten) {
  Config c;
  EXPECT_EQ(errors_of(R"({"modules": [{"name": "z", "paths": ["z/**"]},
                                      {"name": "a", "paths": ["a/**"]},
                                      {"name": "m", "paths": ["m/**"]}]})",
                      &c),
            Errors{});
  ASSERT_EQ(c.modules.size(), 3u);
  EXPECT_EQ(c.modules[0].name, "z");
  EXPECT_EQ(c.modules[1].name, "a");
  EXPECT_EQ(c.modules[2].name, "m");
}

TEST(Config, OddNamesAreStored) {
  Config c;
  EXPECT_EQ(errors_of(R"({"modules": [{"name": "a/b", "paths": ["x"]},
                                      {"name": ".hidden", "paths": ["y"]},
                                      {"name": "nul\u0000byte", "paths": ["z"]}]})",
                      &c),
            Errors{});
  ASSERT_EQ(c.modules.size(), 3u);
  EXPECT_EQ(c.modules[0].name, "a/b");
  EXPECT_EQ(c.modules[1].name, ".hidden");
  EXPECT_EQ(c.modules[2].name, std::string("nul\0byte", 8));
}

TEST(Config, RootIsTheAbsoluteFolderOfTheFile) {
  Config c;
  std::vector<ConfigError> errors;
  EXPECT_TRUE(parse_config("{}", "/repo/sub/seam.json", c, errors));
  EXPECT_EQ(c.path, "/repo/sub/seam.json");
  EXPECT_EQ(c.root, "/repo/sub");

  EXPECT_TRUE(parse_config("{}", "conf/../seam.json", c, errors));
  std::string cwd = std::filesystem::current_path().string();
  EXPECT_EQ(c.path, cwd + "/seam.json");
  EXPECT_EQ(c.root, cwd);
}

TEST(Config, CommentsAnywhere) {
  Config c;
  EXPECT_EQ(errors_of("// leading\n/* block\n  over lines */ {\"layers\" /* a */ : // b\n"
                      "[\"a\" /**/, /* \"x\" */ \"b\"] // trailing\n} // end\n/* eof */",
                      &c),
            Errors{});
  EXPECT_EQ(c.layers, (std::vector<std::string>{"a", "b"}));
  // Comment markers inside strings are text.
  EXPECT_EQ(errors_of(R"({"exclude": ["a//b", "c/*d*/"]})", &c), Errors{});
  EXPECT_EQ(c.exclude, (std::vector<std::string>{"a//b", "c/*d*/"}));
}

TEST(Config, ByteOrderMarkIsSkipped) {
  Config c;
  EXPECT_EQ(errors_of("\xEF\xBB\xBF{\"layers\": [\"a\"]}", &c), Errors{});
  EXPECT_EQ(c.layers, std::vector<std::string>{"a"});
  // Columns count from the first byte after the mark.
  EXPECT_EQ(errors_of("\xEF\xBB\xBF{\"layer\": 1}"),
            Errors{"seam.json:1:2: error: unknown key \"layer\"; did you mean \"layers\"?"});
}

TEST(Config, StringEscapes) {
  Config c;
  EXPECT_EQ(errors_of(R"({"exclude": ["a\"b", "c\\d", "\/", "\u00e9", "\ud83d\ude00", "\t"]})",
                      &c),
            Errors{});
  EXPECT_EQ(c.exclude,
            (std::vector<std::string>{"a\"b", "c\\d", "/", "\xC3\xA9", "\xF0\x9F\x98\x80", "\t"}));
}

// --- syntax errors: one, at the place, saying what was expected -------------

struct SyntaxCase {
  const char* text; // with a $^ marker
  const char* message;
};

TEST(Config, SyntaxErrors) {
  const SyntaxCase cases[] = {
      {"$^", "expected a JSON value; the file is empty"},
      {"// only a comment\n$^", "expected a JSON value; the file is empty"},
      {R"({"layers": ["a" $^"b"]})",
       "expected ',' or ']' after an array element; found '\"'"},
      {R"({"layers": ["a"] $^"modules": []})",
       "expected ',' or '}' after the value of \"layers\"; found '\"'"},
      {R"({"layers" $^["a"]})", "expected ':' after the key \"layers\"; found '['"},
      {R"({$^layers: []})", "expected a key in double quotes; found 'l'"},
      {R"({$^'layers': []})", "expected a key in double quotes; found \"'\""},
      {R"({$^1: []})", "expected a key in double quotes; found '1'"},
      {R"({"layers": [$^'a']})", "expected a value; strings take double quotes, not '"},
      {R"({"layers": [$^edge]})", "expected a value; found 'edge' (strings take double quotes)"},
      {R"({"extract": $^True})", "expected a value; found 'True' (strings take double quotes)"},
      {R"({"layers": [$^}]})",
       "expected a value (a string, number, object, array, true, false or null); found '}'"},
      {R"({"layers": ["a"$^, ]})",
       "trailing comma: expected another element after ','; remove the ','"},
      {R"({"layers": []$^,
})",
       "trailing comma: expected another member after ','; remove the ','"},
      {"{\"layers\": [$^\"a]}\n", "unterminated string: expected '\"' before the end of the line"},
      {R"({"exclude": ["C:\$^windows"]})",
       "invalid escape '\\w' in a string; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t "
       "\\uXXXX (a Windows path takes '/' or '\\\\')"},
      {R"({"exclude": ["\u12$^"]})", "expected four hex digits after \\u"},
      {"{\"exclude\": [\"a$^\tb\"]}",
       "control character in a string; write it as an escape such as \\t"},
      {"{\"layers\": []} $^/* unterminated", "unterminated comment: expected '*/' to close the "
                                            "'/*' here"},
      {R"({"layers": []} $^{})",
       "expected the end of the file after the top-level value; found '{'"},
      {R"({"layers": [-$^]})", "expected a digit after '-'"},
      {R"({"layers": [1.$^]})", "expected a digit after '.'"},
      {R"({"layers": [1e$^]})", "expected a digit in the exponent"},
      {R"({"layers": [], $^"layers": []})", "duplicate key \"layers\" (first at 1:2)"},
      {"{\"layers\": [\n$^", "expected a value; found the end of the file"},
      {"{\"layers\": [\"a\"\n$^", "expected ',' or ']' after an array element; found the end of "
                                "the file"},
      {"{\"layers\": [\"a\" $^\x01]}", "expected ',' or ']' after an array element; found byte "
                                     "0x01"},
  };
  for (const SyntaxCase& c : cases) {
    Annotated a(c.text);
    EXPECT_EQ(errors_of(a.text), Errors{a.at("", c.message)}) << c.text;
  }
}

TEST(Config, DeepNestingIsAnErrorNotACrash) {
  std::string text = "{\"layers\": " + std::string(1000, '[') + std::string(1000, ']') + "}";
  Errors errors = errors_of(text);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "seam.json:1:211: error: arrays and objects nested too deeply");
}

// --- validation errors ------------------------------------------------------

TEST(Config, TopLevelMustBeAnObject) {
  Annotated a("$v^[]");
  EXPECT_EQ(errors_of(a.text),
            Errors{a.at("v", "seam.json must be an object such as {\"modules\": [...]}; found "
                             "an array")});
}

TEST(Config, UnknownTopLevelKeys) {
  Annotated a(R"({
  $a^"modulse": [],
  $b^"Layers": [],
  $c^"exlude": [],
  $d^"output": "x"
})");
  EXPECT_EQ(errors_of(a.text),
            (Errors{a.at("a", "unknown key \"modulse\"; did you mean \"modules\"?"),
                    a.at("b", "unknown key \"Layers\"; did you mean \"layers\"?"),
                    a.at("c", "unknown key \"exlude\"; did you mean \"exclude\"?"),
                    a.at("d", "unknown key \"output\"; expected one of: layers, modules, rules, "
                              "exclude, baseline, conversions, ownership")}));
}

TEST(Config, ConversionsAreReadInOrder) {
  Config c;
  EXPECT_EQ(errors_of(R"js({"conversions": {
    "leveldb::Slice": {"wire": "bytes", "to": "$.ToString()", "from": "leveldb::Slice($)"},
    "::leveldb::Status": {"wire": "string", "to": "wire::to($)", "from": "wire::status($)", "include": "w.h"}}})js",
                      &c),
            Errors{});
  ASSERT_EQ(c.conversions.size(), 2u);
  EXPECT_EQ(c.conversions[0].cpp, "leveldb::Slice");
  EXPECT_EQ(c.conversions[0].wire, "bytes");
  EXPECT_EQ(c.conversions[0].to, "$.ToString()");
  EXPECT_EQ(c.conversions[0].from, "leveldb::Slice($)");
  EXPECT_EQ(c.conversions[1].cpp, "leveldb::Status"); // a leading :: is dropped
  EXPECT_EQ(c.conversions[1].include, "w.h");
  EXPECT_EQ(c.conversions[1].pos.line, 3u);
}

TEST(Config, OwnershipIsReadPerParameter) {
  Config c;
  EXPECT_EQ(errors_of(R"js({"ownership": {
    "leveldb::NewMergingIterator": {"children": "takes"},
    "::store::Peek": {"list": "borrows"}}})js",
                      &c),
            Errors{});
  ASSERT_EQ(c.ownership.size(), 2u);
  EXPECT_EQ(c.ownership[0].function, "leveldb::NewMergingIterator");
  EXPECT_EQ(c.ownership[0].param, "children");
  EXPECT_TRUE(c.ownership[0].takes);
  EXPECT_EQ(c.ownership[0].pos.line, 2u);
  EXPECT_EQ(c.ownership[1].function, "store::Peek"); // a leading :: is dropped
  EXPECT_FALSE(c.ownership[1].takes);
}

TEST(Config, BadOwnershipSaysWhatToWrite) {
  Annotated a(R"js({"ownership": {
  "a::f": {"items": $v^"owns"},
  "a::g": $g^["items"],
  "a::h": {"x": "takes"},
  "::a::h": {$t^"x": "borrows"}
}})js");
  EXPECT_EQ(errors_of(a.text),
            (Errors{a.at("v", "parameter \"items\" of \"a::f\": use \"takes\" (the function owns the objects after "
                              "the call) or \"borrows\" (it only uses them during the call)"),
                    a.at("g", "ownership of \"a::g\" must map parameter names to \"takes\" or \"borrows\", such as "
                              "{\"leveldb::NewMergingIterator\": {\"children\": \"takes\"}}; found an array"),
                    a.at("t", "parameter \"x\" of \"::a::h\" is declared twice (the first at line 4)")}));
}

TEST(Config, BadConversionsNameTheEntryAndWhatToWrite) {
  Annotated a(R"js({"conversions": {
  "a::A": {"wire": $w^"blob", "to": "f(x)", "from": "g(x)"},
  "a::B": $b^"to_string",
  "a::C": $c^{"wire": "string", "to": "f(x)"},
  "a::D": {$k^"into": "x"}
}})js");
  std::vector<std::string> got = errors_of(a.text);
  Errors want = {a.at("w", "unknown wire type \"blob\" in conversion \"a::A\"; use one of: string, bytes, bool, "
                           "int32, int64, uint32, uint64, double")};
  ASSERT_GE(got.size(), 5u);
  EXPECT_EQ(got[0], want[0]);
  EXPECT_NE(got[1].find("\"to\" in conversion \"a::A\" must be a C++ expression with $ standing for the object"),
            std::string::npos)
      << got[1];
  EXPECT_NE(std::find(got.begin(), got.end(),
                      a.at("b", "conversion \"a::B\" must be an object with \"wire\", \"to\" and \"from\"; found a "
                                "string")),
            got.end());
  EXPECT_NE(std::find(got.begin(), got.end(), a.at("c", "conversion \"a::C\" needs \"from\"")), got.end());
  EXPECT_NE(std::find(got.begin(), got.end(),
                      a.at("k", "unknown key \"into\" in conversion \"a::D\"; expected one of: wire, to, from, "
                                "include")),
            got.end());
}

TEST(Config, UnknownModuleKeys) {
  Annotated a(R"({"modules": [
  {"name": "orders", "paths": ["src/orders/**"], $a^"may_depends_on": []},
  {$b^"public_headers": [], "paths": ["x"], "name": "pay"},
  {"paths": ["x"], $c^"owner": "team-a", "name": "ship"}
]})");
  EXPECT_EQ(
      errors_of(a.text),
      (Errors{a.at("a", "unknown key \"may_depends_on\" in module \"orders\"; did you mean "
                        "\"may_depend_on\"?"),
              a.at("b", "unknown key \"public_headers\" in module \"pay\"; did you mean "
                        "\"public\"?"),
              a.at("c", "unknown key \"owner\" in module \"ship\"; expected one of: name, paths, "
                        "public, layer, may_depend_on, extract, role")}));
}

TEST(Config, WrongTypes) {
  Annotated a(R"({
  "layers": $layers^"edge",
  "exclude": [$ex^3],
  "baseline": $bl^false,
  "rules": $rules^["layer"],
  "modules": [
    {"name": "a", "paths": $paths^"src/a/**", "public": [$pub^null], "layer": $layer^1,
     "may_depend_on": $dep^"b", "extract": $extract^"yes"},
    {"name": $name^7, "paths": ["x"]},
    $notobj^"c"
  ]
})");
  EXPECT_EQ(
      errors_of(a.text),
      (Errors{
          a.at("layers", "\"layers\" must be an array of layer names (or {\"name\", \"role\"} objects); found a string"),
          a.at("ex", "\"exclude\" must be an array of strings; found a number"),
          a.at("bl", "\"baseline\" must be a string (a file name); found true or false"),
          a.at("rules", "\"rules\" must be an object mapping rule names to severities, such as "
                        "{\"layer\": \"warning\"} or {\"cycle\": {\"severity\": \"error\", \"edges\": "
                        "\"include\"}}; found an array"),
          a.at("paths", "\"paths\" in module \"a\" must be an array of strings; found a string"),
          a.at("pub", "\"public\" in module \"a\" must be an array of strings; found null"),
          a.at("layer", "\"layer\" in module \"a\" must be a string; found a number"),
          a.at("dep", "\"may_depend_on\" in module \"a\" must be an array of strings; found a "
                      "string"),
          a.at("extract", "\"extract\" in module \"a\" must be true or false; found a string"),
          a.at("name", "\"name\" in modules[1] must be a string; found a number"),
          a.at("notobj", "modules[2] must be an object such as {\"name\": \"billing\", "
                         "\"paths\": [\"src/billing/**\"]}; found a string"),
      }));
  Annotated m(R"({"modules": $m^{}})");
  EXPECT_EQ(errors_of(m.text),
            Errors{m.at("m", "\"modules\" must be an array of module objects; found an object")});
}

TEST(Config, ModulesNeedNameAndPaths) {
  Annotated a(R"({"modules": [
  $noname^{"paths": ["src/a/**"]},
  $nopaths^{"name": "billing"},
  {"name": "c", "paths": $empty^[]},
  {"name": $emptyname^"", "paths": ["x"]},
  $neither^{},
  {"name": "d", "paths": [$emptyglob^""], "public": [$emptypub^""]}
]})");
  EXPECT_EQ(errors_of(a.text),
            (Errors{
                a.at("noname", "modules[0] has no \"name\""),
                a.at("nopaths", "module \"billing\" has no \"paths\"; add globs such as "
                                "\"paths\": [\"src/billing/**\"]"),
                a.at("empty", "\"paths\" in module \"c\" is empty; list at least one glob"),
                a.at("emptyname", "\"name\" in modules[3] must not be empty"),
                a.at("neither", "modules[4] has no \"name\""),
                a.at("neither", "modules[4] has no \"paths\"; add globs such as \"paths\": "
                                "[\"src/NAME/**\"]"),
                a.at("emptyglob", "empty glob in \"paths\" in module \"d\""),
                a.at("emptypub", "empty glob in \"public\" in module \"d\""),
            }));
}

TEST(Config, DuplicateModuleNames) {
  Annotated a(R"({"modules": [
  {"name": "a", "paths": ["x"]},
  {"name": $dup^"a", "paths": ["y"]}
]})");
  EXPECT_EQ(errors_of(a.text), Errors{a.at("dup", "duplicate module name \"a\" (first at 2:12)")});
}

TEST(Config, MayDependOn) {
  Annotated a(R"({"modules": [
  {"name": "billing", "paths": ["b"], "may_depend_on": [$typo^"trps", $self^"billing",
                                                        $unknown^"zzz", "trips"]},
  {"name": "trips", "paths": ["t"], "may_depend_on": [$later^"ledger"]},
  {"name": "ledger", "paths": ["l"]}
]})");
  EXPECT_EQ(errors_of(a.text),
            (Errors{
                a.at("typo", "\"may_depend_on\" in module \"billing\" names unknown module "
                             "\"trps\"; did you mean \"trips\"?"),
                a.at("self", "module \"billing\" lists itself in \"may_depend_on\""),
                a.at("unknown", "\"may_depend_on\" in module \"billing\" names unknown module "
                                "\"zzz\""),
            }));
}

TEST(Config, LayerNotDeclared) {
  Annotated a(R"({"layers": ["edge", "service"],
  "modules": [{"name": "a", "paths": ["x"], "layer": $typo^"servce"},
              {"name": "b", "paths": ["x"], "layer": $other^"data"},
              {"name": "c", "paths": ["x"], "layer": $empty^""}]})");
  EXPECT_EQ(errors_of(a.text),
            (Errors{
                a.at("typo", "layer \"servce\" of module \"a\" is not in \"layers\" (\"edge\", "
                             "\"service\"); did you mean \"service\"?"),
                a.at("other", "layer \"data\" of module \"b\" is not in \"layers\" (\"edge\", "
                              "\"service\")"),
                a.at("empty", "\"layer\" in module \"c\" must not be empty; leave it out for "
                              "none"),
            }));
  Annotated n(R"({"modules": [{"name": "a", "paths": ["x"], "layer": $l^"service"}]})");
  EXPECT_EQ(errors_of(n.text),
            Errors{n.at("l", "layer \"service\" of module \"a\" is not declared; add a top-level "
                             "\"layers\": [...] listing it")});
}

TEST(Config, LayerNames) {
  Annotated a(R"({"layers": ["a", $empty^"", "b", $dup^"a"]})");
  Config c;
  EXPECT_EQ(errors_of(a.text, &c),
            (Errors{a.at("empty", "a layer name must not be empty"),
                    a.at("dup", "duplicate layer \"a\" (first at 1:13)")}));
  EXPECT_EQ(c.layers, (std::vector<std::string>{"a", "b"}));
}

TEST(Config, Rules) {
  Annotated a(R"({"rules": {
  $cycles^"cycles": "error",
  $nope^"naming": "error",
  "layer": $warn^"warn",
  "undeclared": $caps^"Error",
  "private-header": $bad^"fatal",
  "interface-growth": $num^2,
  "unused-allowance": "info"
}})");
  Config c;
  EXPECT_EQ(errors_of(a.text, &c),
            (Errors{
                a.at("cycles", "unknown rule \"cycles\"; did you mean \"cycle\"?"),
                a.at("nope", "unknown rule \"naming\"; the rules are: cycle, layer, undeclared, "
                             "private-header, interface-growth, unused-allowance"),
                a.at("warn", "unknown severity \"warn\" for rule \"layer\"; did you mean "
                             "\"warning\"?"),
                a.at("caps", "unknown severity \"Error\" for rule \"undeclared\"; did you mean "
                             "\"error\"?"),
                a.at("bad", "unknown severity \"fatal\" for rule \"private-header\"; use error, "
                            "warning, info or off"),
                a.at("num", "the severity of rule \"interface-growth\" must be a string: error, "
                            "warning, info or off (or an object such as {\"severity\": \"error\", "
                            "\"edges\": \"include\"}); found a number"),
            }));
  EXPECT_EQ(c.rules.size(), 1u);
  EXPECT_EQ(c.rules.at("unused-allowance"), Severity::Info);
}

TEST(Config, RuleObjectsGiveSeverityAndEdges) {
  Annotated a(R"({"rules": {
  "cycle": {"severity": "warning", "edges": $e^"include"},
  "layer": "error",
  "undeclared": {"edges": "symbol"}
}})");
  Config c;
  EXPECT_EQ(errors_of(a.text, &c), Errors{});
  EXPECT_EQ(c.severity("cycle"), Severity::Warning);
  EXPECT_EQ(c.edges("cycle"), EdgeKinds::Include);
  EXPECT_EQ(c.rule_edges_pos.at("cycle"), a["e"]);
  EXPECT_EQ(c.severity("layer"), Severity::Error); // the string form still works
  EXPECT_EQ(c.edges("layer"), EdgeKinds::All);     // and checks every edge
  EXPECT_EQ(c.severity("undeclared"), Severity::Error); // default severity, edges given
  EXPECT_EQ(c.edges("undeclared"), EdgeKinds::Symbol);
}

TEST(Config, RuleObjectErrors) {
  Annotated a(R"({"rules": {
  "cycle": {"severity": "error", "edges": $bad^"includes", $key^"edge": "all"},
  "layer": {"edges": $num^1, "severity": $sev^"fatal"},
  "private-header": {"edges": $ph^"include"},
  "interface-growth": {"edges": $ig^"symbol"}
}})");
  Config c;
  EXPECT_EQ(errors_of(a.text, &c),
            (Errors{
                a.at("bad", "the \"edges\" of rule \"cycle\" must be include, symbol or all; found \"includes\"; "
                            "did you mean \"include\"?"),
                a.at("key", "unknown key \"edge\" in rule \"cycle\"; did you mean \"edges\"?"),
                a.at("num", "the \"edges\" of rule \"layer\" must be include, symbol or all; found a number"),
                a.at("sev", "unknown severity \"fatal\" for rule \"layer\"; use error, warning, info or off"),
                a.at("ph", "rule \"private-header\" takes no \"edges\" (it is about #include directives); "
                           "\"edges\" applies to cycle, layer, undeclared and unused-allowance"),
                a.at("ig", "rule \"interface-growth\" takes no \"edges\" (it is about references to symbols); "
                           "\"edges\" applies to cycle, layer, undeclared and unused-allowance"),
            }));
  EXPECT_EQ(c.severity("cycle"), Severity::Error);
  EXPECT_EQ(c.edges("cycle"), EdgeKinds::All);
}

TEST(Config, BaselineMustNotBeEmpty) {
  Annotated a(R"({"baseline": $b^""})");
  EXPECT_EQ(errors_of(a.text), Errors{a.at("b", "\"baseline\" must not be empty")});
}

TEST(Config, AllErrorsAreCollectedInFileOrder) {
  // The may_depend_on check runs after every module is read, but its error
  // still comes out in the order of the file.
  Annotated a(R"({
  "modules": [{"name": "a", "paths": ["x"], "may_depend_on": [$dep^"q"]}],
  $k^"layer": [],
  "rules": {"cycle": $sev^"fatal"}
})");
  Errors errors = errors_of(a.text);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0], a.at("dep", "\"may_depend_on\" in module \"a\" names unknown module "
                                   "\"q\""));
  EXPECT_EQ(errors[1], a.at("k", "unknown key \"layer\"; did you mean \"layers\"?"));
  EXPECT_EQ(errors[2], a.at("sev", "unknown severity \"fatal\" for rule \"cycle\"; use error, "
                                   "warning, info or off"));
}

TEST(Config, WithoutAPathMessagesSaySeamJson) {
  Config c;
  std::vector<ConfigError> errors;
  EXPECT_FALSE(parse_config("[]", "", c, errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].format(), "seam.json:1:1: error: seam.json must be an object such as "
                                "{\"modules\": [...]}; found an array");
}

TEST(Config, ErrorFormat) {
  EXPECT_EQ((ConfigError{"seam.json", {12, 7}, "bad"}).format(), "seam.json:12:7: error: bad");
  EXPECT_EQ((ConfigError{"seam.json", {}, "bad"}).format(), "seam.json: error: bad");
  EXPECT_STREQ(to_string(Severity::Off), "off");
  EXPECT_STREQ(to_string(Severity::Info), "info");
  EXPECT_STREQ(to_string(Severity::Warning), "warning");
  EXPECT_STREQ(to_string(Severity::Error), "error");
}

TEST(Config, LoadFromDisk) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("seam_config_test_" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::string file = (dir / "seam.json").string();
  {
    std::ofstream out(file);
    out << "{\"modules\": [{\"name\": \"a\", \"paths\": [\"a/**\"]}]}\n";
  }
  Config c;
  std::vector<ConfigError> errors;
  EXPECT_TRUE(load_config(file, c, errors));
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(c.path, file);
  EXPECT_EQ(c.root, dir.string());
  ASSERT_EQ(c.modules.size(), 1u);

  errors.clear();
  EXPECT_FALSE(load_config((dir / "missing.json").string(), c, errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].format(),
            (dir / "missing.json").string() + ": error: cannot read: No such file or directory");

  errors.clear();
  EXPECT_FALSE(load_config(dir.string(), c, errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].format(),
            dir.string() + ": error: is a folder; pass the seam.json file inside it");
  fs::remove_all(dir);
}

TEST(Jsonc, PositionsOfKeysAndValues) {
  Annotated a("{\n  $k1^\"a\": $v1^[$i0^1, $i1^\"x\"],\n\t$k2^\"b\":$v2^{$k3^\"c\": $v3^null}}");
  jsonc::Value v;
  jsonc::SyntaxError err;
  ASSERT_TRUE(jsonc::parse(a.text, v, err)) << err.message;
  auto same = [&](jsonc::Pos p, const char* name) {
    EXPECT_EQ((ConfigPos{p.line, p.column}), a[name]) << name;
  };
  ASSERT_EQ(v.members.size(), 2u);
  same(v.members[0].key_pos, "k1");
  same(v.members[0].value.pos, "v1");
  same(v.members[0].value.items[0].pos, "i0");
  same(v.members[0].value.items[1].pos, "i1");
  same(v.members[1].key_pos, "k2");
  same(v.members[1].value.pos, "v2");
  same(v.members[1].value.members[0].key_pos, "k3");
  same(v.members[1].value.members[0].value.pos, "v3");
  EXPECT_EQ(v.members[0].value.items[0].number, 1);
  EXPECT_EQ(v.members[0].value.items[0].text, "1");
  EXPECT_EQ(v.find("b")->value.find("c")->value.kind, jsonc::Kind::Null);
  EXPECT_EQ(v.find("z"), nullptr);
}

TEST(Jsonc, Numbers) {
  jsonc::Value v;
  jsonc::SyntaxError err;
  ASSERT_TRUE(jsonc::parse("[0, -1, 2.5, 1e3, -0.5E-2]", v, err)) << err.message;
  ASSERT_EQ(v.items.size(), 5u);
  EXPECT_EQ(v.items[1].number, -1);
  EXPECT_EQ(v.items[2].number, 2.5);
  EXPECT_EQ(v.items[3].number, 1000);
  EXPECT_EQ(v.items[4].number, -0.005);
  EXPECT_FALSE(jsonc::parse("[01]", v, err));
  EXPECT_EQ(err.message, "expected ',' or ']' after an array element; found '1'");
}

} // namespace
} // namespace seam
