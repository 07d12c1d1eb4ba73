// The statements that copy a C++ value into a proto field and back, shared by
// the conversion header, the client and the server. Records and enums convert
// through the to_proto/from_proto functions of the conversion header;
// containers, optionals and wrapper messages are spelled out inline, so no
// overload depends on how a container type happens to be spelled.
#pragma once

#include "analyzers/stubs/service_plan.h"
#include "reports/stubs/code_writer.h"

#include <string>

namespace seam::stubs {

class Conversions {
public:
  /// `qualifier` prefixes calls to the conversion functions: "" inside their
  /// namespace, "::pkg::v1::convert::" elsewhere.
  Conversions(const ServicePlan& plan, std::string qualifier) : plan_(plan), q_(std::move(qualifier)) {}

  /// Statements storing C++ expression `src` in field `f` of the message
  /// reached by `msg` ("request." or "response->").
  void to_proto(CodeWriter& w, const std::string& src, const ProtoField& f, const std::string& msg) const;
  /// Statements storing field `f` of the message reached by `msg` in the C++
  /// lvalue `dst`. `fresh`: dst was just default-constructed, so containers
  /// need no clear() and optionals no reset().
  void from_proto(CodeWriter& w, const std::string& msg, const ProtoField& f, const std::string& dst,
                  bool fresh = false) const;

  /// A C++ expression for a singular scalar, string or enum proto value
  /// `get` ("response.result()"); empty for messages and containers.
  std::string simple_value(const std::string& get, const WireType& t) const {
    return t.kind == WireKind::Scalar || t.kind == WireKind::String || t.kind == WireKind::Enum ? back_expr(get, t) : "";
  }

  const ServicePlan& plan() const { return plan_; }

  /// The C++ type protoc generates for a proto scalar ("int32" -> "std::int32_t").
  static std::string scalar_cpp(const std::string& scalar);

private:
  struct Slot;
  void store(CodeWriter& w, const std::string& src, const WireType& t, const Slot& slot) const;
  void load(CodeWriter& w, const std::string& msg, const std::string& field, const WireType& t,
            const std::string& dst, bool fresh) const;
  void load_value(CodeWriter& w, const std::string& get, const WireType& t, const std::string& dst,
                  bool fresh) const;
  std::string value_expr(const std::string& src, const WireType& t) const;
  std::string back_expr(const std::string& get, const WireType& t) const;
  std::string element_expr(const std::string& get, const WireType& t) const;

  const ServicePlan& plan_;
  std::string q_;
};

/// "const std::string &" + "name" -> "const std::string& name" (no name: the type alone).
std::string declare(const std::string& spelling, const std::string& name);

/// The body of a client-side forwarder after its signature: the request built
/// from the parameters, the call through `stub` (an expression ending in the
/// stub object, "remote::stub()." or "stub_->stub->"), checked by
/// `helpers`::check after `helpers`::prepare, and the result converted back.
/// `request`, `response`, `context` are the local names to use.
/// `keep_response`: inside a remote interface's proxy, the response is made
/// by the proxy's keep<>() and outlives the call, so a result that points
/// into it (a leveldb::Slice key()) stays valid until the next non-const call.
/// `handle`: an expression for the object's handle in a method's request (a
/// callback stand-in's target); empty: the remote object's handle of `this`.
void emit_forward_call(CodeWriter& w, const ServicePlan& plan, const Conversions& conv, const RpcPlan& r,
                       const std::string& helpers, const std::string& stub, const std::string& request,
                       const std::string& response, const std::string& context, bool keep_response = false,
                       const std::string& handle = "");

/// A C++ expression for the handle of the remote object at address `ptr`
/// (an expression of pointer type; null gives 0) of plan.remote_classes[k],
/// in the client, whose helper struct is `helpers`.
std::string client_handle(const ServicePlan& plan, int k, const std::string& helpers, const std::string& ptr);

/// A C++ statement-expression that makes the client forget the handle of the
/// remote object at `ptr` (its proxy then releases nothing when deleted).
std::string client_forget(const ServicePlan& plan, int k, const std::string& helpers, const std::string& ptr);

/// The client's `static void check(status, rpc)`: throws std::runtime_error
/// naming the rpc and the gRPC status when a call failed (the interfaces
/// seam forwards have no error channel of their own).
void emit_status_check(CodeWriter& w, const ServicePlan& plan);

/// The body of a server-side rpc handler inside its `try`: the parameters
/// taken out of the request, `callee` called with them (a function or
/// "target_.method"), its result stored in the response; then the catch
/// clauses, `what` naming the callee in the error of an unknown exception.
/// Closes the try and the function.
void emit_serve_call(CodeWriter& w, const Conversions& conv, const RpcPlan& r, const std::string& callee,
                     const std::string& what);

/// The server's registry of the objects of plan.remote_classes[k]: a member
/// map from handle to object ("counter_objects_").
std::string server_objects(const ServicePlan& plan, int k);

} // namespace seam::stubs
