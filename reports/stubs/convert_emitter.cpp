// MODULE_convert.h: to_proto/from_proto for every enum and record of the
// service, inline so client and server share them without another library.
#include "reports/stubs/conversion.h"
#include "reports/stubs/stub_files.h"

namespace seam::stubs {

std::string emit_convert_header(const ServicePlan& plan, const StubOrigin& origin) {
  const std::string pb = plan.cpp_package;        // ::notifications::v1
  const std::string ns = pb.substr(2) + "::convert";
  CodeWriter w;
  w.raw(generated_header(plan.base + "_convert.h",
                         "conversions between the module's C++ value types and the proto messages.", plan, origin));
  w.line("#pragma once");
  w.line("");
  w.line("#include \"" + plan.base + ".pb.h\"");
  w.line("");
  for (const std::string& h : plan.headers) w.line("#include \"" + h + "\"");
  if (!plan.headers.empty()) w.line("");
  w.line("#include <cstdint>");
  w.line("#include <string>");
  w.line("#include <utility>");
  w.line("");
  w.open_namespace(ns);
  w.line("");
  for (const EnumPlan& e : plan.enums) {
    w.line("// The proto enum numbers are the C++ values, so the conversion is a cast.");
    w.open("inline " + pb + "::" + e.proto + " to_proto(" + e.cpp + " in)");
    w.line("return static_cast<" + pb + "::" + e.proto + ">(in);");
    w.close();
    w.line("");
    w.open("inline " + e.cpp + " from_proto(" + pb + "::" + e.proto + " in)");
    w.line("return static_cast<" + e.cpp + ">(in);");
    w.close();
    w.line("");
  }
  if (!plan.messages.empty()) {
    w.line("// Declared first: records may contain each other.");
    for (const MessagePlan& m : plan.messages) {
      w.call("inline void to_proto", {"const " + m.cpp + "& in", pb + "::" + m.proto + "& out"}, ";");
      w.call("inline void from_proto", {"const " + pb + "::" + m.proto + "& in", m.cpp + "& out"}, ";");
    }
    w.line("");
  }
  Conversions conv(plan, "");
  for (const MessagePlan& m : plan.messages) {
    const bool named = !m.fields.empty();
    w.call("inline void to_proto", {"const " + m.cpp + (named ? "& in" : "&"), pb + "::" + m.proto + (named ? "& out" : "&")},
           "", true);
    w.begin_function({"in", "out"});
    for (size_t i = 0; i < m.fields.size(); ++i)
      conv.to_proto(w, m.getters.empty() ? "in." + m.fields[i].cpp_name : "in." + m.getters[i] + "()", m.fields[i],
                    "out.");
    w.close();
    w.line("");
    w.call("inline void from_proto",
           {"const " + pb + "::" + m.proto + (named ? "& in" : "&"), m.cpp + (named ? "& out" : "&")}, "", true);
    w.begin_function({"in", "out"});
    if (m.getters.empty()) {
      for (const ProtoField& f : m.fields) conv.from_proto(w, "in.", f, "out." + f.cpp_name);
    } else {
      // Private data: each field into a local, then the constructor taking them all.
      std::string args;
      for (const ProtoField& f : m.fields) {
        std::string local = w.fresh(f.name);
        w.line(f.type.cpp + " " + local + "{};");
        conv.from_proto(w, "in.", f, local, true);
        args += (args.empty() ? "" : ", ") + std::string("std::move(") + local + ")";
      }
      w.line("out = " + m.cpp + "(" + args + ");");
    }
    w.close();
    w.line("");
  }
  w.close_namespace(ns);
  return w.str();
}

} // namespace seam::stubs
