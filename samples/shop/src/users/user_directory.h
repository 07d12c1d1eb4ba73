// The users module's public face: sign-up and look-up of customers.
#pragma once

#include "common/ids.h"
#include "users/internal/user_store.h"
#include "users/user.h"

#include <optional>
#include <string>
#include <vector>

namespace shop::users {

class UserDirectory {
public:
  /// Registers a customer and returns the new id. The password is stored hashed.
  common::UserId register_user(const std::string& name, const std::string& email,
                               const std::string& phone, const std::string& password);

  std::optional<User> find(common::UserId id) const;
  std::optional<User> find_by_email(const std::string& email) const;

  /// Every customer, by id.
  std::vector<User> all() const;

  /// The backing store, for code inside the users module and its tests.
  const internal::UserStore& store() const { return store_; }

private:
  internal::UserStore store_;
  common::UserId next_id_ = 1;
};

} // namespace shop::users
