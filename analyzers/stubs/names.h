// Names for generated code: module names turned into safe file names and
// identifiers, C++ names turned into proto style (PascalCase messages and
// rpcs, snake_case fields, UPPER_SNAKE enum values), and a table that keeps
// every generated name unique. Pure functions, so the same input always gives
// the same names (field numbers and file names are stable across runs).
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace seam::stubs {

/// A module name made safe for file names, C++ identifiers and proto packages:
/// only [A-Za-z0-9_], runs of '_' collapsed, no leading or trailing '_', never
/// empty, never starting with a digit, never a C++ or proto keyword. "../x y"
/// becomes "x_y", so no generated path can leave the output folder.
std::string safe_identifier(std::string_view name);

/// "outbox_for" -> "OutboxFor", "sentCount" -> "SentCount", "HTTPServer" stays.
std::string pascal_case(std::string_view name);
/// "sentCount" -> "sent_count", "HTTPServer" -> "http_server", "Email" -> "email".
std::string snake_case(std::string_view name);
/// "Channel" -> "CHANNEL", "kLowStock" -> "K_LOW_STOCK".
std::string upper_snake(std::string_view name);

bool is_cpp_keyword(std::string_view word);

/// The last component of a qualified C++ name: "a::b::c" -> "c".
std::string last_component(std::string_view qualified);
/// Everything before the last component: "a::b::c" -> "a::b" ("" at global scope).
std::string scope_of(std::string_view qualified);

class NameTable;
/// A proto field name (snake_case, not a keyword, not starting with a digit)
/// for a C++ member or parameter, unique in `names` (one message's fields).
std::string field_name(const std::string& cpp_name, NameTable& names);

/// Hands out names unique within one scope: the first request for "Send" gets
/// "Send", the next "Send2", "Send3", ... in request order.
class NameTable {
public:
  std::string unique(const std::string& wanted);
  bool taken(const std::string& name) const { return used_.count(name) != 0; }
  void reserve(const std::string& name) { used_.insert(name); }

private:
  std::set<std::string> used_;
};

} // namespace seam::stubs
