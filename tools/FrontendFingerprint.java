import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fingerprints what the committed frontend bundle is built from, so that a build without Node can tell
 * whether src/main/bundles/ is current: the files under frontend/ (minus what Vaadin generates), every
 * frontend annotation in the Java sources, and the Vaadin version in the pom.
 *
 * <pre>
 * java tools/FrontendFingerprint.java check DIR   exits 1 with instructions when the bundle is stale
 * java tools/FrontendFingerprint.java write DIR   records the fingerprint after a bundle rebuild
 * </pre>
 */
public class FrontendFingerprint {
    private static final Pattern FRONTEND_ANNOTATION =
            Pattern.compile("@(NpmPackage|JsModule|JavaScript|CssImport|StyleSheet)\\s*\\(([^)]*)\\)");
    private static final Pattern VAADIN_VERSION = Pattern.compile("<vaadin\\.version>([^<]+)</vaadin\\.version>");
    private static final String RECORD = "src/main/bundles/frontend.fingerprint";

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !(args[0].equals("check") || args[0].equals("write"))) {
            System.err.println("usage: java tools/FrontendFingerprint.java check|write PROJECT_DIR");
            System.exit(2);
        }
        Path root = Path.of(args[1]).toAbsolutePath().normalize();
        String current = fingerprint(root);
        Path record = root.resolve(RECORD);
        if (args[0].equals("write")) {
            Files.writeString(record, current + "\n");
            System.out.println("Recorded frontend fingerprint " + current + " in " + RECORD);
            return;
        }
        String recorded = Files.exists(record) ? Files.readString(record).trim() : "(none)";
        if (!recorded.equals(current)) {
            System.err.println();
            System.err.println("ERROR: the committed frontend bundle in src/main/bundles/ is out of date.");
            System.err.println("  The frontend sources (frontend/, @JsModule/@NpmPackage/@JavaScript/@CssImport/@StyleSheet");
            System.err.println("  annotations or the Vaadin version) changed since the bundle was built");
            System.err.println("  (recorded " + recorded + ", now " + current + ").");
            System.err.println("  Rebuild it with Node 24 (the script installs it from the npm registry):");
            System.err.println("      bash tools/build-frontend.sh");
            System.err.println("  and commit src/main/bundles/ together with your change.");
            System.err.println();
            System.exit(1);
        }
        System.out.println("Frontend bundle is current (" + current + ")");
    }

    static String fingerprint(Path root) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Path frontend = root.resolve("frontend");
        for (Path file : sortedFiles(frontend)) {
            String relative = frontend.relativize(file).toString().replace('\\', '/');
            if (relative.startsWith("generated/") || relative.equals("index.html")) {
                continue;
            }
            update(digest, "file:" + relative);
            digest.update(normalizedBytes(file));
        }
        for (Path source : sortedFiles(root.resolve("src/main/java"))) {
            if (!source.toString().endsWith(".java")) {
                continue;
            }
            Matcher m = FRONTEND_ANNOTATION.matcher(Files.readString(source));
            while (m.find()) {
                update(digest, "annotation:" + m.group(1) + "(" + m.group(2).replaceAll("\\s+", "") + ")");
            }
        }
        Matcher version = VAADIN_VERSION.matcher(Files.readString(root.resolve("pom.xml")));
        update(digest, "vaadin:" + (version.find() ? version.group(1) : "?"));
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private static List<Path> sortedFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
        }
    }

    // Line endings must not make a checkout on another OS look stale.
    private static byte[] normalizedBytes(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] out = new byte[bytes.length];
        int n = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                continue;
            }
            out[n++] = bytes[i];
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
