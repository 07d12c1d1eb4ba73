// End to end: `seam split` on real code. The notifications module of the
// sample is split, the generated proto is compiled with protoc and the gRPC
// plugin, client and server are compiled against the sample's headers, the
// sample's program is linked with the client instead of the module, and with
// the server running on loopback it must print exactly the monolith's
// transcript. A second fixture uses every type mapping and every skip reason.
#include "support/run.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <poll.h>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace seam {
namespace {

namespace fs = std::filesystem;
using test::run;
using test::seam_on_sample;
using test::slurp;

/// A fresh folder under the build tree (kept after the test, for a look).
std::string work_dir(const std::string& name) {
  std::string d = std::string(SEAM_BINARY_DIR) + "/split-test/" + name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

void write(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::string tail(const std::string& s, size_t n = 4000) { return s.size() > n ? "..." + s.substr(s.size() - n) : s; }

/// Configures and builds a CMake project; fails the test with the log when it does not build.
bool cmake_build(const std::string& source, const std::string& build) {
  auto c = run({"cmake", "-S", source, "-B", build, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Debug"});
  EXPECT_EQ(c.status, 0) << tail(c.out + c.err);
  if (c.status) return false;
  auto b = run({"cmake", "--build", build, "-j", "2"});
  EXPECT_EQ(b.status, 0) << tail(b.out + b.err);
  return b.status == 0;
}

/// A generated server started on 127.0.0.1:0; stopped (SIGTERM, reaped) on destruction.
class Server {
public:
  /// `env`: "NAME=VALUE" settings for the server only (SEAM_GEO_LEASE_SECONDS=1).
  explicit Server(const std::string& exe, const std::vector<std::string>& env = {}) {
    int fds[2];
    if (pipe(fds) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      for (const std::string& e : env) {
        const size_t eq = e.find('=');
        setenv(e.substr(0, eq).c_str(), e.substr(eq + 1).c_str(), 1);
      }
      dup2(fds[1], 1);
      close(fds[0]);
      close(fds[1]);
      execl(exe.c_str(), exe.c_str(), "127.0.0.1:0", static_cast<char*>(nullptr));
      _exit(127);
    }
    close(fds[1]);
    // The first line says where it listens: "<name> listening on 127.0.0.1:PORT".
    pollfd p{fds[0], POLLIN, 0};
    char c;
    while (poll(&p, 1, 60000) > 0 && read(fds[0], &c, 1) == 1 && c != '\n') banner_ += c;
    close(fds[0]);
    std::smatch m;
    if (std::regex_search(banner_, m, std::regex("listening on 127\\.0\\.0\\.1:([0-9]+)$"))) port_ = std::stoi(m[1]);
  }
  ~Server() { stop(); }
  void stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  int port() const { return port_; }
  const std::string& banner() const { return banner_; }

private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string banner_;
};

/// 1-based line of the first line of `text` containing `what`.
uint32_t line_of(const std::string& text, const std::string& what) {
  size_t at = text.find(what);
  EXPECT_NE(at, std::string::npos) << what;
  return 1 + static_cast<uint32_t>(std::count(text.begin(), text.begin() + at, '\n'));
}

std::set<std::string> files_in(const std::string& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
  return out;
}

// ---------------------------------------------------------------------------
// The sample: notifications.

TEST(ShopSplit, NotificationsStubsBuildAndTheProgramPrintsTheMonolithsTranscript) {
  const std::string work = work_dir("shop");
  const std::string out = work + "/notifications";
  auto split = seam_on_sample("shop", {"split", "notifications", "-o", out, "-q"});
  ASSERT_EQ(split.status, 0) << split.err;
  EXPECT_EQ(split.out,
            "wrote 7 files to " + out +
                ": service notifications.v1.NotificationsService with 4 rpcs, 1 message, 1 enum; 0 skipped; 9 call "
                "sites become remote (2 in loops)\n");
  EXPECT_EQ(files_in(out), (std::set<std::string>{"CMakeLists.txt", "README.md", "notifications.proto",
                                                  "notifications_client.cpp", "notifications_convert.h",
                                                  "notifications_server.cpp", "notifications_server.h"}));

  // The sample's program, its sources minus src/notifications/, linked with the client.
  const std::string shop = test::sample_dir("shop");
  write(work + "/program/CMakeLists.txt", R"(cmake_minimum_required(VERSION 3.16)
project(shop_remote LANGUAGES CXX)
set(CMAKE_CXX_STANDARD 17)
add_compile_options(-Wall -Wextra)
add_subdirectory(")" + out + R"(" stubs)
file(GLOB_RECURSE SHOP_SOURCES ")" + shop + R"(/src/*.cpp")
list(FILTER SHOP_SOURCES EXCLUDE REGEX "/src/notifications/")
add_executable(shop ${SHOP_SOURCES})
target_include_directories(shop PRIVATE ")" + shop + R"(/src")
target_link_libraries(shop PRIVATE notifications_client)
)");
  const std::string build = work + "/program/build";
  ASSERT_TRUE(cmake_build(work + "/program", build));

  // The module's code is not in the program: its outbox lives in the server.
  auto nm = run({"nm", "-C", build + "/shop"});
  ASSERT_EQ(nm.status, 0) << nm.err;
  EXPECT_EQ(nm.out.find("notifications::internal::outbox"), std::string::npos);
  EXPECT_NE(nm.out.find(" T shop::notifications::send("), std::string::npos);
  auto server_nm = run({"nm", "-C", build + "/stubs/notifications_server"});
  EXPECT_NE(server_nm.out.find("notifications::internal::outbox"), std::string::npos);

  Server server(build + "/stubs/notifications_server");
  ASSERT_GT(server.port(), 0) << "server said: " << server.banner();
  auto remote = run({"env", "SEAM_NOTIFICATIONS_ADDR=127.0.0.1:" + std::to_string(server.port()), build + "/shop"});
  EXPECT_EQ(remote.status, 0) << remote.err;
  EXPECT_EQ(remote.out, slurp(shop + "/expected/shop_output.txt"));

  // With the service gone, the first call fails loudly instead of printing a wrong transcript.
  const int port = server.port();
  server.stop();
  auto down = run({"env", "SEAM_NOTIFICATIONS_ADDR=127.0.0.1:" + std::to_string(port), build + "/shop"});
  EXPECT_NE(down.status, 0);
  EXPECT_NE(down.err.find("notifications.v1.NotificationsService/"), std::string::npos) << down.err;

  auto help = run({build + "/stubs/notifications_server", "--help"});
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("usage: notifications_server [HOST:PORT]"), std::string::npos) << help.out;
}

// orders is a class (OrderService) over the objects of its callers: the service holds
// OrderService objects; the storefront's Inventory and PaymentLedger, which it keeps using,
// and its OrderStatsListener stay in the storefront's process and are called back;
// find's `const Order*` is a copy the client keeps. The storefront, linked with the client,
// runs the monolith's day against the service and prints the monolith's transcript.
TEST(ShopSplit, OrdersRunsAsAServiceThatCallsTheStorefrontBack) {
  const std::string work = work_dir("shop-orders");
  const std::string out = work + "/orders";
  auto split = seam_on_sample("shop", {"split", "orders", "-o", out, "-q"});
  ASSERT_EQ(split.status, 0) << split.err;
  EXPECT_EQ(split.out.substr(0, split.out.find('\n')),
            "wrote 7 files to " + out +
                ": service orders.v1.OrdersService with 6 rpcs, 6 messages, 2 enums; 0 skipped; 6 call sites become "
                "remote (0 in loops)");
  const std::string proto = slurp(out + "/orders.proto");
  for (const char* text :
       {"rpc NewOrderService(NewOrderServiceRequest) returns (NewOrderServiceResponse);",
        "message NewOrderServiceRequest {\n  uint64 inventory = 1;\n  uint64 ledger = 2;\n}",
        "message OrderServiceAddObserverRequest {\n  uint64 handle = 1;\n  uint64 observer = 2;\n}",
        "rpc OrderServicePlace(OrderServicePlaceRequest) returns (OrderServicePlaceResponse);",
        "rpc OrderServiceMarkPaid(OrderServiceMarkPaidRequest) returns (OrderServiceMarkPaidResponse);",
        "message OrderServiceFindResponse {\n  Order result = 1;\n}",
        // The reverse service the storefront's process serves.
        "service OrdersCallbacks {",
        "rpc InventoryReserve(InventoryReserveRequest) returns (InventoryReserveResponse);",
        "rpc PaymentLedgerRecord(PaymentLedgerRecordRequest) returns (PaymentLedgerRecordResponse);",
        "rpc OrderObserverOnOrderPlaced(OrderObserverOnOrderPlacedRequest) returns (OrderObserverOnOrderPlacedResponse);",
        "message OrderObserverOnOrderPaidRequest {\n  uint64 handle = 1;\n  Order order = 2;\n}"})
    EXPECT_NE(proto.find(text), std::string::npos) << text << "\n" << proto;
  const std::string readme = slurp(out + "/README.md");
  EXPECT_NE(readme.find("| `shop::orders::OrderObserver` | `src/orders/order_observer.h:9` | a `OrderObserverCallback`"),
            std::string::npos)
      << readme;
  EXPECT_NE(readme.find("not built into the server: `src/inventory/inventory.cpp`"), std::string::npos) << readme;
  // The server's build leaves out the sources of the classes that stay the storefront's.
  const std::string cmake = slurp(out + "/CMakeLists.txt");
  EXPECT_EQ(cmake.find("    ${ORDERS_MONOLITH_ROOT}/src/inventory/inventory.cpp"), std::string::npos) << cmake;
  EXPECT_EQ(cmake.find("    ${ORDERS_MONOLITH_ROOT}/src/payments/payment_ledger.cpp"), std::string::npos) << cmake;
  EXPECT_NE(cmake.find("    ${ORDERS_MONOLITH_ROOT}/src/payments/payment_gateway.cpp"), std::string::npos) << cmake;

  // The deployment: notifications is a service too (orders sends through it, and the
  // storefront prints its outbox), so the orders server's module code links
  // notifications_client instead of the notifications module. Its sources are the ones
  // the generated CMakeLists.txt lists, minus notifications: the server links with exactly
  // what the generated build would give it, inventory.cpp and payment_ledger.cpp left out.
  // (Building the folder alone as generated would compile the same files a second time.)
  const std::string shop = test::sample_dir("shop");
  auto notif = seam_on_sample("shop", {"split", "notifications", "-o", work + "/notifications", "-q"});
  ASSERT_EQ(notif.status, 0) << notif.err;
  std::string side;
  std::smatch m;
  std::regex listed("\\$\\{ORDERS_MONOLITH_ROOT\\}/(src/[^\\s]+\\.cpp)");
  for (std::string rest = cmake; std::regex_search(rest, m, listed); rest = m.suffix())
    if (m[1].str().find("src/notifications/") == std::string::npos) side += "  \"" + shop + "/" + m[1].str() + "\"\n";
  ASSERT_FALSE(side.empty()) << cmake;
  write(work + "/program/CMakeLists.txt", R"(cmake_minimum_required(VERSION 3.16)
project(shop_orders_remote LANGUAGES CXX)
set(CMAKE_CXX_STANDARD 17)
add_compile_options(-Wall -Wextra)
add_subdirectory(")" + work + R"(/notifications" notifications_stubs)
add_library(orders_side STATIC
)" + side + R"()
target_include_directories(orders_side PRIVATE ")" + shop + R"(/src")
target_link_libraries(orders_side PUBLIC notifications_client)
set(ORDERS_IMPL_TARGETS orders_side CACHE STRING "" FORCE)
add_subdirectory(")" + out + R"(" orders_stubs)
file(GLOB_RECURSE SHOP_SOURCES ")" + shop + R"(/src/*.cpp")
list(FILTER SHOP_SOURCES EXCLUDE REGEX "/src/(notifications|orders)/")
add_executable(shop ${SHOP_SOURCES})
target_include_directories(shop PRIVATE ")" + shop + R"(/src")
target_link_libraries(shop PRIVATE orders_client notifications_client)
)");
  const std::string build = work + "/program/build";
  ASSERT_TRUE(cmake_build(work + "/program", build));
  // The orders live in the service; the stock, the ledger and the statistics in the storefront.
  auto nm = run({"nm", "-C", build + "/shop"});
  EXPECT_EQ(nm.out.find("OrderService::reserve_stock"), std::string::npos);
  EXPECT_NE(nm.out.find(" T shop::inventory::Inventory::reserve("), std::string::npos);
  auto server_nm = run({"nm", "-C", build + "/orders_stubs/orders_server"});
  EXPECT_NE(server_nm.out.find("OrderService::reserve_stock"), std::string::npos);

  Server notifications(build + "/notifications_stubs/notifications_server");
  ASSERT_GT(notifications.port(), 0) << notifications.banner();
  const std::string notifications_at = "SEAM_NOTIFICATIONS_ADDR=127.0.0.1:" + std::to_string(notifications.port());
  Server orders(build + "/orders_stubs/orders_server", {notifications_at});
  ASSERT_GT(orders.port(), 0) << orders.banner();
  auto remote = run({"env", notifications_at, "SEAM_ORDERS_ADDR=127.0.0.1:" + std::to_string(orders.port()),
                     build + "/shop"});
  EXPECT_EQ(remote.status, 0) << remote.err;
  EXPECT_EQ(remote.out, slurp(shop + "/expected/shop_output.txt"));
}

TEST(ShopSplit, ProtoAndReadmeHoldTheKnownAnswers) {
  const std::string out = work_dir("shop-text") + "/stubs";
  auto r = seam_on_sample("shop", {"split", "notifications", "-o", out, "-q"});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string proto = slurp(out + "/notifications.proto");
  for (const char* line : {"package notifications.v1;", "service NotificationsService {",
                           "  rpc Send(SendRequest) returns (SendResponse);",
                           "  rpc SentCount(SentCountRequest) returns (SentCountResponse);",
                           "  rpc OutboxFor(OutboxForRequest) returns (OutboxForResponse);",
                           "  rpc Recipients(RecipientsRequest) returns (RecipientsResponse);",
                           "message Notification {\n  string recipient = 1;\n  string subject = 2;\n  string body = "
                           "3;\n  Channel channel = 4;\n}",
                           "enum Channel {\n  CHANNEL_EMAIL = 0;\n  CHANNEL_SMS = 1;\n}",
                           "message OutboxForResponse {\n  repeated Notification result = 1;\n}"})
    EXPECT_NE(proto.find(line), std::string::npos) << line << "\n" << proto;
  const std::string client = slurp(out + "/notifications_client.cpp");
  EXPECT_NE(client.find("//   SEAM_NOTIFICATIONS_ADDR  host:port of the service"), std::string::npos);
  EXPECT_NE(client.find("\nnamespace shop::notifications {\n"), std::string::npos);
  EXPECT_NE(client.find("\nvoid send(const shop::notifications::Notification& notification) {\n"), std::string::npos);
  EXPECT_NE(client.find("\nstd::vector<shop::notifications::Notification> outbox_for(const std::string& recipient) {\n"),
            std::string::npos);
  const std::string readme = slurp(out + "/README.md");
  // The two loop sites the sample plants, first, then the others in site order.
  size_t send_loop = readme.find("| `src/api/storefront.cpp:83:20` | yes | `shop::api::Storefront::announce_sale` |");
  size_t outbox_loop = readme.find("| `src/api/storefront.cpp:125:67` | yes |");
  size_t first_plain = readme.find("| `src/api/storefront.cpp:80:42` | no |");
  size_t inventory = readme.find("| `src/inventory/inventory.cpp:63:18` | no | `shop::inventory::Inventory::alert_if_low` |");
  size_t orders = readme.find("| `src/orders/order_service.cpp:106:18` | no |");
  ASSERT_NE(send_loop, std::string::npos) << readme;
  ASSERT_NE(outbox_loop, std::string::npos) << readme;
  ASSERT_NE(first_plain, std::string::npos) << readme;
  ASSERT_NE(inventory, std::string::npos) << readme;
  ASSERT_NE(orders, std::string::npos) << readme;
  EXPECT_LT(send_loop, outbox_loop);
  EXPECT_LT(outbox_loop, first_plain);
  EXPECT_LT(first_plain, inventory);
  EXPECT_LT(inventory, orders);
  EXPECT_NE(readme.find("9 sites in other modules now make a network round trip; 2 are inside loops"),
            std::string::npos);
  EXPECT_NE(readme.find("Nothing: every function of the interface became an rpc."), std::string::npos);
  // The server links the module and what it depends on (common), not its callers.
  const std::string cmake = slurp(out + "/CMakeLists.txt");
  EXPECT_NE(cmake.find("${NOTIFICATIONS_MONOLITH_ROOT}/src/notifications/internal/outbox.cpp"), std::string::npos);
  EXPECT_NE(cmake.find("${NOTIFICATIONS_MONOLITH_ROOT}/src/common/text.cpp"), std::string::npos);
  EXPECT_EQ(cmake.find("src/api/"), std::string::npos);
  EXPECT_NE(cmake.find("set(NOTIFICATIONS_INCLUDE_DIRS\n  ${NOTIFICATIONS_MONOLITH_ROOT}/src\n)"), std::string::npos)
      << cmake;
  for (const char* f : {"/notifications.proto", "/notifications_client.cpp", "/notifications_server.h",
                        "/notifications_server.cpp", "/notifications_convert.h", "/CMakeLists.txt"}) {
    std::string text = slurp(out + f);
    EXPECT_NE(text.find("Generated by `seam split` from module 'notifications' of " + test::sample_dir("shop")),
              std::string::npos)
        << f;
    EXPECT_NE(text.find("seam split notifications -o " + out + " --force"), std::string::npos) << f;
  }
}

TEST(ShopSplit, SameInputGivesTheSameFilesWhateverTheJobs) {
  // notifications: functions; orders: a remote object, callbacks, kept results.
  for (const std::string module : {"notifications", "orders"}) {
    const std::string out = work_dir("shop-determinism") + "/" + module;
    auto a = seam_on_sample("shop", {"split", module, "-o", out, "-q", "-j", "1"});
    ASSERT_EQ(a.status, 0) << a.err;
    std::map<std::string, std::string> first;
    for (const std::string& f : files_in(out)) first[f] = slurp(out + "/" + f);
    auto b = seam_on_sample("shop", {"split", module, "-o", out, "-q", "-j", "2", "--force"});
    ASSERT_EQ(b.status, 0) << b.err;
    ASSERT_EQ(files_in(out).size(), first.size());
    for (const auto& [f, text] : first) EXPECT_EQ(slurp(out + "/" + f), text) << module << "/" << f;
  }
}

TEST(ShopSplit, MistakesAreClearErrorsWithExitTwo) {
  const std::string work = work_dir("shop-errors");
  auto unknown = seam_on_sample("shop", {"split", "billing", "-o", work + "/a", "-q"});
  EXPECT_EQ(unknown.status, 2);
  EXPECT_NE(unknown.err.find("unknown module 'billing'; the modules are: analytics, api, auth, catalog, common, "
                             "inventory, notifications, orders, payments, users"),
            std::string::npos)
      << unknown.err;
  EXPECT_FALSE(fs::exists(work + "/a"));

  write(work + "/full/keep.txt", "mine\n");
  auto full = seam_on_sample("shop", {"split", "notifications", "-o", work + "/full", "-q"});
  EXPECT_EQ(full.status, 2);
  EXPECT_NE(full.err.find(work + "/full is not empty; pass --force"), std::string::npos) << full.err;
  EXPECT_EQ(files_in(work + "/full"), (std::set<std::string>{"keep.txt"}));
  auto forced = seam_on_sample("shop", {"split", "notifications", "-o", work + "/full", "-q", "--force"});
  EXPECT_EQ(forced.status, 0) << forced.err;
  EXPECT_EQ(files_in(work + "/full").size(), 8u);
  EXPECT_EQ(slurp(work + "/full/keep.txt"), "mine\n"); // other files are left alone

  write(work + "/file", "x");
  auto file = seam_on_sample("shop", {"split", "notifications", "-o", work + "/file", "-q"});
  EXPECT_EQ(file.status, 2);
  EXPECT_NE(file.err.find("exists and is not a folder"), std::string::npos) << file.err;

  auto no_out = seam_on_sample("shop", {"split", "notifications", "-q"});
  EXPECT_EQ(no_out.status, 2);
  EXPECT_NE(no_out.err.find("needs -o DIR"), std::string::npos) << no_out.err;
  auto no_module = run({SEAM_EXE, "split", "-o", work + "/b"});
  EXPECT_EQ(no_module.status, 2);
  EXPECT_NE(no_module.err.find("missing argument"), std::string::npos) << no_module.err;

  auto help = run({SEAM_EXE, "split", "--help"});
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("--force"), std::string::npos);
  EXPECT_NE(help.out.find("SEAM_<MODULE>_ADDR"), std::string::npos);
}

TEST(ShopSplit, AHostileModuleNameCannotWriteOutsideTheFolder) {
  // A copy of the sample whose notifications module is named "../../escape me".
  const std::string work = work_dir("shop-hostile");
  const std::string copy = work + "/shop";
  fs::copy(test::sample_dir("shop"), copy, fs::copy_options::recursive);
  std::string config = slurp(copy + "/seam.json");
  config = std::regex_replace(config, std::regex("\"notifications\""), "\"../../escape me\"");
  write(copy + "/seam.json", config);
  auto conf = run({"cmake", "-S", copy, "-B", copy + "/build", "-G", "Ninja"});
  ASSERT_EQ(conf.status, 0) << conf.err;
  auto r = run({SEAM_EXE, "split", "../../escape me", "-o", "out/inner", "-p", "build", "-q"}, copy);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(files_in(copy + "/out/inner"),
            (std::set<std::string>{"CMakeLists.txt", "README.md", "escape_me.proto", "escape_me_client.cpp",
                                   "escape_me_convert.h", "escape_me_server.cpp", "escape_me_server.h"}));
  for (const auto& e : fs::recursive_directory_iterator(work))
    if (e.path().filename().string().rfind("escape", 0) == 0)
      EXPECT_EQ(e.path().parent_path().string(), copy + "/out/inner") << e.path();
  EXPECT_NE(slurp(copy + "/out/inner/escape_me_client.cpp").find("SEAM_ESCAPE_ME_ADDR"), std::string::npos);
  EXPECT_NE(slurp(copy + "/out/inner/escape_me.proto").find("package escape_me.v1;"), std::string::npos);
}

// ---------------------------------------------------------------------------
// A fixture whose interface uses every mapping and every skip reason.

const char* kFixtureCMake = R"src(cmake_minimum_required(VERSION 3.16)
project(fx LANGUAGES CXX)
set(CMAKE_CXX_STANDARD 17)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
add_compile_options(-Wall -Wextra)
include_directories(${CMAKE_CURRENT_SOURCE_DIR}/src)
add_library(geo STATIC src/geo/geo.cpp)
add_library(tools STATIC src/tools/tools.cpp)
target_link_libraries(tools PUBLIC geo)
add_executable(fx src/app/main.cpp)
target_link_libraries(fx PRIVATE geo)
)src";

const char* kFixtureConfig = R"src({"modules": [{"name": "app", "paths": ["src/app/**"]},
             {"name": "geo", "paths": ["src/geo/**"]},
             {"name": "tools", "paths": ["src/tools/**"]}],
 "ownership": {"fx::geo::chain": {"parts": "takes"}}}
)src";

const char* kGeoHeader = R"src(// Every type mapping seam split knows, and what it must skip.
#pragma once

#include <cstdint>
#include <list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace fx::geo {

enum class Unit { Meters = 1, Feet = 2 };
enum Heading { kNorth, kSouth, kUp = 0 };

struct Point {
  double x = 0;
  double y = 0;
};

struct Shape {
  std::string name;
  std::vector<Point> points;
  std::optional<std::string> label;
  std::map<std::string, int> tags;
  std::vector<std::vector<int>> grid;
  std::set<std::int64_t> ids;
  std::list<Unit> units;
  unsigned short small = 0;
  char initial = 'a';
  bool closed = false;
  float weight = 0;
  std::optional<Point> center;
  std::map<int, std::vector<std::string>> layers;
  Heading heading = kNorth;
  std::map<std::string, Unit> unit_of;
};

Shape make_shape(std::string_view name, const char* label, int sides);
double area(const Shape& shape);
std::vector<Shape> scale_all(std::vector<Shape> shapes, double factor);
std::optional<Point> centroid(const std::vector<Point>& points);
std::map<std::string, std::set<std::string>> index_words(const std::vector<std::string_view>& words);
int total_sides(const std::list<Shape>& shapes) noexcept;
std::uint64_t checksum(std::uint64_t seed, unsigned char salt);

struct Registry {
  static int count();
  static void add(Shape&& shape);
};

// Pointers to one value: in-out, the value after the call comes back.
bool parse_point(const std::string& text, Point* out);
void decorate(std::string* name);
// An input array and its count: a repeated field.
double mean(const double* values, std::size_t n);
int count_points(const Point* points, int n);

// Not servable: seam split skips each with its reason.
void fill_all(int* values, int n);
void fill(Shape& out);
void visit(void (*callback)(const Shape&));
Point* find(int id);
// Remote objects: they live in the service, the program holds handles.
class Canvas {
public:
  void draw(const Shape& shape);
  int drawn() const;

private:
  int drawn_ = 0;
};
class Counter {
public:
  explicit Counter(std::string name);
  ~Counter();
  void add(int n);
  int total() const;
  std::string describe() const;
  void absorb(const Counter& other);
  bool same(const Counter* other) const;
  static int live();

private:
  std::string name_;
  int total_ = 0;
};
struct Drawable {
  virtual ~Drawable() = default;
  virtual int size() const = 0;
};
int measure(const Drawable& drawable);
// A struct of settings (like leveldb's Options): values and a pointer to an
// object of the caller. It travels by value, the pointer as a callback handle.
struct Settings {
  int scale = 1;
  std::string prefix;
  const Drawable* base = nullptr;
};
int sized(const Settings& settings, int n);
// A base whose virtual method the remote interface inherits without redeclaring it.
class Labeled {
public:
  virtual ~Labeled() = default;
  virtual std::string label() const = 0;
};
// A remote interface: handed out as a pointer by a factory, like an iterator.
class Walker : public Labeled {
public:
  virtual ~Walker() = default;
  virtual bool Valid() const = 0;
  virtual void Next() = 0;
  virtual std::string key() const = 0;
};
Walker* walk(int n);
int steps_left(const Walker* walker);
// Walks its parts one after the other and deletes them when it is deleted, like
// leveldb's NewMergingIterator its children (seam.json "ownership": "takes").
Walker* chain(Walker** parts, int n);
// A callback interface: the caller implements it and passes it in; the
// service calls it back, during the call (notify) or later (Board keeps it).
class Listener {
public:
  virtual ~Listener() = default;
  virtual void on_step(int n, const std::string& label) = 0;
  virtual int weight(const Point& p) const = 0;
  virtual void forget(int**) {}
};
int notify(Listener& listener, int steps);
class Board {
public:
  void watch(Listener* listener);
  int tick();

private:
  std::vector<Listener*> watchers_;
  int ticks_ = 0;
};
inline int twice(int x) { return 2 * x; }
template <class T> T identity(T value) { return value; }
extern int g_counter;

} // namespace fx::geo
)src";

const char* kGeoSource = R"src(#include "geo/geo.h"

#include <utility>

namespace fx::geo {

int g_counter = 0;

Shape make_shape(std::string_view name, const char* label, int sides) {
  Shape s;
  s.name = std::string(name);
  if (label != nullptr) s.label = label;
  for (int i = 0; i < sides; ++i) s.points.push_back(Point{double(i), double(i * i)});
  s.tags = {{"sides", sides}, {"even", sides % 2 == 0}};
  for (int i = 0; i < sides; ++i) s.grid.push_back({i, i + 1, -i});
  s.ids = {sides, -sides, std::int64_t{1} << 40};
  s.units = {Unit::Meters, Unit::Feet, Unit::Meters};
  s.small = static_cast<unsigned short>(65535 - sides);
  s.initial = name.empty() ? '?' : name[0];
  s.closed = sides > 3;
  s.weight = sides * 0.5f;
  if (sides % 2 == 0) s.center = Point{1.5, 2.5};
  s.layers = {{sides, {"a", "b"}}, {-1, {}}};
  s.heading = sides > 3 ? kSouth : kNorth;
  s.unit_of = {{"x", Unit::Feet}, {"y", Unit::Meters}};
  return s;
}

double area(const Shape& shape) {
  double a = 0;
  for (const Point& p : shape.points) a += p.x * p.y;
  return a;
}

std::vector<Shape> scale_all(std::vector<Shape> shapes, double factor) {
  for (Shape& s : shapes)
    for (Point& p : s.points) {
      p.x *= factor;
      p.y *= factor;
    }
  return shapes;
}

std::optional<Point> centroid(const std::vector<Point>& points) {
  if (points.empty()) return std::nullopt;
  Point c;
  for (const Point& p : points) {
    c.x += p.x / points.size();
    c.y += p.y / points.size();
  }
  return c;
}

std::map<std::string, std::set<std::string>> index_words(const std::vector<std::string_view>& words) {
  std::map<std::string, std::set<std::string>> index;
  for (std::string_view w : words) index[std::string(w.substr(0, 1))].insert(std::string(w));
  return index;
}

int total_sides(const std::list<Shape>& shapes) noexcept {
  int n = 0;
  for (const Shape& s : shapes) n += static_cast<int>(s.points.size());
  return n;
}

std::uint64_t checksum(std::uint64_t seed, unsigned char salt) { return seed ^ salt; }

namespace {
std::vector<Shape>& registry() {
  static std::vector<Shape> shapes;
  return shapes;
}
} // namespace

int Registry::count() { return static_cast<int>(registry().size()); }
void Registry::add(Shape&& shape) { registry().push_back(std::move(shape)); }

void fill(Shape& out) { out = make_shape("filled", nullptr, 1); }
bool parse_point(const std::string& text, Point* out) {
  size_t comma = text.find(',');
  if (comma == std::string::npos || out == nullptr) return false;
  out->x += std::stod(text.substr(0, comma));
  out->y += std::stod(text.substr(comma + 1));
  return true;
}
void decorate(std::string* name) {
  if (name != nullptr) *name = "*" + *name + "*";
}
double mean(const double* values, std::size_t n) {
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) sum += values[i];
  return n == 0 ? -1 : sum / static_cast<double>(n);
}
int count_points(const Point* points, int n) {
  int above = 0;
  for (int i = 0; i < n; ++i) above += points[i].y > points[i].x;
  return above;
}
void fill_all(int* values, int n) {
  for (int i = 0; i < n; ++i) values[i] = i;
}
void visit(void (*callback)(const Shape&)) {
  for (const Shape& s : registry()) callback(s);
}
Point* find(int id) { return id == 0 || registry().empty() ? nullptr : &registry().front().points.front(); }
void Canvas::draw(const Shape& shape) { drawn_ += static_cast<int>(shape.points.size()); }
int Canvas::drawn() const { return drawn_; }

namespace {
int g_live = 0;
} // namespace

Counter::Counter(std::string name) : name_(std::move(name)) { ++g_live; }
Counter::~Counter() { --g_live; }
void Counter::add(int n) { total_ += n; }
int Counter::total() const { return total_; }
std::string Counter::describe() const { return name_ + "=" + std::to_string(total_); }
void Counter::absorb(const Counter& other) { total_ += other.total_; }
bool Counter::same(const Counter* other) const { return other == this; }
int Counter::live() { return g_live; }
int measure(const Drawable& drawable) { return drawable.size(); }
int sized(const Settings& settings, int n) {
  return settings.scale * n + (settings.base != nullptr ? settings.base->size() : 0) +
         static_cast<int>(settings.prefix.size());
}

namespace {
// The dynamic type stays in the service; callers only see Walker.
class CountDown final : public Walker {
public:
  explicit CountDown(int n) : n_(n) {}
  bool Valid() const override { return n_ > 0; }
  void Next() override { --n_; }
  std::string key() const override { return "step" + std::to_string(n_); }
  std::string label() const override { return "countdown"; }
  int left() const { return n_; }

private:
  int n_;
};

class Chain final : public Walker {
public:
  Chain(Walker** parts, int n) : parts_(parts, parts + n) { skip(); }
  ~Chain() override {
    for (Walker* part : parts_) delete part;
  }
  bool Valid() const override { return at_ < parts_.size(); }
  void Next() override {
    parts_[at_]->Next();
    skip();
  }
  std::string key() const override { return parts_[at_]->key(); }
  std::string label() const override { return "chain of " + std::to_string(parts_.size()); }

private:
  void skip() {
    while (at_ < parts_.size() && !parts_[at_]->Valid()) ++at_;
  }
  std::vector<Walker*> parts_;
  size_t at_ = 0;
};
} // namespace

Walker* walk(int n) { return n < 0 ? nullptr : new CountDown(n); }
Walker* chain(Walker** parts, int n) { return new Chain(parts, n); }

int notify(Listener& listener, int steps) {
  int total = 0;
  for (int i = 1; i <= steps; ++i) {
    listener.on_step(i, "step");
    total += listener.weight(Point{double(i), 1});
  }
  return total;
}
void Board::watch(Listener* listener) { watchers_.push_back(listener); }
int Board::tick() {
  ++ticks_;
  for (Listener* l : watchers_) l->on_step(ticks_, "tick");
  return ticks_;
}
int steps_left(const Walker* walker) { return walker == nullptr ? -1 : static_cast<const CountDown*>(walker)->left(); }

} // namespace fx::geo
)src";

const char* kToolsSource = R"src(// Uses what seam split cannot serve, so it is part of geo's interface.
#include "geo/geo.h"

namespace fx::tools {

struct Square : geo::Drawable {
  int size() const override { return 4; }
};

int use_everything() {
  geo::Shape s;
  geo::fill(s);
  int values[2];
  geo::fill_all(values, 2);
  geo::visit([](const geo::Shape&) {});
  geo::Canvas canvas;
  canvas.draw(s);
  geo::g_counter = geo::identity(geo::twice(1)) + geo::measure(Square{});
  return geo::find(1) != nullptr;
}

} // namespace fx::tools
)src";

const char* kAppSource = R"src(// Prints everything geo returns; the transcript must not change when geo runs
// as a service.
#include "geo/geo.h"

#include <cstdlib>
#include <iostream>
#include <string>
#include <utility>

using namespace fx::geo;

namespace {

// Implemented here, called by geo: through the service, a callback.
struct Printer : Listener {
  void on_step(int n, const std::string& label) override { std::cout << "on_step " << n << " " << label << "\n"; }
  int weight(const Point& p) const override { return static_cast<int>(p.x * 10 + p.y); }
};
struct Square : Drawable {
  int size() const override { return 4; }
};

void print(const Shape& s) {
  std::cout << s.name << " label=" << (s.label ? *s.label : "-") << " points=";
  for (const Point& p : s.points) std::cout << "(" << p.x << "," << p.y << ")";
  std::cout << " tags=";
  for (const auto& [k, v] : s.tags) std::cout << k << ":" << v << ";";
  std::cout << " grid=";
  for (const auto& row : s.grid) {
    std::cout << "[";
    for (int c : row) std::cout << c << " ";
    std::cout << "]";
  }
  std::cout << " ids=";
  for (auto id : s.ids) std::cout << id << " ";
  std::cout << " units=";
  for (Unit u : s.units) std::cout << static_cast<int>(u) << " ";
  std::cout << " small=" << s.small << " initial=" << s.initial << " closed=" << s.closed << " weight=" << s.weight
            << " center=";
  if (s.center) std::cout << s.center->x << "," << s.center->y;
  std::cout << " layers=";
  for (const auto& [k, v] : s.layers) {
    std::cout << k << ":";
    for (const auto& n : v) std::cout << n << ",";
    std::cout << ";";
  }
  std::cout << " heading=" << s.heading << " unit_of=";
  for (const auto& [k, v] : s.unit_of) std::cout << k << ":" << static_cast<int>(v) << ";";
  std::cout << "\n";
}

} // namespace

int main(int argc, char** argv) {
  // For the lease: "leak" makes a counter and dies without destructors (a
  // client that crashed); "live" reports how many counters are alive.
  if (argc == 2 && std::string(argv[1]) == "leak") {
    Counter* leaked = new Counter("leaked");
    std::cout << "live " << Counter::live() << "\n" << std::flush;
    (void)leaked;
    std::_Exit(0);
  }
  if (argc == 2) {
    std::cout << "live " << Counter::live() << "\n";
    return 0;
  }
  Shape tri = make_shape("triangle", "T", 3);
  Shape sq = make_shape("square", nullptr, 4);
  print(tri);
  print(sq);
  std::cout << "area " << area(sq) << "\n";
  for (const Shape& s : scale_all({tri, sq}, 2.5)) print(s);
  std::optional<Point> c = centroid(sq.points);
  std::cout << "centroid " << (c ? std::to_string(c->x) + "," + std::to_string(c->y) : "none") << "\n";
  std::cout << "centroid of nothing " << (centroid({}) ? "some" : "none") << "\n";
  for (const auto& [letter, words] : index_words({"apple", "avocado", "banana"})) {
    std::cout << letter << ":";
    for (const auto& w : words) std::cout << " " << w;
    std::cout << "\n";
  }
  std::cout << "sides " << total_sides({tri, sq}) << "\n";
  std::cout << "checksum " << checksum(18446744073709551557ull, 250) << "\n";
  Registry::add(std::move(tri));
  Registry::add(make_shape("pentagon", "P", 5));
  std::cout << "registry " << Registry::count() << "\n";
  std::cout << "twice " << twice(21) << "\n";
  Point p{1, 1};
  bool parsed = parse_point("2.5,4", &p);
  std::cout << "parsed " << parsed << " " << p.x << "," << p.y << " null " << parse_point("1,2", nullptr) << "\n";
  std::string name = "star";
  decorate(&name);
  decorate(nullptr);
  std::cout << "decorated " << name << "\n";
  const double values[] = {1.5, 2.5, 4};
  const Point points[] = {{0, 1}, {2, 1}, {3, 5}};
  std::cout << "mean " << mean(values, 3) << " " << mean(nullptr, 0) << " above " << count_points(points, 3) << "\n";
  Canvas canvas;
  canvas.draw(sq);
  canvas.draw(sq);
  std::cout << "drawn " << canvas.drawn() << "\n";
  {
    Counter apples("apples");
    apples.add(3);
    apples.add(4);
    Counter pears("pears");
    pears.add(10);
    apples.absorb(pears);
    std::cout << apples.describe() << " " << pears.describe() << " live " << Counter::live() << " same "
              << apples.same(&apples) << apples.same(&pears) << apples.same(nullptr) << "\n";
  }
  std::cout << "live after " << Counter::live() << "\n";
  Walker* walker = walk(3);
  std::cout << "walking " << walker->label() << "\n";
  for (; walker->Valid(); walker->Next()) std::cout << walker->key() << " left " << steps_left(walker) << "\n";
  delete walker;
  Walker* parts[] = {walk(1), walk(0), walk(2)};
  Walker* both = chain(parts, 3);
  std::cout << both->label() << ":";
  for (; both->Valid(); both->Next()) std::cout << " " << both->key();
  std::cout << "\n";
  delete both;
  std::cout << "no walker " << (walk(-1) == nullptr) << " " << steps_left(nullptr) << "\n";
  Printer printer;
  const int weights = notify(printer, 3);
  std::cout << "notify " << weights << "\n";
  Board board;
  board.watch(&printer);
  board.watch(&printer);
  const int first = board.tick();
  const int second = board.tick();
  std::cout << "ticks " << first << " " << second << " measure " << measure(Square{}) << "\n";
  Square base;
  Settings settings;
  settings.scale = 3;
  settings.prefix = "ab";
  settings.base = &base;
  std::cout << "sized " << sized(settings, 5) << " " << sized(Settings{}, 5) << "\n";
  return 0;
}
)src";

TEST(SplitFixture, EveryTypeMappingRoundTripsAndEverySkipHasItsReason) {
  const std::string work = work_dir("fixture");
  const std::string fx = work + "/fx";
  write(fx + "/CMakeLists.txt", kFixtureCMake);
  write(fx + "/seam.json", kFixtureConfig);
  write(fx + "/src/geo/geo.h", kGeoHeader);
  write(fx + "/src/geo/geo.cpp", kGeoSource);
  write(fx + "/src/tools/tools.cpp", kToolsSource);
  write(fx + "/src/app/main.cpp", kAppSource);
  ASSERT_TRUE(cmake_build(fx, fx + "/build"));
  auto local = run({fx + "/build/fx"});
  ASSERT_EQ(local.status, 0) << local.err;

  auto split = run({SEAM_EXE, "split", "geo", "-o", "stubs", "-p", "build", "-q"}, fx);
  ASSERT_EQ(split.status, 0) << split.err;
  EXPECT_EQ(split.out.substr(0, split.out.find('\n')),
            "wrote 7 files to stubs: service geo.v1.GeoService with 37 rpcs, 2 messages, 2 enums; 7 skipped; 65 call "
            "sites become remote (3 in loops)");

  // Every skip, from real code, with its reason and the line that declares it.
  const std::string readme = slurp(fx + "/stubs/README.md");
  auto row = [&](const std::string& name, const std::string& kind, const std::string& decl, const std::string& why) {
    return "| `" + name + "` | " + kind + " | `src/geo/geo.h:" + std::to_string(line_of(kGeoHeader, decl)) + "` | " +
           why + " |";
  };
  for (const std::string& r : {row("fx::geo::fill", "function", "void fill(", "out-parameter"),
                               row("fx::geo::visit", "function", "void visit(", "callback"),
                               row("fx::geo::find", "function", "Point* find(", "raw pointer"),
                               row("fx::geo::fill_all", "function", "void fill_all(", "raw pointer"),
                               row("fx::geo::twice", "function", "inline int twice(", "stays local"),
                               row("fx::geo::identity", "function", "template <class T> T identity(", "template"),
                               row("fx::geo::g_counter", "variable", "extern int g_counter", "shared variable")})
    EXPECT_NE(readme.find(r), std::string::npos) << r << "\n" << readme;

  const std::string proto = slurp(fx + "/stubs/geo.proto");
  for (const char* text : {"  optional string label = 2;\n  int32 sides = 3;", "  map<string, StringList> result = 1;",
                           "  uint64 seed = 1;\n  uint32 salt = 2;", "  repeated Int32List grid = 5;",
                           "  map<int32, StringList> layers = 13;", "  Point center = 12;",
                           "enum Unit {\n  UNIT_UNSPECIFIED = 0;\n  UNIT_METERS = 1;\n  UNIT_FEET = 2;\n}",
                           "  option allow_alias = true;\n  HEADING_K_NORTH = 0;", "  map<string, Unit> unit_of = 15;",
                           "rpc RegistryAdd(RegistryAddRequest) returns (RegistryAddResponse);",
                           // Remote objects: constructors return a handle, members and the destructor take it,
                           // an object passed back travels as its handle, a class without constructors gets one.
                           "rpc NewCounter(NewCounterRequest) returns (NewCounterResponse);",
                           "rpc ReleaseCounter(ReleaseCounterRequest) returns (ReleaseCounterResponse);",
                           "rpc NewCanvas(NewCanvasRequest) returns (NewCanvasResponse);",
                           // A remote interface: its virtual methods on the handle, the factory answers one.
                           "rpc WalkerNext(WalkerNextRequest) returns (WalkerNextResponse);",
                           "rpc ReleaseWalker(ReleaseWalkerRequest) returns (ReleaseWalkerResponse);",
                           "message WalkResponse {\n  uint64 result = 1;\n}",
                           // Inherited from Labeled, served on Walker's handle; an array of handles.
                           "rpc WalkerLabel(WalkerLabelRequest) returns (WalkerLabelResponse);",
                           "message ChainRequest {\n  repeated uint64 parts = 1;\n}",
                           "message StepsLeftRequest {\n  uint64 walker = 1;\n}",
                           "message NewCounterRequest {\n  string name = 1;\n}",
                           "message NewCounterResponse {\n  uint64 handle = 1;\n}",
                           "message CounterAddRequest {\n  uint64 handle = 1;\n  int32 n = 2;\n}",
                           "message CounterAbsorbRequest {\n  uint64 handle = 1;\n  uint64 other = 2;\n}",
                           "message CanvasDrawRequest {\n  uint64 handle = 1;\n  Shape shape = 2;\n}",
                           // In-out pointers: unset is nullptr; the value comes back after the result.
                           "message ParsePointRequest {\n  string text = 1;\n  Point out = 2;\n}",
                           "message ParsePointResponse {\n  bool result = 1;\n  Point out = 2;\n}",
                           "message DecorateRequest {\n  optional string name = 1;\n}",
                           "message DecorateResponse {\n  string name = 1;\n}",
                           "message MeanRequest {\n  repeated double values = 1;\n}",
                           "message CountPointsRequest {\n  repeated Point points = 1;\n}",
                           // Callbacks: the caller's Listener and Drawable travel as callback handles,
                           // and the client serves their virtual methods to the service.
                           "message NotifyRequest {\n  uint64 listener = 1;\n  int32 steps = 2;\n}",
                           "message BoardWatchRequest {\n  uint64 handle = 1;\n  uint64 listener = 2;\n}",
                           "message MeasureRequest {\n  uint64 drawable = 1;\n}",
                           "message SizedRequest {\n  Settings settings = 1;\n  int32 n = 2;\n}",
                           "message Settings {\n  int32 scale = 1;\n  string prefix = 2;\n  uint64 base = 3;\n}",
                           "service GeoCallbacks {",
                           "rpc ListenerOnStep(ListenerOnStepRequest) returns (ListenerOnStepResponse);",
                           "message ListenerOnStepRequest {\n  uint64 handle = 1;\n  int32 n = 2;\n  string label = 3;\n}",
                           "message ListenerWeightResponse {\n  int32 result = 1;\n}",
                           "rpc DrawableSize(DrawableSizeRequest) returns (DrawableSizeResponse);"})
    EXPECT_NE(proto.find(text), std::string::npos) << text << "\n" << proto;

  // The program linked with the client instead of geo, against the server.
  write(work + "/remote/CMakeLists.txt", R"(cmake_minimum_required(VERSION 3.16)
project(fx_remote LANGUAGES CXX)
set(CMAKE_CXX_STANDARD 17)
add_compile_options(-Wall -Wextra -Werror)
add_subdirectory(")" + fx + R"(/stubs" stubs)
add_executable(fx_remote ")" + fx + R"(/src/app/main.cpp")
target_include_directories(fx_remote PRIVATE ")" + fx + R"(/src")
target_link_libraries(fx_remote PRIVATE geo_client)
)");
  const std::string build = work + "/remote/build";
  ASSERT_TRUE(cmake_build(work + "/remote", build));
  Server server(build + "/stubs/geo_server");
  ASSERT_GT(server.port(), 0) << "server said: " << server.banner();
  auto remote = run({"env", "SEAM_GEO_ADDR=127.0.0.1:" + std::to_string(server.port()), build + "/fx_remote"});
  EXPECT_EQ(remote.status, 0) << remote.err;
  EXPECT_EQ(remote.out, local.out);
  // The objects lived in the service (two counters, then none: the destructors released them).
  EXPECT_NE(remote.out.find("apples=17 pears=10 live 2 same 100\nlive after 0\n"), std::string::npos) << remote.out;
  // The walker lived in the service behind a WalkerProxy: every call forwarded (label(),
  // which Walker inherits from Labeled, too), the proxy passed back as its handle, nullptr
  // as handle 0. chain() took its three parts over (an array of handles the registry let
  // go of): the chain walked them in the service and deleting it deleted them, once.
  EXPECT_NE(remote.out.find("walking countdown\nstep3 left 3\nstep2 left 2\nstep1 left 1\n"
                            "chain of 3: step1 step2 step1\nno walker 1 -1\n"),
            std::string::npos)
      << remote.out;
  EXPECT_NE(remote.out.find("parsed 1 3.5,5 null 0\ndecorated *star*\nmean 2.66667 -1 above 2\n"), std::string::npos)
      << remote.out;
  // The Printer stayed in the program: the service called it back during notify, and
  // later from the Board that kept it (watched twice: the same stand-in, called twice).
  EXPECT_NE(remote.out.find("on_step 1 step\non_step 2 step\non_step 3 step\nnotify 63\non_step 1 tick\non_step 1 "
                            "tick\non_step 2 tick\non_step 2 tick\nticks 1 2 measure 4\n"),
            std::string::npos)
      << remote.out;
  // The Settings travelled by value: the service read the caller's scale and
  // prefix, and called the caller's Square back through the base pointer; a
  // default Settings has no base (handle 0, nullptr in the service).
  EXPECT_NE(remote.out.find("sized 21 5\n"), std::string::npos) << remote.out;
  // A virtual method whose signature does not map is overridden by the stand-in, throwing.
  EXPECT_NE(readme.find("| `fx::geo::Listener` | `src/geo/geo.h:" + std::to_string(line_of(kGeoHeader, "class Listener")) +
                        "` | a `ListenerCallback` (a proxy deriving from the class) | `ListenerOnStep`, "
                        "`ListenerWeight` | `forget`: parameter 'arg1': int **: raw pointer"),
            std::string::npos)
      << readme;
  EXPECT_NE(readme.find("'values': int * followed by the integer 'n': one value to fill, or an array of that many?"),
            std::string::npos);
  // The lease. A client that dies without releasing keeps its counter while
  // the lease (default 600 s) runs: another client still counts it.
  server.stop();
  const auto at = [&](const Server& s) { return "SEAM_GEO_ADDR=127.0.0.1:" + std::to_string(s.port()); };
  {
    Server patient(build + "/stubs/geo_server");
    ASSERT_GT(patient.port(), 0) << patient.banner();
    EXPECT_EQ(run({"env", at(patient), build + "/fx_remote", "leak"}).out, "live 1\n");
    EXPECT_EQ(run({"env", at(patient), build + "/fx_remote", "live"}).out, "live 1\n");
  }
  // With SEAM_GEO_LEASE_SECONDS=1, the next call after more than a second
  // without a word from the dead client releases its counter.
  Server leasing(build + "/stubs/geo_server", {"SEAM_GEO_LEASE_SECONDS=1"});
  ASSERT_GT(leasing.port(), 0) << leasing.banner();
  EXPECT_EQ(run({"env", at(leasing), build + "/fx_remote", "leak"}).out, "live 1\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(2500)); // past the lease, whatever the load
  EXPECT_EQ(run({"env", at(leasing), build + "/fx_remote", "live"}).out, "live 0\n");

  auto nm = run({"nm", "-C", build + "/fx_remote"});
  EXPECT_EQ(nm.out.find("g_live"), std::string::npos) << "the module's state must stay in the service";
  EXPECT_NE(nm.out.find(" T fx::geo::Counter::add(int)"), std::string::npos);
}

} // namespace
} // namespace seam
