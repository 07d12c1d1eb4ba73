// Runs a fixed shopping day through the storefront and prints a transcript.
// Everything is deterministic: the output is compared across builds.
#include "api/storefront.h"
#include "inventory/inventory.h"

#include <iostream>

namespace {

/// This deployment holds reservations for 15 minutes.
constexpr int kReserveTimeoutSeconds = 900;

} // namespace

int main() {
  // Planted for seam (README, problem 6): api writes inventory's global.
  shop::inventory::g_reserve_timeout_seconds = kReserveTimeoutSeconds;

  shop::api::Storefront store(std::cout);
  store.sign_up("Alice Martin", "alice@example.com", "+33612345678", "correct horse");
  store.sign_up("Bob Stone", "bob@example.com", "", "hunter2");
  store.sign_up("Chen Wei", "chen@example.com", "+8613800138000", "p4ssw0rd");

  store.restock("KB-01", 10);
  store.restock("MS-02", 5);
  store.restock("MN-27", 2);
  store.restock("CB-03", 50);
  store.restock("XX-99", 1);
  store.print_catalog();

  // Product ids: 1 keyboard, 2 mouse, 3 monitor, 4 cable; 99 does not exist.
  store.checkout("alice@example.com", "correct horse", {{1, 1}, {4, 2}}, "4111111111111111");
  store.checkout("bob@example.com", "hunter3", {{2, 1}}, "4111111111111111");
  store.checkout("bob@example.com", "hunter2", {{3, 1}, {2, 1}}, "4000000000000000");
  store.checkout("chen@example.com", "p4ssw0rd", {{3, 2}}, "5555555555554444");
  store.checkout("alice@example.com", "correct horse", {{3, 1}}, "4111111111111111");
  store.checkout("chen@example.com", "p4ssw0rd", {{99, 1}}, "5555555555554444");

  store.announce_sale("Spring sale",
                      "15% off keyboards and monitors until Sunday. Reply STOP to opt out.");
  store.print_report();
  return 0;
}
