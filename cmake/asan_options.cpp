// Linked into every executable of a SEAM_SANITIZE build (CMakeLists.txt).
//
// Debian's LLVM and Clang are built without AddressSanitizer, but their
// headers are not: compiled into a sanitized seam, the inline
// BumpPtrAllocator code poisons each new slab it starts (Allocator.h,
// "poison the whole slab") and unpoisons only what it hands out. When Clang's
// own, uninstrumented copy of that code later hands out the rest of the slab,
// it unpoisons nothing, and ASan reports Clang writing its own memory
// (use-after-poison in ASTReader::DecodeIdentifierInfo, after seam looked up
// an identifier through the inline IdentifierTable::get). Poisoning by hand
// is only ever done by those inlined headers here, so it is turned off;
// everything ASan checks by itself (heap, stack, globals) stays on.
// ASAN_OPTIONS still overrides this.
extern "C" const char* __asan_default_options() { return "allow_user_poisoning=0"; }
