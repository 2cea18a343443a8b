package dev.pindesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pindesk.adapters.central.BatchIntake;
import dev.pindesk.adapters.central.CentralDatabase;
import dev.pindesk.adapters.central.CentralIdentity;
import dev.pindesk.adapters.central.CentralStore;
import dev.pindesk.adapters.journal.KeyFiles;
import dev.pindesk.adapters.journal.SqliteJournalStore;
import dev.pindesk.adapters.journal.StoreOptions;
import dev.pindesk.adapters.sync.RequestAuth;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.cli.CliContext;
import dev.pindesk.cli.PinDeskCli;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.audit.AuditEvent;
import dev.pindesk.domain.audit.AuditOutcome;
import dev.pindesk.domain.audit.AuditStep;
import dev.pindesk.domain.sync.SealedBatch;
import dev.pindesk.domain.sync.SealedEntry;
import dev.pindesk.i18n.Messages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code central serve|enroll|stats} through the real picocli command line, in-process. */
class CentralCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern URL = Pattern.compile("listening on (https?://localhost:\\d+)");

  @TempDir Path dir;

  record Result(int exit, String out, String err) {}

  /** Runs the command line; {@code out} is shared so a running serve can be watched. */
  static Result run(StringWriter out, String... args) {
    StringWriter err = new StringWriter();
    Messages messages = Messages.of(Locale.ENGLISH);
    CliContext context =
        new CliContext(
            () -> {
              throw new IllegalStateException("central commands never touch card readers");
            },
            CardProfiles::builtIn,
            messages,
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    int exit = PinDeskCli.run(context, args, CentralCommands.create(messages));
    return new Result(exit, out.toString(), err.toString());
  }

  static Result run(String... args) {
    return run(new StringWriter(), args);
  }

  private static Result enroll(Path db, Path workstationKey) {
    return run(
        "central", "enroll", "--db", db.toString(), "--workstation-key", workstationKey.toString());
  }

  private static void assertOneCleanLine(String err) {
    assertThat(err.strip()).isNotEmpty().doesNotContain("\n").doesNotContain("Exception");
  }

  private Path workstationKeys() throws Exception {
    return KeyFiles.ensureTrainingKeys(dir.resolve("keys"));
  }

  @Test
  void enrollIsIdempotentForTheSameKey() throws Exception {
    Path pub = workstationKeys().resolve(KeyFiles.WORKSTATION_PUB);
    String db = dir.resolve("central.db").toString();
    Result first = run("central", "enroll", "--db", db, "--workstation-key", pub.toString());
    Result again =
        run("central", "enroll", "--db", db, "--workstation-key", pub.toString(), "--name", "D-1");
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).startsWith("Enrolled workstation key ");
    assertThat(again.exit()).isZero();
    assertThat(again.out()).startsWith("Already enrolled").contains("as D-1");
    Result stats = run("central", "stats", "--db", db, "--json");
    JsonNode list = JSON.readTree(stats.out()).path("workstations");
    assertThat(list).hasSize(1);
    assertThat(list.get(0).path("id").asText()).isEqualTo("D-1");
  }

  @Test
  void statsJsonHasTheDocumentedMembersPerJournal() throws Exception {
    Path keys = workstationKeys();
    Sm2KeyPair ws = KeyFiles.workstation(keys);
    Path db = dir.resolve("central.db");
    SealedBatch batch = journal(ws, KeyFiles.publicKey(keys.resolve(KeyFiles.SUPERVISOR_PUB)));
    try (CentralDatabase central = CentralDatabase.sqlite(db)) {
      CentralStore store = new CentralStore(central);
      CentralStore.Workstation w =
          store
              .enroll(ws.publicKey(), Optional.of("desk"), System.currentTimeMillis())
              .workstation();
      CentralIdentity identity = CentralIdentity.loadOrCreate(dir.resolve("central.crt"));
      new BatchIntake(store, identity.privateKey(), Clock.systemUTC()).apply(w, batch);
    }
    Result r = run("central", "stats", "--db", db.toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode o = JSON.readTree(r.out()).path("workstations").get(0);
    assertThat(o.path("id").asText()).isEqualTo("WS-CLI-1");
    assertThat(o.path("entries").asLong()).isEqualTo(batch.to());
    assertThat(o.path("headSeq").asLong()).isEqualTo(batch.to());
    assertThat(o.path("chainOk").asBoolean()).isTrue();
    assertThat(o.path("lastReceiptAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(o.path("keyId").asText()).isEqualTo(RequestAuth.keyId(ws.publicKey()));
    assertThat(o.path("refusals").asLong()).isZero();
    Result table = run("central", "stats", "--db", db.toString());
    assertThat(table.out()).contains("WS-CLI-1").contains("yes");
  }

  private SealedBatch journal(
      Sm2KeyPair ws, org.bouncycastle.crypto.params.ECPublicKeyParameters sup) throws Exception {
    Path file = dir.resolve("journal.db");
    StoreOptions options = StoreOptions.of("WS-CLI-1", ws, sup, true).withoutDurability();
    try (SqliteJournalStore store = SqliteJournalStore.open(file, options)) {
      for (int i = 0; i < 12; i++) {
        store.append(AuditEvent.session(AuditStep.CLERK_SIGNED_IN, AuditOutcome.OK, "clerk-1"));
      }
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      ResultSet meta = s.executeQuery("SELECT header, header_sig FROM journal_meta");
      meta.next();
      byte[] header = meta.getBytes(1);
      byte[] sig = meta.getBytes(2);
      meta.close();
      List<SealedEntry> entries = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery("SELECT seq, header, body, hash FROM entries ORDER BY seq")) {
        while (rs.next()) {
          entries.add(
              new SealedEntry(rs.getLong(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4)));
        }
      }
      return new SealedBatch(header, sig, entries);
    }
  }

  @Test
  void revokeStopsAKeyShowsItInStatsAndKeepsItFromBeingEnrolledAgain() throws Exception {
    Path pub = workstationKeys().resolve(KeyFiles.WORKSTATION_PUB);
    Path db = dir.resolve("central.db");
    assertThat(enroll(db, pub).exit()).isZero();
    String keyId = RequestAuth.keyId(KeyFiles.publicKey(pub));

    Result revoked =
        run("central", "revoke", "--db", db.toString(), "--workstation-key", pub.toString());
    assertThat(revoked.exit()).as(revoked.err()).isZero();
    assertThat(revoked.out()).startsWith("Revoked workstation key " + keyId);
    Result again = run("central", "revoke", "--db", db.toString(), "--key-id", keyId.toLowerCase());
    assertThat(again.exit()).isZero();
    assertThat(again.out()).contains("was revoked already");

    JsonNode w =
        JSON.readTree(run("central", "stats", "--db", db.toString(), "--json").out())
            .get("workstations")
            .get(0);
    assertThat(w.get("keyId").asText()).isEqualTo(keyId);
    assertThat(w.get("revokedAt").isTextual()).isTrue();

    Result reEnrol = enroll(db, pub);
    assertThat(reEnrol.exit()).isEqualTo(1);
    assertThat(reEnrol.err()).contains("was revoked at", "keys init");
    assertOneCleanLine(reEnrol.err());

    Result unknown = run("central", "revoke", "--db", db.toString(), "--key-id", "AB".repeat(32));
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("is not enrolled at this central");
    assertOneCleanLine(unknown.err());
    Result malformed = run("central", "revoke", "--db", db.toString(), "--key-id", "xyz");
    assertThat(malformed.exit()).isEqualTo(2);
    assertOneCleanLine(malformed.err());
  }

  @Test
  void statsOfAMissingDatabaseIsOneLine() {
    Result r = run("central", "stats", "--db", dir.resolve("nothing.db").toString(), "--json");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("no central database");
    assertOneCleanLine(r.err());
    assertThat(Files.exists(dir.resolve("nothing.db"))).isFalse();
  }

  @Test
  void enrollWithAMissingKeyFileIsOneLine() {
    Result r = enroll(dir.resolve("c.db"), dir.resolve("none.pub"));
    assertThat(r.exit()).isEqualTo(1);
    assertOneCleanLine(r.err());
  }

  @Test
  void enrollWithAFileThatIsNoKeyOrADirectoryThatIsNotThereSaysWhatToName() throws Exception {
    Path notAKey = Files.writeString(dir.resolve("notes.txt"), "not a key");
    Result r = enroll(dir.resolve("c.db"), notAKey);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("central enroll: ").contains("is not a workstation public key");
    assertOneCleanLine(r.err());

    Path pub = workstationKeys().resolve(KeyFiles.WORKSTATION_PUB);
    Path nowhere = dir.resolve("no-such-dir").resolve("c.db");
    Result noDir = enroll(nowhere, pub);
    assertThat(noDir.exit()).isEqualTo(1);
    assertThat(noDir.err()).contains("no directory " + nowhere.getParent(), "--db");
    assertOneCleanLine(noDir.err());
  }

  @Test
  void serveOnAPortInUseSaysSo() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
      Result r =
          run(
              "central",
              "serve",
              "--port",
              String.valueOf(taken.getLocalPort()),
              "--bind",
              "0.0.0.0",
              "--db",
              dir.resolve("central.db").toString());
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err())
          .startsWith("central serve: port " + taken.getLocalPort() + " is already in use");
      assertOneCleanLine(r.err());
    }
  }

  @Test
  void serveOnPortZeroPrintsItsUrlAndCertificateServesAndStopsWhenInterrupted() throws Exception {
    StringWriter out = new StringWriter();
    AtomicInteger exit = new AtomicInteger(-1);
    String db = dir.resolve("central.db").toString();
    Thread serve =
        new Thread(() -> exit.set(run(out, "central", "serve", "--port", "0", "--db", db).exit()));
    serve.start();
    String url = awaitUrl(out);
    assertThat(out.toString()).contains("certificate to pin: " + dir.resolve("central.crt"));
    HttpClient http =
        HttpClient.newBuilder().sslContext(pinned(dir.resolve("central.crt"))).build();
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(URI.create(url + "/v1/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    serve.interrupt();
    serve.join(15_000);
    assertThat(serve.isAlive()).isFalse();
    assertThat(exit.get()).isZero();
  }

  /** A running {@code central serve} on a free port of every interface, stopped by close(). */
  private static final class Serving implements AutoCloseable {
    final Thread thread;
    final int port;

    Serving(String db, String... extra) throws InterruptedException {
      StringWriter out = new StringWriter();
      List<String> args = new ArrayList<>(List.of("central", "serve", "--port", "0", "--db", db));
      args.addAll(List.of(extra));
      thread = new Thread(() -> run(out, args.toArray(String[]::new)));
      thread.start();
      port = URI.create(awaitUrl(out)).getPort();
    }

    @Override
    public void close() throws InterruptedException {
      thread.interrupt();
      thread.join(15_000);
    }
  }

  private static int healthAt(String host, int port, Path cert) throws Exception {
    HttpClient http = HttpClient.newBuilder().sslContext(pinned(cert)).build();
    return http.send(
            HttpRequest.newBuilder(URI.create("https://" + host + ":" + port + "/v1/health"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  @Test
  void workstationsReachTheCentralUnderTheNamesGivenWhenItsCertificateIsMade() throws Exception {
    // 127.0.0.2 stands for the address a service center uses: loopback, but not a name the
    // certificate has by default.
    String db = dir.resolve("central.db").toString();
    Path cert = dir.resolve("central.crt");
    try (Serving plain = new Serving(db)) {
      assertThat(healthAt("localhost", plain.port, cert)).isEqualTo(200);
      assertThat(
              org.assertj.core.api.Assertions.catchThrowable(
                  () -> healthAt("127.0.0.2", plain.port, cert)))
          .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
    }

    Result existing =
        run("central", "serve", "--port", "0", "--db", db, "--cert-name", "127.0.0.2");
    assertThat(existing.exit()).isEqualTo(1);
    assertThat(existing.err())
        .startsWith("central serve: the certificate " + cert + " does not name 127.0.0.2.")
        .contains("move central.crt and central.key away");
    assertOneCleanLine(existing.err());

    Files.move(cert, dir.resolve("old-central.crt"));
    Files.move(dir.resolve("central.key"), dir.resolve("old-central.key"));
    try (Serving named =
        new Serving(db, "--cert-name", "127.0.0.2", "--cert-name", "Central.Example.org")) {
      assertThat(healthAt("127.0.0.2", named.port, cert)).isEqualTo(200);
      CentralIdentity identity = CentralIdentity.loadOrCreate(cert);
      assertThat(identity.names()).contains("central.example.org", "localhost");
      assertThat(identity.names("127.0.0.2")).isTrue();
      assertThat(identity.names("CENTRAL.example.org")).isTrue();
      assertThat(identity.names("10.1.2.3")).isFalse();
    }

    Result bad = run("central", "serve", "--port", "0", "--db", db, "--cert-name", "not a name");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("is neither a DNS name nor an IP address");
    assertOneCleanLine(bad.err());
  }

  @Test
  void plainHttpServesOnLoopback() throws Exception {
    StringWriter out = new StringWriter();
    String db = dir.resolve("central.db").toString();
    Thread serve =
        new Thread(
            () -> run(out, "central", "serve", "--port", "0", "--db", db, "--insecure-http"));
    serve.start();
    try {
      String url = awaitUrl(out);
      assertThat(url).startsWith("http://");
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url + "/v1/health")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
    } finally {
      serve.interrupt();
      serve.join(15_000);
    }
  }

  @Test
  void plainHttpOffLoopbackIsRefusedWithOneLine() {
    Result r =
        run(
            "central",
            "serve",
            "--port",
            "0",
            "--db",
            dir.resolve("c.db").toString(),
            "--insecure-http",
            "--bind",
            "0.0.0.0");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("loopback");
    assertOneCleanLine(r.err());
  }

  @Test
  void aJdbcStoreNeedsCertOut() {
    Result r = run("central", "serve", "--port", "0", "--jdbc", "jdbc:postgresql://localhost/none");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--cert-out");
    assertOneCleanLine(r.err());
  }

  @Test
  void dbAndJdbcTogetherAreAUsageError() {
    Result r =
        run(
            "central",
            "stats",
            "--db",
            dir.resolve("c.db").toString(),
            "--jdbc",
            "jdbc:postgresql://localhost/x");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("mutually exclusive");
  }

  private static String awaitUrl(StringWriter out) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      Matcher m = URL.matcher(out.toString());
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("serve printed no URL: " + out);
  }

  static SSLContext pinned(Path cert) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (var in = Files.newInputStream(cert)) {
      trust.setCertificateEntry(
          "central",
          java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return ssl;
  }
}
