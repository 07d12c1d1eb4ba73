// Storage behind UserDirectory: customers by id, with their password hashes.
// Private to the users module (seam.json lists only src/users/*.h as public).
#pragma once

#include "common/ids.h"
#include "users/user.h"

#include <map>
#include <string>
#include <vector>

namespace shop::users::internal {

class UserStore {
public:
  void insert(const User& user, const std::string& password_hash);

  /// Null when there is no such user; valid until the next insert.
  const User* find(common::UserId id) const;
  const User* find_by_email(const std::string& email) const;

  /// Empty when the user is unknown.
  std::string password_hash(common::UserId id) const;

  std::vector<User> all() const;

private:
  struct Record {
    User user;
    std::string password_hash;
  };
  std::map<common::UserId, Record> records_;
};

/// Deterministic toy hash (64-bit FNV-1a as hex). Stands in for a real KDF.
std::string hash_password(const std::string& password);

} // namespace shop::users::internal
