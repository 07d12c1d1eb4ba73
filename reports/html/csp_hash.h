// The Content-Security-Policy hash of an inline script ("sha256-<base64>"),
// so the report's policy can allow exactly its own script and nothing else:
// an injected onerror= or <script> would not run even if escaping failed.
#pragma once

#include <string>
#include <string_view>

namespace seam::html {

/// SHA-256 of `data` as 32 raw bytes (FIPS 180-4).
std::string sha256(std::string_view data);
/// Standard base64 with padding.
std::string base64(std::string_view bytes);
/// "'sha256-...'" for a script-src directive.
std::string csp_script_hash(std::string_view script);

} // namespace seam::html
