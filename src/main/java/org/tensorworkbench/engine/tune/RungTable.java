package org.tensorworkbench.engine.tune;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who was stopped when in successive halving and Hyperband: one row per bracket and rung, with
 * the trials that were promoted to the next rung and those stopped there.
 */
public final class RungTable {
  private RungTable() {}

  /**
   * @param promoted trials of this rung trained again in the next one
   * @param stopped trials of this rung not promoted although the next rung has started
   */
  public record Row(int bracket, int rung, int epochs, List<Integer> trials, List<Integer> promoted, List<Integer> stopped) {}

  public static List<Row> of(List<TrialRecord> trials) {
    Set<Integer> parents = new HashSet<>();
    Set<String> rungsStarted = new HashSet<>();
    TreeMap<String, List<TrialRecord>> byRung = new TreeMap<>();
    for (TrialRecord t : trials) {
      TrialRequest r = t.request();
      parents.add(r.parent());
      rungsStarted.add(r.bracket() + "/" + r.rung());
      byRung.computeIfAbsent(String.format("%06d/%06d", r.bracket(), r.rung()), k -> new ArrayList<>()).add(t);
    }
    List<Row> rows = new ArrayList<>();
    for (List<TrialRecord> rung : byRung.values()) {
      TrialRequest first = rung.get(0).request();
      boolean nextStarted = rungsStarted.contains(first.bracket() + "/" + (first.rung() + 1));
      List<Integer> all = rung.stream().map(TrialRecord::index).toList();
      List<Integer> promoted = all.stream().filter(parents::contains).toList();
      List<Integer> stopped = nextStarted ? all.stream().filter(i -> !parents.contains(i)).toList() : List.of();
      rows.add(new Row(first.bracket(), first.rung(), first.epochs(), all, promoted, stopped));
    }
    return rows;
  }

  /** The trials stopped at their rung (not promoted while the next rung of their bracket ran). */
  public static Set<Integer> stopped(List<TrialRecord> trials) {
    Set<Integer> result = new HashSet<>();
    of(trials).forEach(r -> result.addAll(r.stopped()));
    return result;
  }
}
