// bench/summarize DIR [--param NAME=VALUE ...] [--show N]
//
// Runs the brief's summarizer (generic mode, no query) on every article of DIR (articles/NNN.txt:
// title line, blank line, paragraphs) with as many sentences as its reference summary
// (summaries/NNN.txt: article sentences joined without spaces) and prints ROUGE-1, ROUGE-2 and
// ROUGE-Lsum F1 (lowercase tokens split on [^a-z0-9]+, no stemming; Lsum: one sentence per line,
// union LCS per reference sentence) and sentence-level F1, macro-averaged over articles. The last
// line is `sentence-F1 <x> rouge-1 <x> rouge-2 <x> rouge-Lsum <x>`.

#include "analyze/similarity.hpp"
#include "analyze/summarize.hpp"
#include "analyze/terms.hpp"
#include "corpus/corpus.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace brief;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Article body sentences: the title line is skipped; paragraphs (blank-line separated) are split
// with the corpus sentence splitter, so the bench sees the sentences the brief would.
std::vector<std::string> article_sentences(const std::string& article) {
  std::vector<std::string> out;
  size_t body = article.find('\n');
  if (body == std::string::npos) return out;
  std::string_view text(article);
  text.remove_prefix(body + 1);
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view paragraph = text.substr(start, end - start);
    for (const corpus::ByteRange& range : corpus::split_sentences(paragraph)) {
      std::string sentence(paragraph.substr(range.begin, range.end - range.begin));
      std::replace(sentence.begin(), sentence.end(), '\n', ' ');
      if (!sentence.empty()) out.push_back(std::move(sentence));
    }
    start = end + 2;
  }
  return out;
}

std::vector<std::string> tokens(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  for (char c : text) {
    char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
      current.push_back(lower);
    } else if (!current.empty()) {
      out.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

double f1(double overlap, double system_total, double reference_total) {
  if (overlap <= 0 || system_total <= 0 || reference_total <= 0) return 0;
  double p = overlap / system_total;
  double r = overlap / reference_total;
  return 2 * p * r / (p + r);
}

double rouge_n(const std::vector<std::string>& system, const std::vector<std::string>& reference, size_t n) {
  auto grams = [n](const std::vector<std::string>& t) {
    std::map<std::string, int> counts;
    for (size_t i = 0; i + n <= t.size(); ++i) {
      std::string key;
      for (size_t j = 0; j < n; ++j) key += t[i + j] + ' ';
      ++counts[key];
    }
    return counts;
  };
  auto s = grams(system);
  auto r = grams(reference);
  double overlap = 0, s_total = 0, r_total = 0;
  for (auto& [k, c] : s) s_total += c;
  for (auto& [k, c] : r) {
    r_total += c;
    auto found = s.find(k);
    if (found != s.end()) overlap += std::min(c, found->second);
  }
  return f1(overlap, s_total, r_total);
}

// Positions of `a` on one longest common subsequence with `b`.
std::vector<size_t> lcs_positions(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> table(n + 1, std::vector<int>(m + 1, 0));
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      table[i][j] = a[i - 1] == b[j - 1] ? table[i - 1][j - 1] + 1
                                         : std::max(table[i - 1][j], table[i][j - 1]);
    }
  }
  std::vector<size_t> out;
  size_t i = n, j = m;
  while (i > 0 && j > 0) {
    if (a[i - 1] == b[j - 1]) {
      out.push_back(i - 1);
      --i;
      --j;
    } else if (table[i - 1][j] >= table[i][j - 1]) {
      --i;
    } else {
      --j;
    }
  }
  std::reverse(out.begin(), out.end());
  return out;
}

// ROUGE-Lsum as rouge-score computes it: for each reference sentence, the union of its LCS
// tokens with every system sentence, hits clipped by the remaining token counts.
double rouge_lsum(const std::vector<std::vector<std::string>>& system,
    const std::vector<std::vector<std::string>>& reference) {
  std::map<std::string, int> system_counts, reference_counts;
  double s_total = 0, r_total = 0;
  for (const auto& sentence : system) {
    for (const auto& t : sentence) ++system_counts[t];
    s_total += static_cast<double>(sentence.size());
  }
  for (const auto& sentence : reference) {
    for (const auto& t : sentence) ++reference_counts[t];
    r_total += static_cast<double>(sentence.size());
  }
  double hits = 0;
  for (const auto& ref : reference) {
    std::set<size_t> union_positions;
    for (const auto& sys : system) {
      for (size_t p : lcs_positions(ref, sys)) union_positions.insert(p);
    }
    for (size_t p : union_positions) {
      const std::string& t = ref[p];
      if (system_counts[t] > 0 && reference_counts[t] > 0) {
        hits += 1;
        --system_counts[t];
        --reference_counts[t];
      }
    }
  }
  return f1(hits, s_total, r_total);
}

