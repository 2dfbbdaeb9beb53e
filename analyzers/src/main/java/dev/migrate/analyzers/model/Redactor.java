package dev.migrate.analyzers.model;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches any report: credentials in URLs, values of variables whose
 * names say they hold a secret, and password options on command lines. Every output format goes through
 * here, so a secret cannot leak through one format and not another.
 */
public final class Redactor {
    public static final String MASK = "***";

    /** {@code scheme://user:password@host}: keep the user, hide the password. */
    private static final Pattern URL_CREDENTIALS =
            Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^/\\s:@'\"]*):([^@\\s/'\"]+)@");

    /**
     * {@code NAME=value} or {@code NAME: value} where NAME mentions a secret, NAME quoted too: a dict entry or a JSON
     * member ({@code {"DB_PASSWORD": "x"}}).
     */
    private static final Pattern SECRET_ASSIGNMENT = Pattern.compile(
            "(?i)\\b([A-Z0-9_.-]*(?:PASSWORD|PASSWD|PASS|PWD|_PW(?![A-Z])|TOKEN|SECRET|API_?KEY|KEY|CREDENTIALS?)[A-Z0-9_]*)"
                    + "([\"']?\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s\"';]+)");

    /**
     * What every name {@link #SECRET_ASSIGNMENT} accepts contains (PASSWD and PWD hold "pass" and "pwd"; DB_PW, the
     * short form crontabs use for a password, "_pw").
     */
    private static final List<String> SECRET_WORDS = List.of("pass", "pwd", "_pw", "token", "secret", "key",
            "credential");

    /**
     * Names with "key" in them that hold no secret: a bare {@code key} (Prefect's artifact and cache keys, a dict
     * lookup), and keys qualified by what they key ({@code idempotency_key}, {@code cache_key}, {@code result_storage_key},
     * {@code partition_key}), also after words of their own ({@code execution_idempotency_key}). {@code api_key},
     * {@code secret_key}, {@code access_key}, {@code private_key}, every other qualifier and any name with a
     * {@link #SECRET_QUALIFIER} in it stay secret names.
     */
    private static final Pattern PLAIN_KEY_NAME = Pattern.compile("(?:(?:[a-z0-9]+_)*(?:idempotency|cache|task|artifact"
            + "|result_storage|storage|sort|partition|dedup|dedupe|group|lookup|join|primary|foreign|row|unique|routing|shard"
            + "|lock|message|order|index)_?)?keys?");
    /** Words that make any key name a secret's, wherever they stand in it ({@code api_cache_key}, {@code aws_storage_key}). */
    private static final Pattern SECRET_QUALIFIER = Pattern.compile("(?:^|_)(?:api|secret|access|private|auth|encryption"
            + "|signing|master|license|ssh|gpg|pgp|aws|gcp|azure|client|service|account|session|crypt|hmac|jwt|webhook)(?:_|$)");
    /**
     * Settings about a key rather than holding one: its length or size ({@code PREFECT_ORION_TASK_CACHE_KEY_MAX_LENGTH},
     * {@code RSA_KEY_LENGTH}), whatever key it measures, since the value is a number; and a cache key's settings
     * ({@code REDIS_CACHE_KEY_PREFIX}), an environment variable whose {@code CACHE_KEY} a word of its own follows, unless it
     * also carries a {@link #SECRET_QUALIFIER}. A bare {@code cache_key} is left to {@link #ordinaryKey}.
     */
    private static final Pattern KEY_MEASURE = Pattern.compile("(?:^|_)KEYS?_(?:(?:MAX|MIN)_?)?(?:LENGTH|LEN|SIZE)$");
    private static final Pattern CACHE_KEY_SETTING = Pattern.compile("(?:^|_)CACHE_KEYS?_[A-Z0-9]");
    /** Upper-cased names that are secrets' ({@link #isSecretName}): compiled once, it is asked of every attribute name. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|PASSWD|TOKEN|SECRET|KEY|CREDENTIAL).*|.*_PW(_.*|\\d.*)?");
    /** The other words of {@link #isSecretName}, which make a name secret whatever its key is. */
    private static final Pattern SECRET_WORD_BUT_KEY = Pattern.compile("PASSWORD|PASSWD|TOKEN|SECRET|CREDENTIAL|_PW(?:_|\\d|$)");

    /** Names of keyword arguments that take a function computing a key ({@code cache_key_fn}, {@code key_fn}). */
    private static final Pattern KEY_FUNCTION_NAME = Pattern.compile("(?:[a-z]+_)*key_?(?:fn|func|function)");
    /**
     * An ordinary identifier: lower-case words of letters, or of digits, joined by {@code - _ . : /}, with
     * {@code {placeholders}} of a format string and short versions ({@code v2}, {@code s3}) among them. A word that
     * mixes letters and digits otherwise ({@code hunter2}, {@code a9f3k}), capitals, a word of more than 20 letters, more
     * than 64 characters, or the prefix of a payment API key ({@code sk_live_...}), may be a secret and is not one.
     */
    private static final String WORD = "(?:[a-z]{1,20}|[0-9]{1,8}|[a-z]{1,3}[0-9]{1,2})";
    private static final String PLACEHOLDER = "\\{[a-z_][a-z0-9_.\\[\\]]*}";
    private static final Pattern ORDINARY_IDENTIFIER = Pattern.compile("(?!(?:sk|rk|pk)[-_]|whsec_)(?=.{1,64}$)(?=.*[a-z])"
            + "(?:" + WORD + "|" + PLACEHOLDER + ")(?:[-_.:/](?:" + WORD + "|" + PLACEHOLDER + ")|" + PLACEHOLDER
            + "|(?<=})" + WORD + ")*");
    /**
     * A slug of three or more words, some of which end in a digit or two ({@code dhis2-chirps-rainfall-import}): a
     * name, not a password, though {@code hunter2} alone may be one.
     */
    private static final Pattern ORDINARY_SLUG = Pattern.compile(
            "(?=.{1,64}$)(?:[a-z]{1,20}[0-9]{0,2}|[0-9]{1,8})(?:[-_.](?:[a-z]{1,20}[0-9]{0,2}|[0-9]{1,8})){2,}");
    /** Words in a key's value that say it is a secret after all. */
    private static final Pattern SECRET_IN_VALUE = Pattern.compile("pass|pwd|secret|token|cred|private|signing|hmac|jwt");
    /** A Python name, dotted or not: the function a {@code *_key_fn} argument names. */
    private static final Pattern CODE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*");

    /** A template that names where the secret is kept: {@code {{ prefect.blocks.secret.x }}}, quoted or not. */
    private static final Pattern TEMPLATE = Pattern.compile("[\"']?\\{\\{");
    /** A YAML or Python null, written as the value of a secret-named key: nothing to hide. */
    private static final Pattern NO_VALUE = Pattern.compile("(?i)null|~|none|[\"']{2}");
    /** A quoted lower-case name ({@code 'invoice-export-sftp-password'}): possibly the name of a block, see below. */
    private static final Pattern QUOTED_SLUG = Pattern.compile("([\"'])[a-z0-9]+(?:[-_.][a-z0-9]+)+\\1");
    /** A quoted name in capitals ({@code "GITHUB_ACCESS_TOKEN"}): in source, the name of a secret, not its value. */
    private static final Pattern QUOTED_NAME = Pattern.compile("([\"'])[A-Z][A-Z0-9_]*\\1");

    /**
     * {@code --password=x}, {@code --password x}, {@code --token x}, {@code --key x}, and the same names after one word
     * ({@code --client-secret x}, {@code --api-key x}, {@code --http-password x}) unless that word makes it a switch
     * ({@code --no-password}, {@code --ask-pass}).
     */
    private static final Pattern SECRET_OPTION = Pattern.compile(
            "(?i)(--(?:(?!no-|ask-|use-|skip-|with-|without-|prompt-)[a-z0-9]+-)?(?:password|passwd|token|secret|key|apikey)"
                    + "(?:=|\\s+))(\"[^\"]*\"|'[^']*'|\\S+)");

    /**
     * A value that is a shell variable reference or a command substitution ({@code -p$MYSQL_PW}, {@code -p"${DB_PW}"},
     * {@code curl -u etl:$PW}, {@code -p$(cat /etc/db.pw)}): it names where the secret comes from at run time and is not
     * one, like {@code PASSWORD=$X} for {@link #SECRET_ASSIGNMENT}. Long options ({@code --token $X}) stay masked: scan
     * writes a CI template there as {@code $TEMPLATED}, which stands for a secret put in place.
     */
    private static final Pattern REFERENCE = Pattern.compile("\"?\\$(?:\\{?[A-Za-z_][A-Za-z0-9_]*\\}?\"?|\\(.*)|`.*");

    /** {@code mysql -pSECRET} style glued passwords. */
    private static final Pattern GLUED_PASSWORD = Pattern.compile("(\\b(?:mysql|mysqldump)\\b[^\\n]*?\\s-p)(\\S+)");

    /**
     * Short options that take a secret in the commands schedulers run: {@code curl -u user:PASSWORD} (and wget's, and
     * {@code --user}), {@code sshpass -p PASSWORD}, {@code redis-cli -a PASSWORD}, {@code prefect cloud login -k KEY},
     * and the Shadowsocks clients and servers' {@code -k PASSWORD} ({@code ss-local}, {@code ss-server}... of
     * shadowsocks-libev, {@code sslocal}, {@code ssserver}... of shadowsocks-rust). A short option means something else
     * to every other tool ({@code curl -k} is "insecure", {@code ssh-keygen -k} a key revocation list), so each is
     * matched only after its own command and before the next command of the line. The value may be quoted; a quoted
     * reference ({@code -k "$SS_PASSWORD"}) is not a secret.
     */
    private static final Pattern SHORT_SECRET_OPTION = Pattern.compile("(?i)(\\b(?:curl|wget)\\b[^\\n]*?\\s(?:-u\\s*|--user[=\\s]+)"
            + "[\"']?[^\\s:'\"]+:|\\bsshpass\\s+-p\\s*|\\bredis-cli\\b[^\\n]*?\\s-a\\s+|\\bprefect\\s+cloud\\s+login\\b[^\\n]*?\\s-k\\s+"
            + "|\\b(?:ss-(?:local|server|redir|tunnel|manager)|ss(?:local|server|redir|manager|service))\\b[^\\n;|&]*?\\s-k\\s*)"
            + "(\"[^\"$`]*\"|'[^']*'|[^\\s'\"]+)");

    /** {@code Authorization: Bearer X} (or Basic, Token, Digest): a header in a curl command, a config or a log line. */
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(?i)(\\bauthorization\\s*[:=]\\s*(?:(?:bearer|basic|token|digest)\\s+)?)([^\\s\"']+)");

    /**
     * Credentials whose own form says what they are, wherever they stand (a URL's user part, an argument, a bare value):
     * GitHub and GitLab tokens, Slack tokens, Prefect Cloud API keys, AWS access key ids.
     */
    private static final Pattern KNOWN_TOKEN = Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\\w{20,}"
            + "|glpat-[\\w-]{20,}|xox[abposr]-[\\w-]{10,}|pnu_[A-Za-z0-9]{20,}|AKIA[0-9A-Z]{16})\\b");

    /**
     * Mappings whose {@code key:}, {@code name:} and {@code property:} name where a secret is kept, never hold one:
     * Kubernetes' {@code secretKeyRef}/{@code configMapKeyRef} ({@code key:} is a key of the Secret) and the External
     * Secrets Operator's {@code remoteRef} (an entry of the outside store). A volume's {@code items} under
     * {@code secret:} or {@code configMap:} name keys the same way.
     */
    private static final java.util.Set<String> REFERENCE_MAPPINGS = java.util.Set.of("secretKeyRef", "configMapKeyRef",
            "remoteRef");
    private static final java.util.Set<String> REFERENCE_FIELDS = java.util.Set.of("key", "name", "property");
    /**
     * The External Secrets Operator's {@code secretKey}: the key of the Secret it writes, in an ExternalSecret's
     * {@code spec.data[]} (a ClusterExternalSecret's {@code spec.externalSecretSpec.data[]}) and a PushSecret's
     * {@code spec.data[].match}. Only there: the same word elsewhere (a MinIO chart's {@code secretKey:}, a Secret's
     * {@code data.secretKey}) holds the secret itself.
     */
    private static final List<List<String>> SECRET_KEY_PLACES = List.of(List.of("spec", "data"),
            List.of("externalSecretSpec", "data"), List.of("data", "match"));
    /** What a Secret's key ({@code [-._a-zA-Z0-9]+}) or a store's entry ({@code prod/prefect}, an ARN) may look like. */
    private static final Pattern REFERENCE_NAME = Pattern.compile("([\"']?)[-._a-zA-Z0-9/:]{1,253}\\1");
    /** A reference mapping written on one line: {@code secretKeyRef: {name: prefect, key: PREFECT_API_KEY}}. */
    private static final Pattern FLOW_REFERENCE = Pattern.compile("\\b(?:secretKeyRef|configMapKeyRef|remoteRef)[\"']?\\s*:\\s*\\{[^{}]*}");

    private Redactor() {
    }

    /** True when a variable of this name should never have its value shown. */
    public static boolean isSecretName(String name) {
        return name != null && SECRET_NAME.matcher(name.toUpperCase()).matches()
                && !keySettingName(name);
    }

    /**
     * Whether a name with "key" in it names a setting about a key, not a key ({@link #KEY_MEASURE},
     * {@link #CACHE_KEY_SETTING}); a name with any other secret word in it never does.
     */
    private static boolean keySettingName(String name) {
        String upper = name.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
        if (SECRET_WORD_BUT_KEY.matcher(upper).find()) {
            return false;
        }
        // the cache key's settings are environment variables, in capitals: a cache_key_fn= argument is code
        return KEY_MEASURE.matcher(upper).find() || name.equals(upper) && CACHE_KEY_SETTING.matcher(upper).find()
                && !SECRET_QUALIFIER.matcher(upper.toLowerCase(Locale.ROOT)).find();
    }

    public static String redact(String text) {
        return redact(text, value -> true);
    }

    /**
     * For text quoted from a user's files (a diff): credentials in URLs and secret options as {@link #redact} does,
     * but a secret-named assignment only where its value is a literal, never code. In code ({@code python}) that is
     * a quoted string ({@code password="x"}) other than a name in capitals ({@code secret="GITHUB_TOKEN"}, the name of
     * one); elsewhere also a bare word without brackets ({@code TOKEN: abc}).
     * So {@code token = PrefectSecret("API_KEY")} and {@code f(keyword_tasks={...})} stay as written.
     */
    public static String redactSource(String text, boolean code) {
        return redactSource(text, code, List.of());
    }

    /**
     * {@link #redactSource(String, boolean)} for a line of YAML whose mappings stand under {@code ancestors} (the
     * fields above it, nearest last, as {@link YamlAncestors} finds them): under a reference mapping
     * ({@code secretKeyRef:}), {@code key: PREFECT_API_KEY} names the key that holds the secret and is shown, and so
     * does an ExternalSecret's {@code - secretKey: PREFECT_API_KEY} under {@code spec: data:}; a value that does not
     * look like a key's name, and every form of a known token, stays masked.
     */
    public static String redactSource(String text, boolean code, List<String> ancestors) {
        return redact(text, value -> (value.startsWith("\"") || value.startsWith("'")) && !QUOTED_NAME.matcher(value).matches()
                || !code && value.chars().noneMatch(c -> c == '(' || c == '[' || c == '{'), referenceFields(ancestors));
    }

    /**
     * The fields that name where a secret is kept at a line under {@code ancestors}: {@link #REFERENCE_FIELDS} under a
     * reference mapping or a {@code secret}/{@code configMap} volume's items, {@code secretKey} at the External
     * Secrets Operator's places; none elsewhere.
     */
    private static java.util.Set<String> referenceFields(List<String> ancestors) {
        if (ancestors.isEmpty()) {
            return java.util.Set.of();
        }
        String parent = ancestors.get(ancestors.size() - 1);
        if (REFERENCE_MAPPINGS.contains(parent) || "items".equals(parent) && ancestors.size() > 1
                && java.util.Set.of("secret", "configMap").contains(ancestors.get(ancestors.size() - 2))) {
            return REFERENCE_FIELDS;
        }
        boolean secretKeyPlace = ancestors.size() > 1 && SECRET_KEY_PLACES.contains(ancestors.subList(ancestors.size() - 2,
                ancestors.size()));
        return secretKeyPlace ? java.util.Set.of("secretKey") : java.util.Set.of();
    }

    private static String redact(String text, java.util.function.Predicate<String> literal) {
        return redact(text, literal, java.util.Set.of());
    }

    /** {@code referenceFields}: the fields that, at this line, name a key or a store's entry ({@link #referenceFields}). */
    private static String redact(String text, java.util.function.Predicate<String> literal,
            java.util.Set<String> referenceFields) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // Every string of a report passes here (a large estate has tens of thousands): each pattern runs only on
        // text holding the literal characters it needs, which almost none do.
        String s = text;
        if (s.contains("://") && s.indexOf('@') >= 0) {
            s = URL_CREDENTIALS.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + ":" + MASK + "@"));
        }
        if (s.contains("--")) {
            // a value masked already is left as it is: in a note's "dropped `--token ***`: reason" the \\S+ would
            // take the closing quote and colon with it
            s = SECRET_OPTION.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
                    m.group(2).startsWith(MASK) ? m.group() : m.group(1) + MASK));
        }
        if (s.contains("mysql")) {
            s = GLUED_PASSWORD.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
                    REFERENCE.matcher(m.group(2)).matches() ? m.group() : m.group(1) + MASK));
        }
        if (s.contains(" -")) {
            s = SHORT_SECRET_OPTION.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
                    REFERENCE.matcher(m.group(2)).matches() ? m.group() : m.group(1) + MASK));
        }
        if (s.indexOf('_') >= 0 || s.indexOf('-') >= 0 || s.contains("AKIA")) {
            s = KNOWN_TOKEN.matcher(s).replaceAll(MASK);
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.contains("authorization")) {
            s = AUTHORIZATION.matcher(s).replaceAll(m -> m.group(2).equals(MASK) || m.group(2).startsWith("$")
                    ? Matcher.quoteReplacement(m.group()) : Matcher.quoteReplacement(m.group(1) + MASK));
        }
        if (!mayAssignSecret(s)) {
            return s;
        }
        List<int[]> flowReferences = new java.util.ArrayList<>();
        if (s.contains("Ref")) {
            Matcher f = FLOW_REFERENCE.matcher(s);
            while (f.find()) {
                flowReferences.add(new int[] {f.start(), f.end()});
            }
        }
        s = SECRET_ASSIGNMENT.matcher(s).replaceAll(m -> {
            String value = m.group(3);
            boolean inFlowReference = flowReferences.stream().anyMatch(r -> r[0] <= m.start() && m.end() <= r[1]);
            if ((referenceFields.contains(m.group(1)) || inFlowReference && REFERENCE_FIELDS.contains(m.group(1)))
                    && REFERENCE_NAME.matcher(syntaxFree(value)).matches()) {
                return Matcher.quoteReplacement(m.group()); // the name of the Secret's key that holds the secret
            }
            // A reference to a variable, a template or a secret store is not itself a secret, nor is no value
            // (`access_token: null` in a prefect.yaml pull step, `password = None`).
            // `cmd` is a command substitution, like $(cmd): it fetches the secret, it is not one
            boolean quotedKey = m.group(2).startsWith("\"") || m.group(2).startsWith("'");
            if (quotedKey && blockNameOf(m.group(1), value)) {
                return Matcher.quoteReplacement(m.group()); // a mapping from variables to the blocks that hold them
            }
            if (keySettingName(m.group(1)) && !SECRET_IN_VALUE.matcher(value.toLowerCase(Locale.ROOT)).find()) {
                return Matcher.quoteReplacement(m.group()); // PREFECT_ORION_TASK_CACHE_KEY_MAX_LENGTH=4000
            }
            if (ordinaryKey(m.group(1), value)) {
                return Matcher.quoteReplacement(m.group()); // key="session", idempotency_key="nightly-{date}"
            }
            if (value.startsWith("$") || value.startsWith("\"$") || value.startsWith("`") || value.replaceAll("^([\"'])(.*)\\1$", "$2").equals(MASK) || !literal.test(value)
                    || TEMPLATE.matcher(value).lookingAt() || NO_VALUE.matcher(value).matches()) {
                return Matcher.quoteReplacement(m.group());
            }
            return Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK + syntaxAfter(value));
        });
        return s;
    }

    /**
     * Whether {@code value} names the block that holds the secret {@code key}: a quoted lower-case name that spells the
     * key ({@code "SFTP_PASSWORD": 'invoice-export-sftp-password'}, as migrate's legacy recipe writes them). A value
     * that spells its own variable's name is not how passwords are chosen.
     */
    private static boolean blockNameOf(String key, String value) {
        if (!QUOTED_SLUG.matcher(value).matches()) {
            return false;
        }
        String name = value.substring(1, value.length() - 1).replace('_', '-').replace('.', '-');
        String spelled = key.toLowerCase(Locale.ROOT).replace('_', '-').replace('.', '-');
        return name.contains(spelled);
    }

    /**
     * Whether {@code name = value} is a key that is no secret: a name of {@link #PLAIN_KEY_NAME} (its last dotted part,
     * so {@code params.key} too) holding an {@link #ORDINARY_IDENTIFIER}, quoted or not, or an f-string
     * ({@code idempotency_key=f"..."}, read as its {@code f}); or a key function's name holding a Python name. Any
     * other value of those names, and every other name with "key" in it, stays masked.
     */
    private static boolean ordinaryKey(String name, String value) {
        String last = name.substring(Math.max(name.lastIndexOf('.'), 0)).replaceFirst("^\\.", "")
                .toLowerCase(Locale.ROOT).replace('-', '_');
        String bare = value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'")) ? value.substring(1, value.length() - 1) : value;
        if (KEY_FUNCTION_NAME.matcher(last).matches()) {
            return value.equals(bare) && CODE_NAME.matcher(syntaxFree(bare)).matches();
        }
        return PLAIN_KEY_NAME.matcher(last).matches() && !SECRET_QUALIFIER.matcher(last).find()
                && ordinary(value.equals(bare) ? syntaxFree(bare) : bare);
    }

    private static boolean ordinary(String value) {
        // a value that says it is a secret is one, however plain its shape (jwt.encode(p, key="mysecretpassword"))
        if (SECRET_IN_VALUE.matcher(value).find()) {
            return false;
        }
        return ORDINARY_IDENTIFIER.matcher(value).matches() || ORDINARY_SLUG.matcher(value).matches()
                && !value.matches("(?:sk|rk|pk)[-_].*|whsec_.*");
    }

    /** An unquoted value without the closing brackets and comma {@link #syntaxAfter} keeps visible. */
    private static String syntaxFree(String value) {
        return value.substring(0, value.length() - syntaxAfter(value).length());
    }

    /** Whether {@link #SECRET_ASSIGNMENT} can match: an assignment sign and a word its names contain. */
    private static boolean mayAssignSecret(String s) {
        if (s.indexOf('=') < 0 && s.indexOf(':') < 0) {
            return false;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The code punctuation an unquoted value swallowed: in {@code connect(password=abc)} the value
     * matched is {@code abc)}, but the {@code )} closes the call. Closing brackets that have no opening
     * partner inside the value, and a final comma, are syntax and stay visible after the mask; anything
     * else is treated as part of the secret.
     */
    static String syntaxAfter(String value) {
        if (value.startsWith("\"") || value.startsWith("'")) {
            return "";
        }
        int end = value.length();
        int depth = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth-- == 0) {
                end = i;
                break;
            }
        }
        if (end == value.length() && value.endsWith(",")) {
            end--;
        }
        // A value that is nothing but punctuation is not worth hiding differently.
        return end == 0 ? "" : value.substring(end);
    }

    /** The value to show for an environment variable: masked when its name says it is secret. */
    public static String redactValue(String name, String value) {
        return isSecretName(name) ? MASK : redact(value);
    }
}
