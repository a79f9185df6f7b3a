package io.orderlift.ruleset.evaluator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Reads and writes rule-set files: compact JSON, validated against the JSON Schema that ships in
 * {@code resources/ruleset.schema.json}, with a content hash that proves the file is whole.
 */
public final class RuleSetJson {

    /** Where the schema is on the class path. */
    public static final String SCHEMA_RESOURCE = "/orderlift/ruleset.schema.json";
    private static final ObjectMapper MAPPER = JavaScriptJson.configure(new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // strict JSON, as a storefront's JSON.parse reads it: nothing after the document, no key twice
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));
    /**
     * How files published before hash: numbers as Java writes them ({@code 548.0}, {@code 1.0E-7}) until
     * 2026-12-04, then as JavaScript does; control characters in upper-case hex (<code>&#92;u001F</code>) until
     * later that day (session 26). Tried only when the hash of the current form does not match.
     */
    private static final List<ObjectMapper> EARLIER_FORMS = List.of(new ObjectMapper(),
            new ObjectMapper().registerModule(JavaScriptJson.numbers()));
    /** The content hash field as the rule set is written before it is hashed. */
    private static final String EMPTY_HASH_FIELD = "\"contentHash\":\"\"";
    private static final JsonSchema SCHEMA = loadSchema();

    private RuleSetJson() {
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = RuleSetJson.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The rule-set schema is missing from the class path: " + SCHEMA_RESOURCE);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the rule-set schema", e);
        }
    }

    /** The file's bytes: compact JSON, fields in a fixed order, numbers as JavaScript writes them. */
    public static byte[] toBytes(RuleSet ruleSet) {
        return bytesOf(ruleSet);
    }

    /** A part of a rule set (a slice, its header) written as {@link #toBytes} writes the whole. */
    public static byte[] bytesOf(Object part) {
        return write(MAPPER, part);
    }

    private static byte[] write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the rule set", e);
        }
    }

    /**
     * {@code sha256:} + the hex SHA-256 of the rule set written with an empty content hash. Written with
     * its numbers as JavaScript writes them, so a copy whose numbers a tool re-wrote ({@code 548.0} as
     * {@code 548}, {@code 1e-7} as {@code 1e-07}) hashes the same in every evaluator.
     */
    public static String contentHash(RuleSet ruleSet) {
        return sha256(bytesOf(ruleSet.withContentHash("")));
    }

    /** A rule set with its content hash set, and the file's bytes. */
    public record Sealed(RuleSet ruleSet, byte[] bytes) {
    }

    /**
     * {@code ruleSet} with its content hash set, and its bytes, written once: the hash is over the bytes
     * with an empty hash, into which the hash is then put. The empty {@code "contentHash":""} cannot
     * occur earlier in the text (a string's quotes are escaped), so the first one is the field.
     */
    public static Sealed seal(RuleSet ruleSet) {
        byte[] unhashed = bytesOf(ruleSet.withContentHash(""));
        String hash = sha256(unhashed);
        byte[] marker = EMPTY_HASH_FIELD.getBytes(StandardCharsets.UTF_8);
        int at = indexOf(unhashed, marker);
        if (at < 0) {
            throw new IllegalStateException("The rule set was written without its contentHash field");
        }
        byte[] value = hash.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[unhashed.length + value.length];
        int head = at + marker.length - 1; // up to the field's closing quote
        System.arraycopy(unhashed, 0, bytes, 0, head);
        System.arraycopy(value, 0, bytes, head, value.length);
        System.arraycopy(unhashed, head, bytes, head + value.length, unhashed.length - head);
        return new Sealed(ruleSet.withContentHash(hash), bytes);
    }

    private static int indexOf(byte[] text, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= text.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (text[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Whether {@code hash} is the rule set's hash as a file published in an earlier form computed it. */
    private static boolean hashedInAnEarlierForm(RuleSet ruleSet, String hash) {
        RuleSet unhashed = ruleSet.withContentHash("");
        return EARLIER_FORMS.stream().anyMatch(mapper -> sha256(write(mapper, unhashed)).equals(hash));
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Problems of {@code json} against the schema, at most 10, as readable lines; empty when valid. */
    public static List<String> schemaProblems(JsonNode json) {
        Set<ValidationMessage> messages = SCHEMA.validate(json);
        return messages.stream().map(ValidationMessage::getMessage).sorted().limit(10).collect(Collectors.toList());
    }

    /**
     * Reads and checks a rule-set file: valid JSON, valid against the schema, a matching content
     * hash, and every SKU it mentions among its products.
     *
     * @throws RuleSetException with the reason when any check fails
     */
    public static RuleSet read(Path file) {
        return read(bytesOf(file), file.getFileName().toString());
    }

    /**
     * The bytes of the rule set file {@code file}, for {@link #read(byte[], String)} where the caller
     * also keeps them (to serve exactly what was checked).
     *
     * @throws RuleSetException when the file does not exist or cannot be read
     */
    public static byte[] bytesOf(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new RuleSetException("The rule set " + file + " does not exist");
        } catch (IOException e) {
            throw new RuleSetException("Cannot read the rule set " + file + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #read(Path)}, from bytes; {@code name} appears in messages. */
    public static RuleSet read(byte[] bytes, String name) {
        JsonNode json;
        try {
            json = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new RuleSetException(name + " is not valid JSON (truncated?): "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (json == null || !json.isObject()) {
            throw new RuleSetException(name + " is not a JSON object");
        }
        List<String> problems = schemaProblems(json);
        if (!problems.isEmpty()) {
            throw new RuleSetException(name + " does not match the rule-set schema: " + String.join("; ", problems));
        }
        RuleSet ruleSet;
        try {
            ruleSet = MAPPER.treeToValue(json, RuleSet.class);
        } catch (JsonProcessingException e) {
            throw new RuleSetException(name + " cannot be read as a rule set: " + e.getOriginalMessage(), e);
        }
        String expected = contentHash(ruleSet);
        if (!expected.equals(ruleSet.contentHash()) && !hashedInAnEarlierForm(ruleSet, ruleSet.contentHash())) {
            throw new RuleSetException(name + " has content hash " + ruleSet.contentHash() + " but its content hashes to "
                    + expected + ": the file was changed or damaged after publishing");
        }
        checkReferences(ruleSet, name);
        return ruleSet;
    }

    private static void checkReferences(RuleSet ruleSet, String name) {
        Set<String> skus = new HashSet<>();
        for (RuleSet.Product p : ruleSet.products()) {
            if (!skus.add(p.sku())) {
                throw new RuleSetException(name + " lists product " + p.sku() + " twice");
            }
        }
        try {
            OffsetDateTime.parse(ruleSet.publishedAt());
        } catch (DateTimeParseException e) {
            throw new RuleSetException(name + ": publishedAt '" + ruleSet.publishedAt()
                    + "' is not an ISO-8601 date-time");
        }
        if (!ruleSet.anchors().isEmpty() && ruleSet.conformance().isEmpty()) {
            throw new RuleSetException(name + " has recommendations but no conformance cases to prove them");
        }
        Set<String> categories = new HashSet<>();
        for (RuleSet.CategoryEvidence category : ruleSet.categories()) {
            categories.add(category.name());
            requireList(ruleSet, category.cart(), name);
            requireList(ruleSet, category.confirmation(), name);
        }
        for (RuleSet.Anchor anchor : ruleSet.anchors()) {
            require(skus, anchor.sku(), name);
            if (anchor.backoff() != null && !categories.contains(anchor.backoff())) {
                throw new RuleSetException(name + ": anchor " + anchor.sku() + " backs off to category "
                        + anchor.backoff() + ", which the file does not list");
            }
            requireList(ruleSet, anchor.cart(), name);
            requireList(ruleSet, anchor.confirmation(), name);
        }
        for (RuleSet.Pin pin : ruleSet.pins()) {
            require(skus, pin.anchor(), name);
            pin.candidates().forEach(c -> require(skus, c, name));
        }
    }

    /** A list's columns have one length, its indexes point into the products and into itself. */
    private static void requireList(RuleSet ruleSet, RuleSet.Evidence list, String name) {
        if (list == null) {
            return;
        }
        int n = list.c().length;
        if (list.co().length != n || list.follow().length != n || list.sameOrder() > n) {
            throw new RuleSetException(name + ": a list's columns c, co and follow differ in length");
        }
        for (int c : list.c()) {
            if (c >= ruleSet.products().size()) {
                throw new RuleSetException(name + " refers to product " + c + " but lists only "
                        + ruleSet.products().size() + " products");
            }
        }
        for (int a : list.approved()) {
            if (a >= n) {
                throw new RuleSetException(name + ": an approved entry " + a + " is outside its list of " + n);
            }
        }
    }

    private static void require(Set<String> skus, String sku, String name) {
        if (!skus.contains(sku)) {
            throw new RuleSetException(name + " mentions SKU " + sku + " but does not list it among its products");
        }
    }
}
