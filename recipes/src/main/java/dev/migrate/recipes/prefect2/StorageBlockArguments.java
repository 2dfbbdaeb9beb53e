package dev.migrate.recipes.prefect2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrate.recipes.python.PrefectBlocks;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.StringLiterals;
import dev.migrate.rewriters.python.tree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the arguments of a 2.x storage block's constructor ({@code S3(bucket_path="b/dir", aws_access_key_id=k)}) map
 * onto a Prefect 3 class's (prefect-2-blocks.yaml): fields renamed, the "bucket/folder" literal split in two, and
 * secrets gathered into a credentials block passed as one argument. Shared by the deployment conversion (the block
 * as from_source's source) and the scripts that build blocks to save them.
 *
 * @param renamed     the 2.x arguments that keep their value under a new keyword, in the call's order
 * @param bucketPath  the {@code bucket_path} argument, or null
 * @param bucketParts what it splits into ({@code bucket_name="b"}, {@code bucket_folder="dir"})
 * @param secrets     the arguments that move into the credentials block
 * @param credentials the credentials block argument ({@code credentials=AwsCredentials(...)}), or null
 */
record StorageBlockArguments(List<Renamed> renamed, Argument bucketPath, List<String> bucketParts,
                             List<Argument> secrets, String credentials) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One 2.x argument and the keyword it has in Prefect 3. */
    record Renamed(Argument argument, String keyword) {
    }

    /** The mapping, or why there is none: a positional or unpacked argument, or a field without a home. */
    record Mapping(Optional<StorageBlockArguments> arguments, String problem) {
    }

    /**
     * Maps every argument of {@code call} for {@code storage}; {@code quote} is the file's quote character. A field
     * listed as needing a person ({@code credentials}) or known nowhere, a positional argument and a computed
     * {@code bucket_path} leave no mapping.
     */
    static Mapping of(CallView call, PrefectBlocks.Storage storage, char quote) {
        List<Renamed> renamed = new ArrayList<>();
        Argument bucketPath = null;
        List<String> bucketParts = List.of();
        List<Argument> secrets = new ArrayList<>();
        List<String> secretArguments = new ArrayList<>();
        for (Argument a : call.arguments()) {
            String k = a.keyword();
            if (k == null) {
                return none("it takes its fields by keyword only (" + a.node().text().strip() + ")");
            }
            if (storage.credentials().contains(k)) {
                return none("its " + k + " has no place in " + storage.sourceClass());
            }
            if (storage.arguments().containsKey(k)) {
                renamed.add(new Renamed(a, storage.arguments().get(k)));
            } else if (k.equals("bucket_path") && !storage.bucketPath().isEmpty()) {
                Optional<List<String>> split = bucketPath(a.value(), storage.bucketPath(), quote);
                if (split.isEmpty()) {
                    return none("its bucket_path is not a plain \"bucket/folder\" literal");
                }
                bucketPath = a;
                bucketParts = split.get();
            } else if (storage.credentialsBlock() != null && storage.credentialsBlock().fields().containsKey(k)) {
                String target = storage.credentialsBlock().fields().get(k);
                if (storage.credentialsBlock().jsonObjects().contains(target) && !jsonObjectOrComputed(a.value())) {
                    return none("its " + k + " is a string that is not a JSON object, which "
                            + simpleName(storage.credentialsBlock().className()) + " rejects (it decodes " + target
                            + " with json.loads: \"Unable to decode " + target + "\"); give the service account "
                            + "key's JSON text or a dict");
                }
                secrets.add(a);
                secretArguments.add(storage.credentialsBlock().fields().get(k) + "=" + a.value().text().strip());
            } else {
                return none("its field " + k + " has no place in " + storage.sourceClass());
            }
        }
        String credentials = null;
        if (!secrets.isEmpty()) {
            String cls = storage.credentialsBlock().className();
            credentials = storage.credentialsBlock().argument() + "=" + simpleName(cls) + "("
                    + String.join(", ", secretArguments) + ")";
        }
        return new Mapping(Optional.of(new StorageBlockArguments(List.copyOf(renamed), bucketPath, bucketParts,
                List.copyOf(secrets), credentials)), null);
    }

    /**
     * Whether a value can be what a JSON-object field takes: a string literal must hold a JSON object; anything else
     * (a name, a call reading the key file, a dict) is only known when the script runs.
     */
    static boolean jsonObjectOrComputed(Node value) {
        Optional<String> text = StringLiterals.value(value);
        if (text.isEmpty()) {
            return true;
        }
        try {
            return JSON.readTree(text.get()) instanceof ObjectNode;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static Mapping none(String problem) {
        return new Mapping(Optional.empty(), problem);
    }

    /** The new call's arguments on one line, in the old call's order, the credentials block last. */
    List<String> texts(CallView call) {
        List<String> out = new ArrayList<>();
        for (Argument a : call.arguments()) {
            if (bucketPath != null && a.node() == bucketPath.node()) {
                out.addAll(bucketParts);
            }
            for (Renamed r : renamed) {
                if (r.argument().node() == a.node()) {
                    out.add(r.keyword() + "=" + a.value().text().strip());
                }
            }
        }
        if (credentials != null) {
            out.add(credentials);
        }
        return out;
    }

    /** {@code prefect_aws.S3Bucket} is {@code S3Bucket}. */
    static String simpleName(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    /** A 2.x {@code bucket_path="bucket/folder"} literal as the two Prefect 3 arguments; empty if not a plain literal. */
    static Optional<List<String>> bucketPath(Node value, List<String> names, char quote) {
        Optional<String> text = StringLiterals.value(value);
        if (text.isEmpty() || text.get().isEmpty() || text.get().indexOf('\\') >= 0 || text.get().indexOf('"') >= 0
                || text.get().indexOf('\'') >= 0) {
            return Optional.empty();
        }
        String path = text.get();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.isEmpty()) {
            return Optional.empty();
        }
        int slash = path.indexOf('/');
        List<String> out = new ArrayList<>();
        out.add(names.get(0) + "=" + quote + (slash < 0 ? path : path.substring(0, slash)) + quote);
        if (slash >= 0 && slash + 1 < path.length()) {
            out.add(names.get(1) + "=" + quote + path.substring(slash + 1) + quote);
        }
        return Optional.of(out);
    }
}
