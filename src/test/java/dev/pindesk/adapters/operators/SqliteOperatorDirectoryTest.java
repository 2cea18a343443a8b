package dev.pindesk.adapters.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.crypto.PasswordHasher;
import dev.pindesk.domain.operator.Operator;
import dev.pindesk.domain.operator.Operator.Role;
import dev.pindesk.domain.operator.OperatorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteOperatorDirectoryTest {
  private static final PasswordHasher CHEAP = new PasswordHasher(new PasswordHasher.Cost(64, 1, 1));
  private static final Instant CREATED = Instant.parse("2024-05-06T07:08:09Z");

  @TempDir Path dir;

  private SqliteOperatorDirectory open() {
    return SqliteOperatorDirectory.open(dir.resolve("operators.db"), CHEAP);
  }

  private static Operator clerk(String id) {
    return new Operator(id, "王芳 " + id, Role.CLERK, true, CREATED);
  }

  @Test
  void keepsOperatorsAcrossReopening() {
    try (SqliteOperatorDirectory d = open()) {
      d.add(clerk("wang.fang"), "s3cret-pass".toCharArray());
      d.add(new Operator("li-lei", "李雷", Role.SUPERVISOR, true, CREATED), "x".toCharArray());
    }
    try (SqliteOperatorDirectory d = open()) {
      assertThat(d.find("wang.fang")).contains(clerk("wang.fang"));
      assertThat(d.list()).extracting(Operator::id).containsExactly("li-lei", "wang.fang");
      assertThat(d.verifyPassword("wang.fang", "s3cret-pass".toCharArray())).isTrue();
    }
  }

  @Test
  void refusesToAddAnIdTwice() {
    try (SqliteOperatorDirectory d = open()) {
      d.add(clerk("zhang"), "first-pass".toCharArray());

      assertThatThrownBy(() -> d.add(clerk("zhang"), "second-pass".toCharArray()))
          .isInstanceOf(OperatorException.class)
          .extracting(e -> ((OperatorException) e).reason())
          .isEqualTo(OperatorException.Reason.ALREADY_EXISTS);
      assertThat(d.verifyPassword("zhang", "first-pass".toCharArray())).isTrue();
    }
  }

  @Test
  void rejectsWrongPasswordsUnknownIdsAndMalformedIds() {
    try (SqliteOperatorDirectory d = open()) {
      d.add(clerk("zhang"), "right-pass".toCharArray());

      assertThat(d.verifyPassword("zhang", "wrong-pass".toCharArray())).isFalse();
      assertThat(d.verifyPassword("nobody", "right-pass".toCharArray())).isFalse();
      assertThat(d.verifyPassword("Robert'); DROP TABLE operators;--", new char[0])).isFalse();
      assertThat(d.find("ZHANG")).isEmpty();
    }
  }

  @Test
  void changesPasswordsAndDisablesAccounts() {
    try (SqliteOperatorDirectory d = open()) {
      d.add(clerk("zhang"), "old-password".toCharArray());

      d.setPassword("zhang", "new-password".toCharArray());
      d.setActive("zhang", false);

      assertThat(d.verifyPassword("zhang", "old-password".toCharArray())).isFalse();
      assertThat(d.verifyPassword("zhang", "new-password".toCharArray())).isTrue();
      assertThat(d.find("zhang")).map(Operator::active).contains(false);
      assertThatThrownBy(() -> d.setActive("nobody", true)).isInstanceOf(OperatorException.class);
      assertThatThrownBy(() -> d.setPassword("nobody", "x".toCharArray()))
          .hasMessageContaining("not_found");
    }
  }

  @Test
  void storesPasswordsOnlyAsArgon2idHashesInWalModeWithASchemaVersion() throws Exception {
    Path file = dir.resolve("operators.db");
    try (SqliteOperatorDirectory d = open()) {
      d.add(clerk("zhang"), "visible-password".toCharArray());
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("SELECT password_phc FROM operators")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
      }
      try (ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
        assertThat(r.getString(1)).isEqualToIgnoringCase("wal");
      }
      assertThat(OperatorSchema.userVersion(c)).isEqualTo(SqliteOperatorDirectory.SCHEMA_VERSION);
    }
    assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("visible-password");
  }

  @Test
  void upgradesAnOldHashAfterTheNextSuccessfulCheck() throws Exception {
    Path file = dir.resolve("operators.db");
    try (SqliteOperatorDirectory weak =
        SqliteOperatorDirectory.open(file, new PasswordHasher(new PasswordHasher.Cost(32, 1, 1)))) {
      weak.add(clerk("zhang"), "upgrade-me".toCharArray());
    }
    try (SqliteOperatorDirectory d = open()) {
      assertThat(d.verifyPassword("zhang", "upgrade-me".toCharArray())).isTrue();
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        ResultSet r = c.createStatement().executeQuery("SELECT password_phc FROM operators")) {
      assertThat(r.getString(1)).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
    }
  }

  @Test
  void refusesAFileWrittenByANewerSchema() throws Exception {
    Path file = dir.resolve("operators.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version = 99");
    }

    assertThatThrownBy(() -> SqliteOperatorDirectory.open(file, CHEAP))
        .isInstanceOf(OperatorException.class)
        .hasMessageContaining("schema 99");
  }

  @Test
  void reportsAnUnusableFileAsAStoreFailure() {
    Path notADirectory = dir.resolve("missing").resolve("operators.db");

    assertThatThrownBy(() -> SqliteOperatorDirectory.open(notADirectory, CHEAP))
        .isInstanceOf(OperatorException.class)
        .extracting(e -> ((OperatorException) e).reason())
        .isEqualTo(OperatorException.Reason.STORE_FAILED);
  }
}
