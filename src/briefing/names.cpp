#include "briefing/spec.hpp"

namespace brief::briefing {

std::string_view kind_name(SectionKind kind) {
  switch (kind) {
  case SectionKind::passages: return "passages";
  case SectionKind::quotes: return "quotes";
  case SectionKind::summary: return "summary";
  case SectionKind::key_judgments: return "key_judgments";
  case SectionKind::recommendations: return "recommendations";
  case SectionKind::key_figures: return "key_figures";
  case SectionKind::bibliography: return "bibliography";
  }
  return "passages";
}

std::string_view format_name(OutputFormat format) {
  switch (format) {
  case OutputFormat::brief: return "brief";
  case OutputFormat::slides: return "slides";
  case OutputFormat::slides_handout: return "slides-handout";
  }
  return "brief";
}

const std::vector<SectionKind>& all_kinds() {
  static const std::vector<SectionKind> k_kinds{SectionKind::passages, SectionKind::quotes,
      SectionKind::summary, SectionKind::key_judgments, SectionKind::recommendations,
      SectionKind::key_figures, SectionKind::bibliography};
  return k_kinds;
}

} // namespace brief::briefing
