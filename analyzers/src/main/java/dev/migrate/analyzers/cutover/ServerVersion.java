package dev.migrate.analyzers.cutover;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.scan.Inventory;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Prefect 2 a server runs before the upgrade, as the scan found it: its image's tag, its version attribute, or (a
 * server with neither, run from a virtualenv) the dependency pin that keeps the estate on 2.x. Rolling back reinstalls
 * exactly this; the pause step picks the commands this version's CLI has.
 */
record ServerVersion(String version, String image, String pin) {
    private static final Pattern TAG = Pattern.compile(":(2(?:\\.\\d+)+)");
    private static final Pattern PIN = Pattern.compile("^dependency pin (\\S+==(2(?:\\.\\d+)+)) keeps Prefect 2");

    static ServerVersion of(Inventory inv, Job server) {
        String image = server.attributes().get("image");
        if (image != null) {
            Matcher m = TAG.matcher(image);
            return new ServerVersion(m.find() ? m.group(1) : server.attributes().get("prefectVersion"), image, null);
        }
        String version = server.attributes().get("prefectVersion");
        if (version != null) {
            return new ServerVersion(version, null, null);
        }
        Optional<Matcher> pin = inv.findings().stream().filter(f -> f.code().equals("PF208"))
                .map(f -> PIN.matcher(f.message())).filter(Matcher::find).findFirst();
        return pin.map(m -> new ServerVersion(m.group(2), null, m.group(1))).orElse(new ServerVersion(null, null, null));
    }

    /** The requirement that reinstalls this version with pip: the estate's own pin, else prefect==VERSION. */
    String requirement() {
        return pin != null ? pin : version != null ? "prefect==" + version : "prefect==2.X.Y";
    }

    /** How the plan names the version: "2.14.9", or "2.x" when the scan found none. */
    String label() {
        return version != null ? version : "2.x";
    }
}
