// What `seam split MODULE` generates, decided once from the Project: the rpcs
// (one per interface function that maps), the messages and enums of the value
// types in their signatures, the wrapper messages proto needs for nested
// containers, everything skipped with its reason, and the call sites that
// become remote. The emitters in reports/stubs/ only print this plan.
#pragma once

#include "analyzers/candidates/ports.h"
#include "analyzers/model/interface.h"
#include "analyzers/stubs/proto_mapping.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace seam::stubs {

/// One field of a proto message. Numbers are declaration order from 1, so
/// they are the same on every run over the same code.
struct ProtoField {
  std::string name;     ///< proto field name (snake_case, unique in the message)
  uint32_t number = 0;
  WireType type;
  std::string cpp_name; ///< the C++ member or parameter it carries
};

struct MessagePlan {
  std::string proto;               ///< message name
  SymbolId record = kNoSymbol;     ///< the C++ aggregate
  std::string cpp;                 ///< "::shop::notifications::Notification"
  std::vector<ProtoField> fields;
  std::string origin;              ///< "src/x.h:12" where the record is defined
  /// A value class with private data: per field, its const getter; the
  /// object is rebuilt by the constructor taking every field. Empty for an
  /// aggregate (fields read and written directly).
  std::vector<std::string> getters;
};

struct EnumValuePlan {
  std::string proto;   ///< "CHANNEL_EMAIL"
  int64_t number = 0;  ///< the C++ value: conversion is a cast
  std::string cpp;     ///< the enumerator's name
};

struct EnumPlan {
  std::string proto;
  SymbolId decl = kNoSymbol;
  std::string cpp;     ///< "::shop::notifications::Channel"
  std::vector<EnumValuePlan> values; ///< with an added *_UNSPECIFIED = 0 first when no value is 0
  bool allow_alias = false;
  std::string origin;
};

/// A message holding one nested container (proto has no repeated-of-repeated).
struct WrapperPlan {
  std::string proto;   ///< "Int32List", "StringToInt32Map", "OptionalDouble"
  std::string key;     ///< WireType::key() of the wrapped type
  ProtoField field;    ///< "values" = 1
};

struct ParamPlan {
  std::string name;      ///< C++ parameter name (argN when the declaration has none)
  std::string spelling;  ///< as declared: "const std::string &"
  ProtoField field;
  bool rvalue = false;   ///< T&&: the server moves its local into the call
  /// An object of a remote class passed back into the module (`T&`, `const T&`,
  /// `T*`): it travels as its handle (field type uint64). Index into
  /// ServicePlan::remote_classes, -1 for a value.
  int remote = -1;
  bool pointer = false;  ///< remote: passed as T* (handle 0 is nullptr)
  /// remote: the callee takes the objects over (seam.json "ownership": "takes"):
  /// the server takes them out of its registry before the call, the client
  /// forgets their handles and deletes its proxies after it. With `array`,
  /// `T** items, int n`: a repeated field of handles.
  bool handed_over = false;
  /// `T* p` to a single value (not followed by a count): in-out. The request
  /// field has presence (unset = nullptr); the value after the call comes
  /// back in `out_field` of the response.
  bool out = false;
  ProtoField out_field;
  /// `const T* items, int n`: items is a repeated field of n values (array);
  /// n has no field of its own (count = true), the server passes the size.
  bool array = false;
  bool count = false;
  std::string count_type; ///< array: the count parameter's type ("int", "std::size_t")
  /// An object of the caller that the service calls back (`OrderObserver&`,
  /// `Inventory&`, `const Comparator*`): it travels as a callback handle
  /// (field type uint64, 0 for nullptr). Index into
  /// ServicePlan::callback_classes, -1 otherwise. `pointer` as for remote.
  int callback = -1;
  std::string value_type; ///< out: "std::string" for "std::string *"
  /// A struct of settings passed by value or `const T&` (`const
  /// leveldb::Options&`) that travels by value with its pointers to
  /// polymorphic classes as callback handles: index into
  /// ServicePlan::carried, -1 otherwise. The field is its message.
  int carried = -1;
};

