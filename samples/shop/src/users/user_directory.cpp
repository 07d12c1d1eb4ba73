#include "users/user_directory.h"

#include "common/ids.h"
#include "users/internal/user_store.h"
#include "users/user.h"

namespace shop::users {

namespace {

std::optional<User> copy_of(const User* user) {
  if (user == nullptr) {
    return std::nullopt;
  }
  return *user;
}

} // namespace

common::UserId UserDirectory::register_user(const std::string& name, const std::string& email,
                                            const std::string& phone,
                                            const std::string& password) {
  User user;
  user.id = next_id_++;
  user.name = name;
  user.email = email;
  user.phone = phone;
  store_.insert(user, internal::hash_password(password));
  return user.id;
}

std::optional<User> UserDirectory::find(common::UserId id) const {
  return copy_of(store_.find(id));
}

std::optional<User> UserDirectory::find_by_email(const std::string& email) const {
  return copy_of(store_.find_by_email(email));
}

std::vector<User> UserDirectory::all() const { return store_.all(); }

} // namespace shop::users
