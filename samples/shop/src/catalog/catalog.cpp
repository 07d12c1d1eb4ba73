#include "catalog/catalog.h"

#include "common/ids.h"
#include "common/money.h"

#include <cstdint>

namespace shop::catalog {

namespace {

// The sample's catalogue is fixed, so it is a constant table rather than a
// store: no mutable state, nothing to initialise at start-up.
struct Entry {
  common::ProductId id;
  const char* sku;
  const char* name;
  std::int64_t price_cents;
};

constexpr Entry kEntries[] = {
    {1, "KB-01", "Mechanical keyboard", 8900},
    {2, "MS-02", "Wireless mouse", 3450},
    {3, "MN-27", "27-inch monitor", 27900},
    {4, "CB-03", "USB-C cable", 990},
};

Product to_product(const Entry& entry) {
  Product product;
  product.id = entry.id;
  product.sku = entry.sku;
  product.name = entry.name;
  product.price = common::from_cents(entry.price_cents);
  return product;
}

} // namespace

std::optional<Product> find_product(common::ProductId id) {
  for (const Entry& entry : kEntries) {
    if (entry.id == id) {
      return to_product(entry);
    }
  }
  return std::nullopt;
}

std::optional<Product> find_by_sku(const std::string& sku) {
  for (const Entry& entry : kEntries) {
    if (sku == entry.sku) {
      return to_product(entry);
    }
  }
  return std::nullopt;
}

std::vector<Product> all_products() {
  std::vector<Product> products;
  for (const Entry& entry : kEntries) {
    products.push_back(to_product(entry));
  }
  return products;
}

} // namespace shop::catalog