/// What an rpc stands for. Constructors, methods and destructors of a remote
/// class carry its handle: methods and destructors in the request (field 1),
/// constructors in the response.
enum class RpcRole : uint8_t { Function, Constructor, Method, Destructor };

struct RpcPlan {
  std::string rpc;            ///< "OutboxFor"
  SymbolId symbol = kNoSymbol;
  std::string qualified;      ///< "shop::notifications::outbox_for"
  std::string ns;             ///< namespace to define it in: "shop::notifications" ("" = global)
  std::string local_name;     ///< name inside ns: "outbox_for" or "Registry::lookup"
  std::string result_spelling;///< "std::vector<shop::notifications::Notification>", "void"
  std::optional<ProtoField> result;
  std::vector<ParamPlan> params;
  std::string request, response; ///< message names
  bool is_noexcept = false;
  bool is_const = false;      ///< a const member function (--contract: the override is const too)
  std::string declared_at;    ///< "src/notifications/notifications.h:20"
  uint32_t call_sites = 0, loop_sites = 0;
  RpcRole role = RpcRole::Function;
  int remote = -1;            ///< constructors, methods, destructors: index into ServicePlan::remote_classes
  /// The result is `T*` of a remote interface (a factory such as
  /// `Iterator* NewIterator()`): the response's `result` is the new object's
  /// handle (0 for nullptr), the client returns a new proxy owning it. Index
  /// into ServicePlan::remote_classes, -1 otherwise.
  int result_remote = -1;
  bool implicit = false;      ///< a constructor the class does not declare (created on first use)
  /// A virtual method (or the destructor) a remote interface inherits from
  /// this base class without redeclaring it ("fx::geo::Shape"); the rpc is the
  /// interface's, and the server calls it through a pointer to that base
  /// (virtual dispatch, and no name hiding by the interface's own overloads).
  std::string inherited_from;
  /// `const T*` of a value (`const Order* find(id) const`): the response's
  /// `result` is unset for nullptr; the client returns a pointer to a copy it
  /// keeps until the next call of the same rpc on the same object.
  bool result_pointer = false;
  /// A callback rpc (ServicePlan::callback_rpcs): a method of
  /// callback_classes[callback], served by the client process.
  int callback = -1;
  /// Constructors of a class with reference members bound to callback
  /// parameters: "inventory_(inventory)", so the client's definition compiles.
  std::vector<std::string> member_inits;
};

/// A class of the module whose objects live in the service: the server keeps
/// them in a registry keyed by a handle id; the client defines the class's
/// member functions (same header, same signatures) and remembers, per object
/// address, the handle of the service's object behind it.
struct RemoteClassPlan {
  SymbolId symbol = kNoSymbol;
  std::string qualified;   ///< "fx::geo::Counter"
  std::string ident;       ///< "Counter": unique, for generated helper names
  std::string declared_at;
  /// No user-declared constructor: the implicit default constructor runs in
  /// the caller without any call, so the service's object is created on the
  /// first member call (rpc New<Class>).
  bool lazy = false;
  /// Has a destructor rpc; else objects are released only when their client's
  /// lease ends (an implicit destructor is inline: nothing to hook).
  bool releases = false;
  /// A polymorphic class the module returns as `T*` (leveldb::Iterator): a
  /// remote interface. Its objects reach the client only through those
  /// results, so the client gets a proxy class deriving from it (`proxy`)
  /// whose every virtual method forwards over the handle, and whose
  /// destructor releases it. The class's own definitions stay untouched.
  bool interface = false;
  std::string proxy;             ///< interface: the client's proxy class ("IteratorProxy")
  std::vector<std::string> rpcs; ///< its rpcs, in plan order
};

