// The generated code of callbacks (ServicePlan::callback_classes), printed
// into the files the other emitters write: the reverse service in the proto,
// the client process's callback host and service, the server's stand-ins that
// call back (a proxy class per polymorphic class, forwarding member
// definitions and a shell per concrete class), and the registry of stand-ins
// in the service class. docs/split.md, "Callbacks", describes the protocol.
#pragma once

#include "analyzers/stubs/service_plan.h"
#include "reports/stubs/code_writer.h"

#include <string>

namespace seam::stubs {

/// proto: `service <Module>Callbacks` and its request/response messages.
void emit_callbacks_proto(CodeWriter& w, const ServicePlan& plan);

/// The client's struct registering this process's callback objects and
/// serving <Module>Callbacks on them (inside the client's anonymous namespace).
void emit_client_callback_host(CodeWriter& w, const ServicePlan& plan);
/// The name of that struct ("OrdersCallbackHost").
std::string callback_host(const ServicePlan& plan);

/// The server's stand-ins: inside the service's namespace (`in_namespace`
/// true: the channel back, the target of each stand-in, the proxy classes),
/// then, at global scope (false), the forwarding member definitions of
/// concrete callback classes in their own namespaces.
void emit_server_callback_helpers(CodeWriter& w, const ServicePlan& plan);
void emit_server_callback_members(CodeWriter& w, const ServicePlan& plan);
/// Member declarations of the service class: the stand-ins by session.
void emit_server_callback_registry(CodeWriter& w, const ServicePlan& plan);
/// Definitions of those members (inside the service's namespace).
void emit_server_callback_functions(CodeWriter& w, const ServicePlan& plan, const std::string& impl);

/// The service class's member function giving the stand-in for callback
/// class k ("order_observer_callback").
std::string callback_getter(const ServicePlan& plan, int k);

} // namespace seam::stubs
