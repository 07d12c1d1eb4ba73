// End to end: `seam split analytics --contract shop::orders::OrderObserver`
// on the sample. The proto must hold one rpc per pure virtual method; the
// generated proxy and service are compiled with protoc, the gRPC plugin and
// the sample's headers (as the plain split test does), and a program hands
// the proxy to code holding an OrderObserver&: each call crosses gRPC into a
// fake implementation, which prints what it received.
#include "support/run.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace seam {
namespace {

namespace fs = std::filesystem;
using test::run;
using test::seam_on_sample;
using test::slurp;

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

std::set<std::string> files_in(const std::string& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
  return out;
}

const char* kContract = "shop::orders::OrderObserver";

TEST(ShopSplitContract, TheProxyCarriesObserverCallsToTheImplementationOverGrpc) {
  const std::string work = work_dir("shop-contract");
  const std::string out = work + "/stubs";
  auto split = seam_on_sample("shop", {"split", "analytics", "--contract", kContract, "-o", out, "-q"});
  ASSERT_EQ(split.status, 0) << split.err;
  EXPECT_EQ(split.out, "wrote 8 files to " + out +
                           ": service order_observer.v1.OrderObserver with 2 rpcs, 3 messages, 1 enum; 0 skipped; 2 "
                           "call sites become remote (2 in loops)\n");
  EXPECT_EQ(files_in(out), (std::set<std::string>{"CMakeLists.txt", "README.md", "order_observer.proto",
                                                  "order_observer_client.cpp", "order_observer_client.h",
                                                  "order_observer_convert.h", "order_observer_server.cpp",
                                                  "order_observer_server.h"}));

  const std::string proto = slurp(out + "/order_observer.proto");
  for (const char* line : {"package order_observer.v1;", "service OrderObserver {",
                           "  rpc OnOrderPlaced(OnOrderPlacedRequest) returns (OnOrderPlacedResponse);",
                           "  rpc OnOrderPaid(OnOrderPaidRequest) returns (OnOrderPaidResponse);",
                           "message OnOrderPlacedRequest {\n  Order order = 1;\n}", "message Order {"})
    EXPECT_NE(proto.find(line), std::string::npos) << line << "\n" << proto;
  EXPECT_EQ(proto.find("  rpc "), proto.rfind("  rpc ", proto.find("OnOrderPlaced(") )) << "OnOrderPlaced is first";

  const std::string readme = slurp(out + "/README.md");
  EXPECT_NE(readme.find("implemented by `shop::analytics::OrderStatsListener` and called from the modules `orders`"),
            std::string::npos)
      << readme;
  // The two calls through the port, both in the order service's loops over its observers.
  EXPECT_NE(readme.find("| `src/orders/order_service.cpp:43:15` | yes | `shop::orders::OrderService::place` |"),
            std::string::npos)
      << readme;
  EXPECT_NE(readme.find("| `src/orders/order_service.cpp:63:15` | yes | `shop::orders::OrderService::mark_paid` |"),
            std::string::npos)
      << readme;

  // A program: the service over a fake OrderObserver, the proxy handed to code
  // that only knows OrderObserver&.
  const std::string shop = test::sample_dir("shop");
  write(work + "/program/main.cpp", R"(#include "order_observer_client.h"
#include "order_observer_server.h"

#include <grpcpp/grpcpp.h>

#include <iostream>
#include <string>

namespace {

class FakeObserver final : public shop::orders::OrderObserver {
public:
  void on_order_placed(const shop::orders::Order& order) override {
    std::cout << "placed " << order.id << " by " << order.customer << " <" << order.customer_email << "> "
              << order.lines.size() << " lines, first " << order.lines.at(0).quantity << " x product "
              << order.lines.at(0).product << " at " << order.lines.at(0).unit_price.cents << " "
              << order.lines.at(0).unit_price.currency << ", total " << order.total.cents << "\n";
  }
  void on_order_paid(const shop::orders::Order& order) override {
    std::cout << "paid " << order.id << " status " << shop::orders::to_string(order.status) << "\n";
  }
};

// Code of the monolith that holds an observer and knows nothing of gRPC.
void notify(shop::orders::OrderObserver& observer, shop::orders::Order& order) {
  observer.on_order_placed(order);
  order.status = shop::orders::OrderStatus::Paid;
  observer.on_order_paid(order);
}

} // namespace

int main() {
  FakeObserver fake;
  order_observer::v1::OrderObserverImpl service(fake);
  int port = 0;
  std::unique_ptr<grpc::Server> server = order_observer::v1::serve(service, "127.0.0.1:0", port);
  if (!server) return 3;
  shop::orders::OrderObserverClient proxy("127.0.0.1:" + std::to_string(port));
  shop::orders::Order order;
  order.id = 42;
  order.customer = 7;
  order.customer_email = "ada@example.com";
  shop::orders::OrderLine line;
  line.product = 1001;
  line.quantity = 3;
  line.unit_price = shop::common::from_cents(250);
  order.lines.push_back(line);
  order.total = shop::common::from_cents(750);
  notify(proxy, order);
  server->Shutdown();
  return 0;
}
)");
  write(work + "/program/CMakeLists.txt", R"(cmake_minimum_required(VERSION 3.16)
project(contract_round_trip LANGUAGES CXX)
set(CMAKE_CXX_STANDARD 17)
add_compile_options(-Wall -Wextra)
add_subdirectory(")" + out + R"(" stubs)
add_executable(round_trip main.cpp)
target_include_directories(round_trip PRIVATE ")" + shop + R"(/src")
target_link_libraries(round_trip PRIVATE order_observer_client order_observer_server)
)");
  const std::string build = work + "/program/build";
  auto c = run({"cmake", "-S", work + "/program", "-B", build, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Debug"});
  ASSERT_EQ(c.status, 0) << tail(c.out + c.err);
  auto b = run({"cmake", "--build", build, "-j", "2"});
  ASSERT_EQ(b.status, 0) << tail(b.out + b.err);

  auto trip = run({build + "/round_trip"});
  EXPECT_EQ(trip.status, 0) << trip.err;
  EXPECT_EQ(trip.out, "placed 42 by 7 <ada@example.com> 1 lines, first 3 x product 1001 at 250 " +
                          std::string("EUR") + ", total 750\npaid 42 status paid\n");
}

TEST(ShopSplitContract, SameInputGivesTheSameFilesWhateverTheJobs) {
  const std::string out = work_dir("shop-contract-determinism") + "/stubs";
  auto a = seam_on_sample("shop", {"split", "analytics", "--contract", kContract, "-o", out, "-q", "-j", "1"});
  ASSERT_EQ(a.status, 0) << a.err;
  std::map<std::string, std::string> first;
  for (const std::string& f : files_in(out)) first[f] = slurp(out + "/" + f);
  auto b = seam_on_sample("shop",
                          {"split", "analytics", "--contract", kContract, "-o", out, "-q", "-j", "2", "--force"});
  ASSERT_EQ(b.status, 0) << b.err;
  ASSERT_EQ(first.size(), 8u);
  for (const auto& [f, text] : first) EXPECT_EQ(slurp(out + "/" + f), text) << f;
  // Every file says how to regenerate it, with the contract.
  EXPECT_NE(first["order_observer_client.h"].find("seam split analytics --contract shop::orders::OrderObserver -o " +
                                                  out + " --force"),
            std::string::npos)
      << first["order_observer_client.h"];
}

TEST(ShopSplitContract, WrongContractsAreClearErrorsWithExitTwo) {
  const std::string work = work_dir("shop-contract-errors");
  auto typo = seam_on_sample("shop", {"split", "analytics", "--contract", "shop::orders::OrderObsrever", "-o",
                                      work + "/a", "-q"});
  EXPECT_EQ(typo.status, 2);
  EXPECT_NE(typo.err.find("unknown class 'shop::orders::OrderObsrever'; did you mean shop::orders::OrderObserver? The ports are: "
                           "shop::orders::OrderObserver."),
            std::string::npos)
      << typo.err;
  EXPECT_FALSE(fs::exists(work + "/a"));

  auto caller = seam_on_sample("shop", {"split", "orders", "--contract", kContract, "-o", work + "/b", "-q"});
  EXPECT_EQ(caller.status, 2);
  EXPECT_NE(caller.err.find("'shop::orders::OrderObserver' is a port, but module 'orders' does not implement it: it "
                            "is implemented by shop::analytics::OrderStatsListener (analytics) and called from orders; "
                            "run `seam split analytics --contract shop::orders::OrderObserver`"),
            std::string::npos)
      << caller.err;

  auto concrete = seam_on_sample(
      "shop", {"split", "orders", "--contract", "shop::orders::OrderService", "-o", work + "/c", "-q"});
  EXPECT_EQ(concrete.status, 2);
  EXPECT_NE(concrete.err.find("'shop::orders::OrderService' (src/orders/order_service.h:27) is not a port: it has no "
                              "pure virtual method, so it is a class to move, not a contract"),
            std::string::npos)
      << concrete.err;

  auto module = seam_on_sample("shop", {"split", "analytic", "--contract", kContract, "-o", work + "/d", "-q"});
  EXPECT_EQ(module.status, 2);
  EXPECT_NE(module.err.find("unknown module 'analytic'"), std::string::npos) << module.err;
}

} // namespace
} // namespace seam