/// A virtual method with no rpc (its signature does not map) of a contract's
/// class or of a callback class: the proxy still overrides it, throwing, so
/// the proxy stays a concrete class.
struct UnservedOperation {
  std::string local_name;      ///< "on_thing"
  std::string result_spelling; ///< "void"
  std::vector<std::pair<std::string, std::string>> params; ///< spelling, name (argN when unnamed)
  bool is_const = false, is_noexcept = false;
  std::string declared_at;
  std::string reason;          ///< the skip's detail
};

/// The override a proxy needs for method `s` (name, result, parameters,
/// const/noexcept read off its signature) that is not forwarded, and why.
UnservedOperation unserved_operation(const Symbol& s, std::string declared_at, std::string reason);

/// A class whose objects the caller owns and passes in, and the service calls
/// back (docs/split.md, "Callbacks"): the client process serves the reverse
/// service <Module>Callbacks, one rpc per method below, on the object it
/// registered under a callback handle.
///  - polymorphic (`OrderObserver`, `Comparator`): the server passes a proxy
///    deriving from the class (`proxy`) whose every virtual method forwards;
///  - concrete (`Inventory&` bound by a constructor): the server links, instead
///    of the class's own sources (`excluded_sources`), definitions of the
///    members the service's code calls, each forwarding on the handle of the
///    object it is called on; the server's object is a shell made with
///    `shell` (its fields unused, like a remote object's proxy in the client).
struct CallbackClassPlan {
  SymbolId symbol = kNoSymbol;
  std::string qualified;    ///< "shop::orders::OrderObserver"
  std::string ident;        ///< "OrderObserver": unique, for generated helper names
  std::string declared_at;
  bool polymorphic = false;
  std::string proxy;        ///< polymorphic: the server's proxy class ("OrderObserverCallback")
  std::vector<std::string> rpcs; ///< its callback rpcs, in plan order
  std::vector<UnservedOperation> unserved; ///< polymorphic: virtual methods that do not map (the proxy throws)
  /// concrete: the arguments of the constructor the shell is made with ("0");
  /// `shell_ctor` is that constructor's out-of-line definition head
  /// ("Inventory::Inventory(int)"), empty when it is implicit.
  std::string shell_args, shell_ctor, shell_ns;
  bool shell_dtor = false;  ///< concrete: the class declares its destructor (defined empty in the server)
  std::vector<std::string> excluded_sources; ///< concrete: project-relative TUs left out of the server
};

/// One field of a carried struct: a value as in any message, or a pointer to
/// a polymorphic class (`const Comparator* comparator`) as a callback handle
/// (uint64, 0 for nullptr) the server turns into its stand-in for the object.
struct CarriedFieldPlan {
  std::string member;  ///< the C++ data member ("block_size")
  ProtoField field;    ///< its proto field (uint64 for a callback handle)
  int callback = -1;   ///< a callback handle: index into ServicePlan::callback_classes
};

/// A struct of settings (docs/split.md, "Structs of settings"): public data
/// members that are values or pointers to polymorphic classes. The client
/// copies every field into the message, registering each pointed-to object
/// as a callback; the server default-constructs the struct, assigns every
/// field, and points each pointer at the stand-in that calls back. The
/// module then reads the caller's values, and its calls on the pointers
/// reach the caller's objects.
struct CarriedStructPlan {
  SymbolId symbol = kNoSymbol;
  std::string qualified;  ///< "leveldb::Options"
  std::string proto;      ///< message name ("Options")
  std::string origin;     ///< "include/leveldb/options.h:47"
  std::vector<CarriedFieldPlan> fields; ///< in declaration order (the field numbers)
};

struct SkippedPlan {
  SymbolId symbol = kNoSymbol;
  std::string name;   ///< qualified
  std::string kind;   ///< "function", "method", ...
  std::string where;  ///< "file:line"
  Skip why;
};

