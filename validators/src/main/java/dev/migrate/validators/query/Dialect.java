package dev.migrate.validators.query;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The few places where engines differ: text casts and hash functions. Both hashes are computed inside
 * the engine, so only aggregates and differing keys cross the wire.
 */
public enum Dialect {
    DUCKDB {
        @Override
        public String text(String expr) {
            return "CAST(" + expr + " AS VARCHAR)";
        }

        /** XOR of 64-bit hashes: half the cost of a 128-bit sum; with count and nulls beside it, a fair fingerprint. */
        @Override
        public String columnHashSum(String expr) {
            return "CAST(bit_xor(hash(" + expr + ")) AS VARCHAR)";
        }

        @Override
        public String rowHash(List<String> exprs) {
            return exprs.isEmpty() ? "CAST(0 AS UBIGINT)" : "hash(" + String.join(", ", exprs) + ")";
        }
    },
    POSTGRES {
        @Override
        public String text(String expr) {
            return "(" + expr + ")::text";
        }

        @Override
        public String columnHashSum(String expr) {
            return "sum(" + md5Bigint("(" + expr + ")::text") + ")::text";
        }

        @Override
        public String rowHash(List<String> exprs) {
            if (exprs.isEmpty()) {
                return "0::bigint";
            }
            // chr(30) marks NULL and chr(31) separates fields, so (NULL,'a') and ('','a') hash differently.
            String joined = exprs.stream()
                    .map(e -> "coalesce((" + e + ")::text, chr(30))")
                    .collect(Collectors.joining(" || chr(31) || "));
            return md5Bigint(joined);
        }

        /** The first 60 bits of an MD5 as a bigint: sums of millions of them stay far from overflow in numeric. */
        private String md5Bigint(String textExpr) {
            return "('x' || substr(md5(" + textExpr + "), 1, 15))::bit(60)::bigint";
        }
    },

    /** Any other JDBC database: standard SQL only, so no hash aggregate and no row hash. */
    ANSI {
        @Override
        public String text(String expr) {
            return "CAST(" + expr + " AS VARCHAR(4000))";
        }

        @Override
        public String columnHashSum(String expr) {
            return "NULL";
        }

        @Override
        public String rowHash(List<String> exprs) {
            throw new UnsupportedOperationException("standard SQL has no row hash");
        }
    };

    public abstract String text(String expr);

    /** An order-independent hash aggregate of one column, as text (it may exceed 64 bits). */
    public abstract String columnHashSum(String expr);

    /** A per-row hash of the given expressions. */
    public abstract String rowHash(List<String> exprs);
}
