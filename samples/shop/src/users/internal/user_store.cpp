#include "users/internal/user_store.h"

#include "common/ids.h"
#include "users/user.h"

#include <cstdint>

namespace shop::users::internal {

namespace {

constexpr std::uint64_t kFnvOffsetBasis = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

} // namespace

void UserStore::insert(const User& user, const std::string& password_hash) {
  records_[user.id] = Record{user, password_hash};
}

const User* UserStore::find(common::UserId id) const {
  const auto it = records_.find(id);
  return it == records_.end() ? nullptr : &it->second.user;
}

const User* UserStore::find_by_email(const std::string& email) const {
  for (const auto& entry : records_) {
    if (entry.second.user.email == email) {
      return &entry.second.user;
    }
  }
  return nullptr;
}

std::string UserStore::password_hash(common::UserId id) const {
  const auto it = records_.find(id);
  return it == records_.end() ? std::string() : it->second.password_hash;
}

std::vector<User> UserStore::all() const {
  std::vector<User> users;
  users.reserve(records_.size());
  for (const auto& entry : records_) {
    users.push_back(entry.second.user);
  }
  return users;
}

std::string hash_password(const std::string& password) {
  std::uint64_t hash = kFnvOffsetBasis;
  for (const char c : password) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kFnvPrime;
  }
  constexpr char kHexDigits[] = "0123456789abcdef";
  std::string hex(16, '0');
  for (std::size_t i = hex.size(); i-- > 0;) {
    hex[i] = kHexDigits[hash & 0xf];
    hash >>= 4;
  }
  return hex;
}

} // namespace shop::users::internal
