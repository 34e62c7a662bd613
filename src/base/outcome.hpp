#pragma once
// Outcome<T>: a stage's result together with its diagnostics. A value may be present alongside
// warnings; errors mean the value must not be used (it is usually absent).

#include "base/diagnostic.hpp"

#include <optional>
#include <utility>

namespace brief {

template <typename T>
class Outcome {
public:
  Outcome() = default;
  Outcome(T value) : m_value(std::move(value)) {}  // NOLINT: implicit by design
  Outcome(Diagnostics diagnostics) : m_diagnostics(std::move(diagnostics)) {}  // NOLINT
  Outcome(T value, Diagnostics diagnostics)
      : m_value(std::move(value)), m_diagnostics(std::move(diagnostics)) {}
  Outcome(std::optional<T> value, Diagnostics diagnostics)
      : m_value(std::move(value)), m_diagnostics(std::move(diagnostics)) {}

  // True when there is a value and no error.
  bool ok() const { return m_value.has_value() && !m_diagnostics.has_errors(); }
  explicit operator bool() const { return ok(); }

  T& value() { return *m_value; }
  const T& value() const { return *m_value; }
  T& operator*() { return *m_value; }
  const T& operator*() const { return *m_value; }
  T* operator->() { return &*m_value; }
  const T* operator->() const { return &*m_value; }
  std::optional<T>& optional() { return m_value; }

  Diagnostics& diagnostics() { return m_diagnostics; }
  const Diagnostics& diagnostics() const { return m_diagnostics; }

private:
  std::optional<T> m_value;
  Diagnostics m_diagnostics;
};

} // namespace brief
