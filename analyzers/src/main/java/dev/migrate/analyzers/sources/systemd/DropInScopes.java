package dev.migrate.analyzers.sources.systemd;

import java.util.ArrayList;
import java.util.List;

/**
 * The names whose {@code .d} directories systemd searches for a unit's drop-ins, most specific first (systemd.unit(5),
 * "drop-in" directories): the unit's own name, its template's for an instance, each dash prefix of the name from the
 * longest ({@code foo-bar-.service}, then {@code foo-.service} for {@code foo-bar-baz.service}), and last the type-wide
 * directory ({@code service.d}, {@code timer.d}) that configures every unit of the type. Of files of one name, systemd
 * keeps the one found first: the directories of the load path in precedence order, these names in this order in each,
 * and the type-wide ones after all others, "the most generic, overridden by more specific drop-ins" (src/shared/dropin.c).
 */
final class DropInScopes {
    private DropInScopes() {
    }

    /** The type-wide name of a unit name's type ({@code service} for {@code etl.service}), or null without a suffix. */
    static String typeWide(String unitName) {
        int dot = unitName.lastIndexOf('.');
        return dot < 0 ? null : unitName.substring(dot + 1);
    }

    /** Whether a drop-in directory's unit name is shared by several units: a type ({@code service}) or a dash prefix. */
    static boolean shared(String dirUnitName) {
        int dot = dirUnitName.lastIndexOf('.');
        return dot < 0 || dirUnitName.substring(0, dot).endsWith("-");
    }

    /**
     * The names searched for {@code unitName}, most specific first, the type-wide name last: {@code etl-load.service}
     * gives etl-load.service, etl-.service, service; {@code sync-db@nightly.service} gives sync-db@nightly.service,
     * sync-db@.service, sync-.service, service. Dashes after an instance's {@code @} make no prefix here (no real host
     * names a directory after part of an instance).
     */
    static List<String> of(String unitName) {
        List<String> out = new ArrayList<>();
        int dot = unitName.lastIndexOf('.');
        if (dot <= 0) {
            return List.of(unitName);
        }
        String suffix = unitName.substring(dot);
        out.add(unitName);
        String template = TemplateInstances.templateOf(unitName);
        if (template != null) {
            out.add(template);
        }
        String base = unitName.substring(0, dot);
        int at = base.indexOf('@');
        String prefixPart = at < 0 ? base : base.substring(0, at);
        // the last dash of a name that is itself a prefix (foo-.service) makes no shorter name of itself
        int from = prefixPart.endsWith("-") && at < 0 ? prefixPart.length() - 2 : prefixPart.length() - 1;
        for (int dash = prefixPart.lastIndexOf('-', from); dash > 0; dash = prefixPart.lastIndexOf('-', dash - 1)) {
            out.add(prefixPart.substring(0, dash + 1) + suffix);
        }
        out.add(suffix.substring(1));
        return out;
    }
}
