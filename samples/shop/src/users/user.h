// A registered customer as the rest of the shop sees it: no credentials.
#pragma once

#include "common/ids.h"

#include <string>

namespace shop::users {

struct User {
  common::UserId id = 0;
  std::string name;
  std::string email;
  std::string phone; ///< empty when the customer gave none
};

} // namespace shop::users
