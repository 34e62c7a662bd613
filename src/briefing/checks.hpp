#pragma once
// Checks of single spec values (ids, names, dates). Each returns what is wrong as a message and a
// hint, or nothing when the value is fine, so the caller decides where the error points.

#include <optional>
#include <string>
#include <string_view>

namespace brief::briefing {

struct Problem {
  std::string message;
  std::string hint;
};

// A spec id: [a-z0-9][a-z0-9._-]*, at most 100 characters, no "..". It becomes a file name.
std::optional<Problem> check_spec_id(std::string_view id);

// A template name: [a-z0-9][a-z0-9_-]*, at most 64 characters. Never a path.
std::optional<Problem> check_template_name(std::string_view name);

enum class DatePrecision { day, any };

// `key` names the field for messages. `day`: YYYY-MM-DD only; `any`: YYYY, YYYY-MM or YYYY-MM-DD.
// The date must exist in the Gregorian calendar (2026-02-29 does not).
std::optional<Problem> check_date(std::string_view text, std::string_view key, DatePrecision precision);

// A passage id `doc#p7` or sentence id `doc#p7.s2`: a document id without spaces or `#`, then
// paragraph and sentence numbers without leading zeros.
std::optional<Problem> check_passage_id(std::string_view id);

} // namespace brief::briefing
