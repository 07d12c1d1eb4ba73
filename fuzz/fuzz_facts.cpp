// Fuzzes the fact-file readers (cache records, file shards, `scan --shard`
// bundles): files other machines and other runs wrote, so any bytes in, a
// clean rejection or facts out, never a crash. Every document ends with a
// checksum that random bytes almost never match; an odd first byte asks the
// harness to re-seal the rest with a valid checksum, so the fuzzer reaches
// the decoders behind it. What decodes re-encodes to a stable document.
#include "analyzers/cache/codec.h"

#include <cstdint>
#include <string>

namespace {

template <typename T, typename Decode, typename Encode>
void check(std::string_view doc, Decode decode, Encode encode) {
  T value;
  std::string error;
  if (!decode(doc, value, error)) return;
  const std::string once = encode(value);
  T again;
  if (!decode(once, again, error)) __builtin_trap();
  if (encode(again) != once) __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string doc(reinterpret_cast<const char*>(data) + 1, size - 1);
  if ((data[0] & 1) && doc.size() >= 8) {
    const uint64_t sum = seam::fast_hash(std::string_view(doc).substr(0, doc.size() - 8));
    for (int i = 0; i < 8; ++i) doc[doc.size() - 8 + i] = static_cast<char>((sum >> (8 * i)) & 0xff);
  }
  check<seam::TuRecord>(doc, seam::decode_record, [](const seam::TuRecord& r) { return seam::encode_record(r); });
  check<seam::FileFacts>(doc, seam::decode_file_facts, [](const seam::FileFacts& s) { return seam::encode_file_facts(s); });
  check<seam::Bundle>(doc, seam::decode_bundle, [](const seam::Bundle& b) { return seam::encode_bundle(b); });
  return 0;
}
