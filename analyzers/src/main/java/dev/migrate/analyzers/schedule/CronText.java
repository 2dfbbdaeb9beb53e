package dev.migrate.analyzers.schedule;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Writes a set of values as a compact cron field: {@code *}, {@code *}{@code /15}, {@code 1-5}, {@code 0,30}. */
public final class CronText {
    private CronText() {
    }

    static String field(BitSet values, int min, int max) {
        if (values.cardinality() == max - min + 1) {
            return "*";
        }
        List<Integer> v = values.stream().boxed().toList();
        if (v.size() >= 3) {
            int step = v.get(1) - v.get(0);
            boolean progression = true;
            for (int i = 2; i < v.size() && progression; i++) {
                progression = v.get(i) - v.get(i - 1) == step;
            }
            if (progression && step > 1 && v.get(v.size() - 1) + step > max) {
                return (v.get(0) == min ? "*" : v.get(0) + "-" + max) + "/" + step;
            }
        }
        return ranges(v);
    }

    /** Sorted values as a cron list with runs of three or more as ranges: 8,9,10,11 -> 8-11; 0,30 stays. */
    public static String ranges(List<Integer> v) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < v.size()) {
            int j = i;
            while (j + 1 < v.size() && v.get(j + 1) == v.get(j) + 1) {
                j++;
            }
            if (j - i >= 2) {
                parts.add(v.get(i) + "-" + v.get(j));
            } else {
                for (int k = i; k <= j; k++) {
                    parts.add(String.valueOf(v.get(k)));
                }
            }
            i = j + 1;
        }
        return String.join(",", parts);
    }
}
