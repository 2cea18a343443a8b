package dev.pindesk.cli.central;

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
import dev.pindesk.app.CliWiring;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.cli.Cli;
import dev.pindesk.cli.CliContext;
import dev.pindesk.cli.CommandTree;
import dev.pindesk.cli.common.CentralServices;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.audit.AuditEvent;
import dev.pindesk.domain.audit.AuditOutcome;
import dev.pindesk.domain.audit.AuditStep;
import dev.pindesk.domain.sync.SealedBatch;
import dev.pindesk.domain.sync.SealedEntry;
import dev.pindesk.i18n.Messages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code central enroll|stats|revoke} through the real picocli command line, in-process. */
public class CentralCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  public record Result(int exit, String out, String err) {}

  /** Runs the command line; {@code out} is shared so a running serve can be watched. */
  public static Result run(StringWriter out, String... args) {
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
    int exit = CommandTree.run(context, CliWiring.production(), Cli.inputs(new byte[0]), args);
    return new Result(exit, out.toString(), err.toString());
  }

  public static Result run(String... args) {
    return run(new StringWriter(), args);
  }

  private static Result enroll(Path db, Path workstationKey) {
    return run(
        "central", "enroll", "--db", db.toString(), "--workstation-key", workstationKey.toString());
  }

  public static void assertOneCleanLine(String err) {
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
    assertThat(table.out().strip())
        .startsWith("WS-CLI-1  key " + RequestAuth.keyId(ws.publicKey()) + "  journal ")
        .contains(
            ": " + batch.to() + " entries, head " + batch.to() + ", chain ok, last receipt 20")
        .endsWith(", 0 refusals");
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

  /** One error path (CentralSubcommand): the command's name, the reason, the exit code. */
  @Test
  void everyCentralCommandFailsWithItsNameTheReasonAndItsExitCode() {
    String db = dir.resolve("nothing.db").toString();
    Result badName =
        run("central", "enroll", "--db", db, "--workstation-key", "x.pub", "--name", "a b");
    assertThat(badName.exit()).isEqualTo(2);
    assertThat(badName.err().strip())
        .isEqualTo("central enroll: --name must be 1 to 64 characters of A-Z a-z 0-9 . _ -");
    Result stats = run("central", "stats", "--db", db);
    assertThat(stats.exit()).isEqualTo(1);
    assertThat(stats.err()).startsWith("central stats: ");
    Result revoke = run("central", "revoke", "--db", db, "--key-id", "A".repeat(64));
    assertThat(revoke.exit()).isEqualTo(1);
    assertThat(revoke.err()).startsWith("central revoke: ");
    Result serve = run("central", "serve", "--db", db, "--port", "70000");
    assertThat(serve.exit()).isEqualTo(2);
    assertThat(serve.err()).startsWith("central serve: ");
    for (Result r : List.of(badName, stats, revoke, serve)) {
      assertOneCleanLine(r.err());
      assertThat(r.out()).isEmpty();
    }
  }

  /** The services map the store's revocation outcomes one to one (app.CentralWiring). */
  @Test
  void everyRevocationOutcomeOfTheStoreHasItsCliOutcome() {
    assertThat(
            java.util.Arrays.stream(dev.pindesk.adapters.central.CentralStore.Revocation.values())
                .map(r -> CentralServices.Revocation.valueOf(r.name()).name()))
        .containsExactly(
            java.util.Arrays.stream(CentralServices.Revocation.values())
                .map(Enum::name)
                .toArray(String[]::new));
  }
}
