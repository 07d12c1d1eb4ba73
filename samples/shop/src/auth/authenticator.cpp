#include "auth/authenticator.h"

#include "common/ids.h"
#include "common/result.h"
#include "users/user.h"
#include "users/user_directory.h"
// Planted for seam (README, problem 4): UserDirectory offers no credential
// check, so auth reads the stored hash through the users module's private header.
#include "users/internal/user_store.h"

#include <optional>

namespace shop::auth {

Authenticator::Authenticator(const users::UserDirectory& directory) : directory_(directory) {}

LoginResult Authenticator::login(const std::string& email, const std::string& password) {
  LoginResult result;
  const std::optional<users::User> user = directory_.find_by_email(email);
  if (!user || !password_matches(user->id, password)) {
    result.error = common::ErrorCode::InvalidCredentials;
    return result;
  }
  // Tokens are sequential so the sample's transcript is reproducible.
  result.session.user = user->id;
  result.session.token = "tok-" + std::to_string(user->id) + "-" + std::to_string(++tokens_issued_);
  sessions_[result.session.token] = user->id;
  return result;
}

void Authenticator::logout(const std::string& token) { sessions_.erase(token); }

int Authenticator::open_sessions() const { return static_cast<int>(sessions_.size()); }

bool Authenticator::password_matches(common::UserId user, const std::string& password) const {
  const users::internal::UserStore& store = directory_.store();
  return store.password_hash(user) == users::internal::hash_password(password);
}

} // namespace shop::auth
