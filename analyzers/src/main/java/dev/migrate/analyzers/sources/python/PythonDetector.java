package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.ScanFile;

/**
 * A detector of Python sources: {@code .py} files whose bytes contain one of the keywords (or whose path the
 * prefilter names) are parsed (once, see {@link PythonModule#parse}) and, when they import {@code requiredImport},
 * handed over as a syntax tree.
 */
abstract class PythonDetector implements Detector {
    private final String name;
    private final String requiredImport;
    private final Prefilter prefilter;

    /** @param requiredImport a module the file must import (through any alias), or null for none */
    PythonDetector(String name, String requiredImport, String... keywords) {
        this(name, requiredImport, Prefilter.keywords(keywords));
    }

    /** @param requiredImport a module the file must import (through any alias), or null for none */
    PythonDetector(String name, String requiredImport, Prefilter prefilter) {
        this.name = name;
        this.requiredImport = requiredImport;
        this.prefilter = prefilter;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Prefilter prefilter() {
        return prefilter;
    }

    @Override
    public boolean accepts(ScanFile file) {
        return file.path().endsWith(".py");
    }

    @Override
    public final void detect(ScanFile file, InventorySink sink) {
        PythonModule m = PythonModule.parse(file);
        if (requiredImport == null || m.imports().uses(requiredImport)) {
            detect(m, sink);
        }
    }

    abstract void detect(PythonModule m, InventorySink sink);
}
