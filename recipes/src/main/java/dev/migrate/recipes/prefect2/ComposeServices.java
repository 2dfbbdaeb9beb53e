package dev.migrate.recipes.prefect2;

import java.util.ArrayList;
import java.util.List;
import org.openrewrite.yaml.tree.Yaml;

/** The services a compose file defines, in order: the {@code services:} mapping of each of its documents. */
final class ComposeServices {
    /** One service: its name and its mapping as the file is now. */
    record Service(String name, Yaml.Mapping body) {
    }

    private ComposeServices() {
    }

    /** Services written as mappings; one written otherwise (an alias, a scalar) is nothing a recipe can read. */
    static List<Service> of(Yaml.Documents docs) {
        List<Service> out = new ArrayList<>();
        for (Yaml.Document doc : docs.getDocuments()) {
            if (!(doc.getBlock() instanceof Yaml.Mapping top)) {
                continue;
            }
            for (Yaml.Mapping.Entry section : top.getEntries()) {
                if (!"services".equals(section.getKey().getValue()) || !(section.getValue() instanceof Yaml.Mapping services)) {
                    continue;
                }
                for (Yaml.Mapping.Entry service : services.getEntries()) {
                    if (service.getValue() instanceof Yaml.Mapping body) {
                        out.add(new Service(service.getKey().getValue(), body));
                    }
                }
            }
        }
        return out;
    }
}
