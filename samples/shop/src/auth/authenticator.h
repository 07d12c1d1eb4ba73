// Password log-in and session tokens for the storefront.
#pragma once

#include "common/ids.h"
#include "common/result.h"
#include "users/user_directory.h"

#include <map>
#include <string>

namespace shop::auth {

struct Session {
  common::UserId user = 0;
  std::string token;
};

struct LoginResult {
  common::ErrorCode error = common::ErrorCode::Ok;
  Session session; ///< set when error is Ok
};

class Authenticator {
public:
  explicit Authenticator(const users::UserDirectory& directory);

  LoginResult login(const std::string& email, const std::string& password);
  void logout(const std::string& token);
  int open_sessions() const;

private:
  bool password_matches(common::UserId user, const std::string& password) const;

  const users::UserDirectory& directory_;
  std::map<std::string, common::UserId> sessions_; ///< token -> user
  int tokens_issued_ = 0;
};

} // namespace shop::auth
