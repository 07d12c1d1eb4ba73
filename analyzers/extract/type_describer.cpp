#include "analyzers/extract/type_describer.h"

#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/QualTypeNames.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Index/USRGeneration.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/StringSwitch.h>

namespace seam {

using namespace clang;

TypeDescriber::TypeDescriber(ASTContext& ctx, RecordsSeen* records)
    : ctx_(ctx), policy_(ctx.getPrintingPolicy()), records_(records) {
  policy_.SuppressScope = false;
  policy_.FullyQualifiedName = true;
  policy_.SuppressUnwrittenScope = true;
  policy_.SuppressInlineNamespace = true;
  policy_.SuppressTagKeyword = true;
  policy_.Bool = true;
}

namespace {

/// Whether `t` names a member of a class template (`Box<T>::Value`, where the
/// template is not instantiated). Clang's fully qualified spelling of such a
/// name picks the template's first specialisation as its scope
/// (`Box<long>::Value`), and which that is depends on the order the TU made
/// them: on what it parsed before, and on whether it loaded a precompiled
/// prefix. The same declaration got two signatures.
class NamesTemplateMember : public RecursiveASTVisitor<NamesTemplateMember> {
public:
  bool found = false;

  bool VisitTypedefType(TypedefType* t) { return see(t->getDecl()); }
  bool VisitTagType(TagType* t) { return see(t->getDecl()); }
  bool VisitTemplateSpecializationType(TemplateSpecializationType* t) {
    return see(t->getTemplateName().getAsTemplateDecl());
  }

private:
  bool see(const Decl* d) {
    if (!d) return true;
    for (const DeclContext* dc = d->getDeclContext(); dc && !found; dc = dc->getParent())
      if (const auto* r = dyn_cast<CXXRecordDecl>(dc)) found = r->getDescribedClassTemplate() != nullptr;
    return !found;
  }
};

} // namespace

std::string TypeDescriber::spell(QualType t) {
  if (t.isNull()) return "";
  NamesTemplateMember finder;
  finder.TraverseType(t);
  // Spelled as written (`Value`): no specialisation is picked.
  if (finder.found) return t.getAsString(policy_);
  return TypeName::getFullyQualifiedName(t, ctx_, policy_, /*WithGlobalNsPrefix=*/false);
}

namespace {

TypeShape std_shape(llvm::StringRef name) {
  return llvm::StringSwitch<TypeShape>(name)
      .Cases("basic_string", "basic_string_view", TypeShape::String)
      .Cases("vector", "list", "deque", "array", "forward_list", TypeShape::Sequence)
      .Cases("set", "unordered_set", "multiset", "unordered_multiset", TypeShape::Set)
      .Cases("map", "unordered_map", "multimap", "unordered_multimap", TypeShape::Map)
      .Case("optional", TypeShape::Optional)
      .Cases("pair", "tuple", TypeShape::Pair)
      .Cases("unique_ptr", "shared_ptr", "weak_ptr", TypeShape::SmartPointer)
      .Cases("function", "move_only_function", TypeShape::Function)
      .Default(TypeShape::Other);
}

size_t shape_arity(TypeShape s) {
  switch (s) {
  case TypeShape::Sequence:
  case TypeShape::Set:
  case TypeShape::Optional:
  case TypeShape::SmartPointer:
    return 1;
  case TypeShape::Map:
    return 2;
  case TypeShape::Pair:
    return 16;
  default:
    return 0;
  }
}

std::string record_key(const TypeInfo& info) { return info.spelling + '\n' + info.decl_usr; }

std::string usr_of(const Decl* d) {
  llvm::SmallString<128> usr;
  if (index::generateUSRForDecl(d, usr)) return "";
  return usr.str().str();
}

} // namespace

TypeInfo TypeDescriber::describe(QualType t, int depth) {
  TypeInfo info;
  if (t.isNull()) return info;
  info.spelling = spell(t);
  info.is_const = t.isConstQualified();
  if (depth > 8) return info;
  if (t->isDependentType() && !t->getAs<TemplateSpecializationType>()) {
    info.shape = TypeShape::TemplateParam;
  }
  QualType c = t.getCanonicalType();
  info.is_const = info.is_const || c.isConstQualified();

  if (const auto* b = c->getAs<BuiltinType>()) {
    if (b->isVoidType())
      info.shape = TypeShape::Void;
    else if (b->isBooleanType())
      info.shape = TypeShape::Bool;
    else if (b->getKind() == BuiltinType::Char_S || b->getKind() == BuiltinType::Char_U)
      info.shape = TypeShape::Char;
    else if (b->isInteger()) {
      info.shape = TypeShape::Int;
      info.is_signed = b->isSignedInteger();
      info.bits = static_cast<uint8_t>(ctx_.getTypeSize(c));
    } else if (b->isFloatingPoint()) {
      info.shape = TypeShape::Float;
      info.bits = ctx_.getTypeSize(c) > 32 ? 64 : 32;
    } else if (b->isDependentType()) {
      info.shape = TypeShape::TemplateParam;
    }
    return info;
  }
  if (const auto* e = c->getAs<EnumType>()) {
    info.shape = TypeShape::Enum;
    info.decl_usr = usr_of(e->getDecl()->getCanonicalDecl());
    return info;
  }
  if (c->isFunctionPointerType() || c->isFunctionType() || c->isMemberFunctionPointerType()) {
    info.shape = TypeShape::Function;
    return info;
  }
  if (const auto* p = c->getAs<PointerType>()) {
    info.shape = TypeShape::Pointer;
    QualType pointee = t->getPointeeType();
    info.args.push_back(describe(pointee.isNull() ? p->getPointeeType() : pointee, depth + 1));
    return info;
  }
  if (const auto* r = c->getAs<ReferenceType>()) {
    info.shape = TypeShape::Reference;
    QualType referee = t.getNonReferenceType();
    info.args.push_back(describe(referee.isNull() ? r->getPointeeType() : referee, depth + 1));
    info.is_const = info.args.back().is_const;
    return info;
  }
  if (c->isTemplateTypeParmType() || c->isDependentType()) {
    info.shape = TypeShape::TemplateParam;
    if (const auto* ts = t->getAs<TemplateSpecializationType>()) {
      if (const TemplateDecl* td = ts->getTemplateName().getAsTemplateDecl()) {
        if (td->isInStdNamespace()) info.shape = std_shape(td->getName());
        if (info.shape == TypeShape::Other) info.shape = TypeShape::TemplateParam;
        size_t n = shape_arity(info.shape);
        for (const TemplateArgument& a : ts->template_arguments()) {
          if (info.args.size() >= n) break;
          if (a.getKind() == TemplateArgument::Type) info.args.push_back(describe(a.getAsType(), depth + 1));
        }
      }
    }
    return info;
  }
  if (const auto* rec = c->getAsCXXRecordDecl()) {
    if (rec->isInStdNamespace()) {
      info.shape = std_shape(rec->getName());
      if (info.shape == TypeShape::Other && rec->getName().contains("iterator"))
        info.shape = TypeShape::Iterator;
      if (const auto* spec = dyn_cast<ClassTemplateSpecializationDecl>(rec)) {
        size_t n = shape_arity(info.shape);
        const TemplateArgumentList& args = spec->getTemplateArgs();
        // Prefer the arguments as written (keeps typedef sugar such as std::string).
        llvm::ArrayRef<TemplateArgument> written;
        if (const auto* ts = t->getAs<TemplateSpecializationType>()) written = ts->template_arguments();
        for (unsigned i = 0; i < args.size() && info.args.size() < n; ++i) {
          const TemplateArgument& a = i < written.size() ? written[i] : args[i];
          if (a.getKind() == TemplateArgument::Type) info.args.push_back(describe(a.getAsType(), depth + 1));
          else if (a.getKind() == TemplateArgument::Pack)
            for (const TemplateArgument& pa : a.pack_elements())
              if (pa.getKind() == TemplateArgument::Type && info.args.size() < n)
                info.args.push_back(describe(pa.getAsType(), depth + 1));
        }
      }
      return info;
    }
    info.shape = TypeShape::Record;
    const CXXRecordDecl* decl = rec;
    if (const auto* spec = dyn_cast<ClassTemplateSpecializationDecl>(rec)) {
      info.is_template = true;
      decl = spec->getSpecializedTemplate()->getTemplatedDecl();
    }
    info.decl_usr = usr_of(decl->getCanonicalDecl());
    if (rec->hasDefinition()) info.polymorphic = rec->getDefinition()->isPolymorphic();
    if (records_) records_->emplace(record_key(info), rec);
    return info;
  }
  if (const auto* rt = c->getAs<RecordType>()) {
    info.shape = TypeShape::Record;
    info.decl_usr = usr_of(rt->getDecl()->getCanonicalDecl());
    return info;
  }
  return info;
}

void TypeDescriber::settle(TypeInfo& info, const RecordsSeen& records) {
  if (info.shape == TypeShape::Record) {
    auto it = records.find(record_key(info));
    if (it != records.end() && it->second->hasDefinition())
      info.polymorphic = it->second->getDefinition()->isPolymorphic();
  }
  for (TypeInfo& a : info.args) settle(a, records);
}

} // namespace seam
