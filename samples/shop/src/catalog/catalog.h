// The product catalogue: what the shop sells and at what price.
#pragma once

#include "common/ids.h"
#include "common/money.h"

#include <optional>
#include <string>
#include <vector>

namespace shop::catalog {

struct Product {
  common::ProductId id = 0;
  std::string sku;
  std::string name;
  common::Money price;
};

std::optional<Product> find_product(common::ProductId id);
std::optional<Product> find_by_sku(const std::string& sku);

/// Every product, by id.
std::vector<Product> all_products();

} // namespace shop::catalog
