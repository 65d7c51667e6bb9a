package org.mcalign.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * patsy's rules for ordering terms and choosing full-rank or reduced-rank (treatment) coding
 * for every categorical factor of every term (patsy build.py {@code _make_subterm_infos} and
 * redundancy.py {@code pick_contrasts_for_term}), so that the design has patsy's columns.
 *
 * <p>Terms are bucketed by the set of numeric factors they contain (the bucket without numeric
 * factors first, then buckets in order of first appearance); within a bucket terms are sorted
 * by degree (stable). Each term is expanded into the subterms of its categorical factors
 * (all subsets, short before long), those already produced by earlier terms of the bucket are
 * dropped, and the rest are greedily merged: a subterm absorbs a one-factor-shorter subterm it
 * contains, turning that factor into full-rank coding.
 */
final class PatsyCoding {
  private PatsyCoding() {}

  /** One factor of a subterm: coded full rank ({@code full}) or with treatment contrasts. */
  record Coded(String factor, boolean full) {}

  /** A term in its final position with its subterms (each a factor → full-rank map). */
  record CodedTerm(Formula.Term term, List<Map<String, Boolean>> subterms) {}

  static List<CodedTerm> order(List<Formula.Term> terms, Set<String> numeric) {
    LinkedHashMap<Set<String>, List<Formula.Term>> buckets = new LinkedHashMap<>();
    for (Formula.Term t : terms) {
      Set<String> nums = new LinkedHashSet<>();
      for (String f : t.factors()) if (numeric.contains(f)) nums.add(f);
      buckets.computeIfAbsent(Set.copyOf(nums), k -> new ArrayList<>()).add(t);
    }
    List<Set<String>> bucketOrder = new ArrayList<>(buckets.keySet());
    if (bucketOrder.remove(Set.of())) bucketOrder.add(0, Set.of());
    List<CodedTerm> out = new ArrayList<>();
    for (Set<String> bucket : bucketOrder) {
      List<Formula.Term> bt = new ArrayList<>(buckets.get(bucket));
      bt.sort((a, b) -> Integer.compare(a.factors().size(), b.factors().size())); // stable
      Set<Set<Coded>> used = new java.util.HashSet<>();
      for (Formula.Term t : bt) out.add(new CodedTerm(t, pickContrasts(t, numeric, used)));
    }
    return out;
  }

  private static List<Map<String, Boolean>> pickContrasts(Formula.Term term, Set<String> numeric, Set<Set<Coded>> used) {
    List<String> cat = new ArrayList<>();
    for (String f : term.factors()) if (!numeric.contains(f)) cat.add(f);
    List<Set<Coded>> subterms = new ArrayList<>();
    for (List<String> subset : subsetsSorted(cat)) {
      Set<Coded> st = new LinkedHashSet<>();
      for (String f : subset) st.add(new Coded(f, false));
      Set<Coded> key = Set.copyOf(st);
      if (!used.contains(key)) subterms.add(key);
    }
    used.addAll(subterms);
    while (simplifyOnce(subterms)) {}
    List<Map<String, Boolean>> codings = new ArrayList<>();
    for (Set<Coded> st : subterms) {
      Map<String, Boolean> m = new LinkedHashMap<>();
      for (Coded c : st) m.put(c.factor(), c.full());
      codings.add(m);
    }
    return codings;
  }

  /** All subsets, shortest first, ties by the original positions (patsy's _subsets_sorted). */
  static List<List<String>> subsetsSorted(List<String> factors) {
    int n = factors.size();
    List<int[]> subsets = new ArrayList<>();
    for (int mask = 0; mask < (1 << n); mask++) {
      int[] idx = new int[Integer.bitCount(mask)];
      for (int i = 0, k = 0; i < n; i++) if ((mask & (1 << i)) != 0) idx[k++] = i;
      subsets.add(idx);
    }
    subsets.sort((a, b) -> {
      if (a.length != b.length) return Integer.compare(a.length, b.length);
      for (int i = 0; i < a.length; i++) if (a[i] != b[i]) return Integer.compare(a[i], b[i]);
      return 0;
    });
    List<List<String>> out = new ArrayList<>();
    for (int[] s : subsets) {
      List<String> l = new ArrayList<>();
      for (int i : s) l.add(factors.get(i));
      out.add(l);
    }
    return out;
  }

  private static boolean simplifyOnce(List<Set<Coded>> subterms) {
    for (int s = 0; s < subterms.size(); s++) {
      Set<Coded> shorter = subterms.get(s);
      for (int l = s + 1; l < subterms.size(); l++) {
        Set<Coded> longer = subterms.get(l);
        if (longer.size() - shorter.size() == 1 && longer.containsAll(shorter)) {
          Set<Coded> diff = new LinkedHashSet<>(longer);
          diff.removeAll(shorter);
          Coded extra = diff.iterator().next();
          Set<Coded> merged = new LinkedHashSet<>(shorter);
          merged.add(new Coded(extra.factor(), true));
          subterms.set(l, Set.copyOf(merged));
          subterms.remove(s);
          return true;
        }
      }
    }
    return false;
  }
}
