// The value a pipeline stage returns: its result, or the exit status the CLI
// ends with when the stage could not go on (its reason already went to the
// sink). Errors stay values until tool/ turns them into an exit status.
#pragma once

#include <optional>
#include <utility>

namespace seam::pipeline {

/// Exit statuses of the contract (docs: design.md, "exit status").
inline constexpr int kStatusError = 2;

template <class T>
class Outcome {
public:
  Outcome(T value) : value_(std::move(value)) {}
  /// A stop: `status` is kStatusError, or 128 + signal after an interrupt.
  static Outcome stopped(int status) {
    Outcome o;
    o.status_ = status;
    return o;
  }
  explicit operator bool() const { return value_.has_value(); }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  /// 0 with a value; else why the run stopped.
  int status() const { return status_; }

private:
  Outcome() = default;
  std::optional<T> value_;
  int status_ = 0;
};

} // namespace seam::pipeline
