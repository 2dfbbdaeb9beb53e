package dev.migrate.analyzers.sources.systemd;

import dev.migrate.analyzers.model.Redactor;
import dev.migrate.rewriters.systemd.EnvironmentWords;
import dev.migrate.rewriters.systemd.ExecCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a {@code .service} unit says about the job it runs: command, user, directory, environment, restart policy. */
record ServiceFacts(String command, String user, String workingDir, Map<String, String> env, Map<String, String> attributes,
                    List<String> dependencies) {

    static ServiceFacts of(UnitSource service) {
        return of(service, null);
    }

    /**
     * @param owner a user unit's owner by the dump's etc/passwd, whose {@code %u %U %h %s} its ExecStart= and
     *              WorkingDirectory= get ({@link UserUnitSpecifiers}), or null
     */
    static ServiceFacts of(UnitSource service, Passwd.Entry owner) {
        List<String> exec = service.shownValues("Service", "ExecStart").stream()
                .map(v -> UserUnitSpecifiers.expand(ExecCommand.parse(v).command(), owner)).toList();
        String command = exec.isEmpty() ? null : Redactor.redact(String.join(" && ", exec));
        Map<String, String> env = new LinkedHashMap<>();
        for (String value : service.values("Service", "Environment")) {
            EnvironmentWords.parse(value).forEach((k, v) -> env.put(k, Redactor.redactValue(k, v)));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("service", service.where().toString());
        put(attributes, "Restart", service.value("Service", "Restart"));
        put(attributes, "Type", service.value("Service", "Type"));
        List<String> envFiles = service.values("Service", "EnvironmentFile");
        if (!envFiles.isEmpty()) {
            attributes.put("EnvironmentFile", String.join(" ", envFiles));
        }
        put(attributes, "TimeoutStartSec", service.value("Service", "TimeoutStartSec"));
        if (!service.dropIns().isEmpty()) {
            attributes.put("service.dropIns", String.join(" ", service.dropIns().stream().map(UnitSource.DropIn::shown).toList()));
        }
        List<String> deps = new java.util.ArrayList<>(service.unitList("Unit", "After"));
        deps.addAll(service.unitList("Unit", "Requires"));
        return new ServiceFacts(command, service.value("Service", "User"),
                UserUnitSpecifiers.expand(service.value("Service", "WorkingDirectory"), owner),
                env, attributes, deps);
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