/// A site in another module that uses a generated rpc function.
struct RemoteSite {
  uint32_t ref = 0;   ///< index into Project::refs
  std::string where;  ///< "file:line:column"
  std::string caller; ///< enclosing symbol's qualified name, or ""
  std::string callee; ///< the C++ function
  std::string rpc;
  std::string kind;   ///< "call", "address" ...
  bool in_loop = false;
};

/// A type (or macro) of the module that other modules use: it stays in the
/// module's headers and callers keep using it locally.
struct SharedType {
  std::string name;
  std::string kind;  ///< "struct", "enum", "macro", ...
  std::string where;
  std::string proto; ///< its message or enum when it crosses the wire, else ""
};

/// `seam split MODULE --contract CLASS`: the service is the abstract class's
/// operations. The client is a proxy deriving from the class; the server holds
/// a reference to the real implementation and calls it.
struct ContractPlan {
  SymbolId symbol = kNoSymbol;
  std::string qualified;    ///< "shop::orders::OrderObserver"
  std::string ns;           ///< "shop::orders": the proxy is defined there
  std::string name;         ///< "OrderObserver"
  std::string client_class; ///< "OrderObserverClient"
  std::string header;       ///< include spelling of the class's header
  std::string declared_at;  ///< "src/orders/order_observer.h:9"
  std::vector<std::string> implementations; ///< classes deriving from it, qualified
  std::vector<std::string> caller_modules;  ///< modules calling its operations
  std::vector<UnservedOperation> unserved;  ///< skipped operations, in declaration order
};

struct ServicePlan {
  std::string module;     ///< as named in seam.json
  std::string base;       ///< safe_identifier(module): every file name starts with it
  std::string package;    ///< "notifications.v1"
  std::string cpp_package;///< "::notifications::v1"
  std::string service;    ///< "NotificationsService"
  std::string env_addr;   ///< "SEAM_NOTIFICATIONS_ADDR"
  std::vector<RpcPlan> rpcs;
  std::vector<MessagePlan> messages;
  std::vector<EnumPlan> enums;
  std::vector<WrapperPlan> wrappers;
  std::vector<SkippedPlan> skipped;
  std::vector<SharedType> shared_types;
  std::vector<RemoteSite> remote_sites; ///< loop sites first, then by site
  std::vector<std::string> headers;     ///< include spellings the generated C++ needs, sorted
  std::map<SymbolId, std::string> type_names; ///< record/enum -> proto name
  std::map<std::string, std::string> wrapper_names; ///< WireType::key -> wrapper message
  std::optional<ContractPlan> contract; ///< set by plan_contract()
  std::vector<RemoteClassPlan> remote_classes; ///< in order of first rpc
  /// Callbacks: the reverse service the client serves, its rpcs (methods of
  /// the callback classes, the object's callback handle in field 1).
  std::vector<CallbackClassPlan> callback_classes;
  std::vector<RpcPlan> callback_rpcs;
  std::vector<CarriedStructPlan> carried; ///< structs of settings, in order of first use
  std::string callbacks_service;  ///< "OrdersCallbacks"
  std::string env_callback_addr;  ///< "SEAM_ORDERS_CALLBACK_ADDR"

  /// Whether the generated code tracks sessions (remote objects or callbacks).
  bool has_objects() const { return !remote_classes.empty() || !callback_classes.empty(); }

  /// The proto type name of a singular WireType ("int32", "Notification", "Int32List").
  std::string proto_type(const WireType& t) const;
};

/// Builds the plan for `module` over its interface (module_interface()).
ServicePlan plan_service(const Project& project, ModuleId module,
                         const std::vector<InterfaceSymbol>& interface);

/// Builds the plan for `--contract`: one rpc per pure virtual method of the
/// port's class (in declaration order), served by `module`, an implementer.
/// The caller has checked that the port is one of `module`'s.
ServicePlan plan_contract(const Project& project, ModuleId module, const Port& port);

} // namespace seam::stubs