struct Scores {
  double sentence_f1 = 0, rouge1 = 0, rouge2 = 0, rouge_lsum = 0;
};

} // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench/summarize DIR [--param NAME=VALUE ...] [--show N]\n";
    return 2;
  }
  fs::path dir = argv[1];
  analyze::SummaryParams params;
  int show = 0;
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--show" && i + 1 < argc) {
      show = std::stoi(argv[++i]);
    } else if (arg == "--param" && i + 1 < argc) {
      std::string setting = argv[++i];
      size_t eq = setting.find('=');
      if (eq == std::string::npos) {
        std::cerr << "summarize: error: expected NAME=VALUE, got '" << setting << "'\n";
        return 2;
      }
      std::string name = setting.substr(0, eq);
      double value = std::stod(setting.substr(eq + 1));
      if (name == "damping") params.damping = value;
      else if (name == "edge_threshold") params.edge_threshold = value;
      else if (name == "length_exponent") params.length_exponent = value;
      else if (name == "position_weight") params.position_weight = value;
      else if (name == "centroid_weight") params.centroid_weight = value;
      else if (name == "mmr_lambda") params.mmr_lambda = value;
      else if (name == "redundancy") params.redundancy = value;
      else if (name == "min_words") params.limits.min_words = static_cast<int>(value);
      else if (name == "max_words") params.limits.max_words = static_cast<int>(value);
      else {
        std::cerr << "summarize: error: unknown parameter '" << name << "'\n";
        return 2;
      }
    } else {
      std::cerr << "summarize: error: unknown argument '" << arg << "'\n";
      return 2;
    }
  }
  fs::path articles = dir / "articles";
  fs::path summaries = dir / "summaries";
  if (!fs::is_directory(articles) || !fs::is_directory(summaries)) {
    std::cerr << "summarize: error: " << dir.string() << " has no articles/ and summaries/ folders\n";
    return 2;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(articles)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());

  analyze::TermMaker terms;
  // IDF from the whole collection, as the brief takes it from its corpus.
  analyze::TermStatistics background;
  for (const fs::path& file : files) {
    std::string article = read_file(file);
    size_t body = article.find('\n');
    background.add_document(terms.terms(body == std::string::npos ? article : article.substr(body + 1)));
  }
  Scores total;
  int counted = 0, skipped = 0, sentence_total = 0;
  for (const fs::path& file : files) {
    fs::path summary_path = summaries / file.filename();
    if (!fs::exists(summary_path)) {
      ++skipped;
      continue;
    }
    std::vector<std::string> sentences = article_sentences(read_file(file));
    std::string summary = read_file(summary_path);
    std::vector<bool> in_reference(sentences.size(), false);
    int k = 0;
    for (size_t i = 0; i < sentences.size(); ++i) {
      if (summary.find(sentences[i]) != std::string::npos) {
        in_reference[i] = true;
        ++k;
      }
    }
    if (k == 0) {
      ++skipped;
      continue;
    }
    analyze::SummaryRequest request;
    request.sentence_budget = k;
    request.order = analyze::SummaryOrder::source;
    request.params = params;
    request.background = &background;
    for (size_t i = 0; i < sentences.size(); ++i) {
      analyze::SummaryInput input;
      input.text = sentences[i];
      input.position = static_cast<uint32_t>(i);
      request.sentences.push_back(std::move(input));
    }
    analyze::SummaryResult result = analyze::summarize(request, terms);

    std::vector<std::vector<std::string>> system_sentences, reference_sentences;
    std::vector<std::string> system_tokens, reference_tokens;
    int overlap = 0;
    for (size_t i : result.chosen) {
      overlap += in_reference[i] ? 1 : 0;
      system_sentences.push_back(tokens(sentences[i]));
      system_tokens.insert(system_tokens.end(), system_sentences.back().begin(), system_sentences.back().end());
    }
    for (size_t i = 0; i < sentences.size(); ++i) {
      if (!in_reference[i]) continue;
      reference_sentences.push_back(tokens(sentences[i]));
      reference_tokens.insert(reference_tokens.end(), reference_sentences.back().begin(),
          reference_sentences.back().end());
    }
    Scores scores;
    scores.sentence_f1 = f1(overlap, static_cast<double>(result.chosen.size()), k);
    scores.rouge1 = rouge_n(system_tokens, reference_tokens, 1);
    scores.rouge2 = rouge_n(system_tokens, reference_tokens, 2);
    scores.rouge_lsum = rouge_lsum(system_sentences, reference_sentences);
    total.sentence_f1 += scores.sentence_f1;
    total.rouge1 += scores.rouge1;
    total.rouge2 += scores.rouge2;
    total.rouge_lsum += scores.rouge_lsum;
    ++counted;
    sentence_total += static_cast<int>(sentences.size());
    if (counted <= show) {
      fmt::print("{} sentences {} k {} sentence-F1 {:.3f}\n", file.filename().string(), sentences.size(),
          k, scores.sentence_f1);
      for (size_t i = 0; i < sentences.size(); ++i) {
        bool chosen = std::find(result.chosen.begin(), result.chosen.end(), i) != result.chosen.end();
        fmt::print("  {}{} {:6.3f} {}\n", in_reference[i] ? 'R' : '.', chosen ? 'S' : '.',
            result.salience[i], sentences[i]);
      }
    }
  }
  if (counted == 0) {
    std::cerr << "summarize: error: no article in " << dir.string() << " has a usable reference\n";
    return 1;
  }
  double n = counted;
  fmt::print("articles {} (skipped {}), sentences {}\n", counted, skipped, sentence_total);
  fmt::print("ROUGE-1 F1     {:.3f}\n", total.rouge1 / n);
  fmt::print("ROUGE-2 F1     {:.3f}\n", total.rouge2 / n);
  fmt::print("ROUGE-Lsum F1  {:.3f}\n", total.rouge_lsum / n);
  fmt::print("sentence F1    {:.3f}\n", total.sentence_f1 / n);
  fmt::print("sentence-F1 {:.3f} rouge-1 {:.3f} rouge-2 {:.3f} rouge-Lsum {:.3f}\n", total.sentence_f1 / n,
      total.rouge1 / n, total.rouge2 / n, total.rouge_lsum / n);
  return 0;
}
