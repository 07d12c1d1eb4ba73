// MODULE.proto: the service first (what a reader looks for), then each rpc's
// request and response, then the enums and messages of the C++ value types,
// then the wrapper messages nested containers need.
#include "analyzers/stubs/names.h"
#include "reports/stubs/callback_emitter.h"
#include "reports/stubs/code_writer.h"
#include "reports/stubs/stub_files.h"

#include <set>

namespace seam::stubs {
namespace {

std::string field_line(const ServicePlan& plan, const ProtoField& f, bool presence = false) {
  const WireType& t = f.type;
  std::string type;
  switch (t.kind) {
  case WireKind::List: type = "repeated " + plan.proto_type(t.args[0]); break;
  case WireKind::Map: type = "map<" + plan.proto_type(t.args[0]) + ", " + plan.proto_type(t.args[1]) + ">"; break;
  case WireKind::Optional:
    // Messages have presence already; scalars need proto3 `optional`.
    type = (t.args[0].kind == WireKind::Message ? "" : "optional ") + plan.proto_type(t.args[0]);
    break;
  default:
    type = ((t.c_string || (presence && t.kind != WireKind::Message)) ? "optional " : "") + plan.proto_type(t);
    break;
  }
  return type + " " + f.name + " = " + std::to_string(f.number) + ";";
}

void message(CodeWriter& w, const ServicePlan& plan, const std::string& name, const std::vector<ProtoField>& fields,
             const std::set<std::string>& presence = {}) {
  if (fields.empty()) {
    w.line("message " + name + " {}");
    return;
  }
  w.open("message " + name);
  for (const ProtoField& f : fields) w.line(field_line(plan, f, presence.count(f.name) != 0));
  w.close();
}

} // namespace

std::string emit_proto(const ServicePlan& plan, const StubOrigin& origin) {
  CodeWriter w;
  w.raw(generated_header(plan.base + ".proto", "the '" + plan.module + "' module as a gRPC service.", plan, origin));
  w.line("");
  w.line("syntax = \"proto3\";");
  w.line("");
  w.line("package " + plan.package + ";");
  w.line("");
  if (plan.contract)
    w.line("// One rpc per pure virtual method of " + plan.contract->qualified + ". Field numbers follow the");
  else
    w.line("// One rpc per function of the module's interface. Field numbers follow the");
  w.line("// declaration order of parameters and members.");
  if (plan.rpcs.empty()) {
    w.line("service " + plan.service + " {}");
  } else {
    w.open("service " + plan.service);
    for (size_t i = 0; i < plan.rpcs.size(); ++i) {
      const RpcPlan& r = plan.rpcs[i];
      if (i) w.line("");
      if (r.implicit)
        w.line("// creates a " + r.qualified.substr(0, r.qualified.rfind("::")) + " (" + r.declared_at +
               ") on first use: the class declares no constructor");
      else
        w.line("// " + r.qualified + " (" + r.declared_at + ")" +
               (r.inherited_from.empty() ? "" : ", inherited by " + plan.remote_classes.at(static_cast<size_t>(r.remote)).qualified));
      w.line("rpc " + r.rpc + "(" + r.request + ") returns (" + r.response + ");");
    }
    w.close();
  }
  WireType handle;
  handle.scalar = "uint64";
  for (const RpcPlan& r : plan.rpcs) {
    w.line("");
    std::vector<ProtoField> params;
    // The object a method or destructor works on: its handle in the service's registry.
    if (r.role == RpcRole::Method || r.role == RpcRole::Destructor) params.push_back(ProtoField{"handle", 1, handle, ""});
    std::set<std::string> presence; // in-out pointers: unset is nullptr
    for (const ParamPlan& p : r.params) {
      if (p.count) continue; // the array's size
      params.push_back(p.field);
      if (p.out) presence.insert(p.field.name);
    }
    message(w, plan, r.request, params, presence);
    w.line("");
    std::vector<ProtoField> result;
    if (r.role == RpcRole::Constructor) result.push_back(ProtoField{"handle", 1, handle, ""});
    if (r.result) result.push_back(*r.result);
    for (const ParamPlan& p : r.params)
      if (p.out) result.push_back(p.out_field);
    message(w, plan, r.response, result);
  }
  emit_callbacks_proto(w, plan);
  for (const EnumPlan& e : plan.enums) {
    w.line("");
    w.line("// " + e.cpp.substr(2) + " (" + e.origin + "); the numbers are the C++ values.");
    w.open("enum " + e.proto);
    if (e.allow_alias) w.line("option allow_alias = true;");
    for (const EnumValuePlan& v : e.values) w.line(v.proto + " = " + std::to_string(v.number) + ";");
    w.close();
  }
  for (const MessagePlan& m : plan.messages) {
    w.line("");
    w.line("// " + m.cpp.substr(2) + " (" + m.origin + ")");
    message(w, plan, m.proto, m.fields);
  }
  for (const CarriedStructPlan& c : plan.carried) {
    w.line("");
    w.line("// " + c.qualified + " (" + c.origin + "), carried by value: a pointer to a polymorphic");
    w.line("// class is a callback handle (0 for nullptr) the service calls back through.");
    std::vector<ProtoField> fields;
    for (const CarriedFieldPlan& f : c.fields) fields.push_back(f.field);
    message(w, plan, c.proto, fields);
  }
  for (const WrapperPlan& wp : plan.wrappers) {
    w.line("");
    w.line("// Holds one nested container: proto has no repeated-of-repeated.");
    message(w, plan, wp.proto, {wp.field});
  }
  return w.str();
}

} // namespace seam::stubs
