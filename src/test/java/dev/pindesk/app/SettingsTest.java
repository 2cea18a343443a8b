package dev.pindesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.i18n.Messages;
import dev.pindesk.testing.ChildJvm;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a setting comes from: -D, then the environment, then the machine's settings file. */
class SettingsTest {
  private static final Messages ZH = Messages.forTag("zh-CN");

  @TempDir Path dir;

  @Test
  void aSystemPropertyWinsOverTheEnvironmentWhichWinsOverTheFile() {
    Map<String, String> file =
        Map.of("pindesk.mode", "production", "pindesk.sam.reader", " PSAM 1 ");
    Map<String, String> props = Map.of("pindesk.mode", "training");
    Map<String, String> env = Map.of("PINDESK_MODE", "other", "PINDESK_SAM_READER", "");

    assertThat(Settings.lookup("mode", props::get, env::get, file)).contains("training");
    assertThat(Settings.lookup("mode", k -> null, env::get, file)).contains("other");
    assertThat(Settings.lookup("mode", k -> null, k -> null, file)).contains("production");
    // blank values do not hide the next source; the file's values are stripped
    assertThat(Settings.lookup("sam.reader", k -> null, env::get, file)).contains("PSAM 1");
    assertThat(Settings.lookup("workstation", k -> null, k -> null, file)).isEmpty();
  }

  @Test
  void readsAUtf8PropertiesFileWithTheSystemPropertyNames() throws Exception {
    Path f = dir.resolve("pindesk.properties");
    Files.writeString(
        f,
        "# counter 3, hall B\npindesk.mode=production\npindesk.workstation=BJ-CY-03\n"
            + "pindesk.example.text=朝阳区社保服务中心\n",
        StandardCharsets.UTF_8);

    Settings.FileSettings s = Settings.FileSettings.read(f, true);

    assertThat(s.problem()).isEmpty();
    assertThat(s.values())
        .containsEntry("pindesk.mode", "production")
        .containsEntry("pindesk.workstation", "BJ-CY-03")
        .containsEntry("pindesk.example.text", "朝阳区社保服务中心");
  }

  @Test
  void noFileAtTheDefaultPlaceIsNormalButANamedFileMustExist() {
    Path missing = dir.resolve("nope.properties");

    assertThat(Settings.FileSettings.read(missing, false).problem()).isEmpty();
    Optional<Settings.FileProblem> named = Settings.FileSettings.read(missing, true).problem();
    assertThat(named).isPresent();
    assertThat(named.get().describe(ZH)).contains(missing.toString()).contains("PINDESK_CONFIG");
  }

  @Test
  void aFileThatCannotBeReadIsAProblemNotAnEmptySetting() throws Exception {
    Path gbk = dir.resolve("gbk.properties");
    Files.write(gbk, "pindesk.workstation=朝阳\n".getBytes(Charset.forName("GBK")));
    Path directory = Files.createDirectories(dir.resolve("is-a-directory"));

    Optional<Settings.FileProblem> notUtf8 = Settings.FileSettings.read(gbk, false).problem();
    assertThat(notUtf8).isPresent();
    assertThat(notUtf8.get().describe(ZH)).contains(gbk.toString()).contains("不是 UTF-8 编码");
    Optional<Settings.FileProblem> folder = Settings.FileSettings.read(directory, false).problem();
    assertThat(folder).isPresent();
    assertThat(folder.get().describe(ZH)).contains(directory.toString()).contains("目录");
  }

  @Test
  void aByteOrderMarkDoesNotHideTheFirstSetting() throws Exception {
    // Notepad saves UTF-8 with a BOM; the first line often is the one that matters most
    Path f = dir.resolve("bom.properties");
    Files.writeString(f, "\uFEFFpindesk.mode=production\npindesk.workstation=SC-01\n");

    Settings.FileSettings s = Settings.FileSettings.read(f, true);

    assertThat(s.problem()).isEmpty();
    assertThat(s.values()).containsEntry("pindesk.mode", "production");
  }

  @Test
  void theCliRefusesToRunOnASettingsFileItCannotRead() throws Exception {
    Path gbk = dir.resolve("gbk.properties");
    Files.write(gbk, "pindesk.mode=正式\n".getBytes(Charset.forName("GBK")));
    Process p =
        new ProcessBuilder(
                ChildJvm.onTestClasspath(
                    dir,
                    "-Dpindesk.config=" + gbk,
                    "-Dpindesk.lang=en",
                    "-Dpindesk.log.dir=" + dir.resolve("logs"),
                    "dev.pindesk.app.Launcher",
                    "--version"))
            .start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(err.strip())
        .startsWith("The settings file " + gbk)
        .doesNotContain("\n")
        .doesNotContain("Exception");
  }

  @Test
  void aCommandTakesItsDefaultsFromTheSettingsFile() throws Exception {
    Path keys = dir.resolve("keys-from-file");
    Path config = dir.resolve("pindesk.properties");
    Files.writeString(config, "pindesk.keys=" + keys + "\n", StandardCharsets.UTF_8);
    Path pass = dir.resolve("pass.txt");
    Files.writeString(pass, "correct horse battery\n");
    Process p =
        new ProcessBuilder(
                ChildJvm.onTestClasspath(
                    dir,
                    "-Dpindesk.config=" + config,
                    "-Dpindesk.log.dir=" + dir.resolve("logs"),
                    "dev.pindesk.app.Launcher",
                    "keys",
                    "init",
                    "--passphrase-file",
                    pass.toString()))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(out).isZero();
    assertThat(keys.resolve("workstation.pub")).exists();
  }

  private static String cliLanguage(Map<String, String> env) {
    return Settings.cliLanguage(Settings.lookup("lang", k -> null, env::get, Map.of()), env::get);
  }

  @Test
  void theCliSpeaksTheTerminalsLanguageWhenPindeskLangIsUnset() {
    assertThat(Messages.forTag(cliLanguage(Map.of("LANG", "en_US.UTF-8"))).locale())
        .isEqualTo(java.util.Locale.ENGLISH);
    assertThat(cliLanguage(Map.of("LANG", "zh_CN.UTF-8"))).isEqualTo("zh-CN");
    assertThat(cliLanguage(Map.of("LANG", "de_DE.UTF-8@euro"))).isEqualTo("de-DE");
    assertThat(cliLanguage(Map.of())).isEqualTo("zh-CN");
  }

  @Test
  void pindeskLangWinsOverThePosixVariablesWhichFollowTheirOwnOrder() {
    assertThat(cliLanguage(Map.of("PINDESK_LANG", "zh", "LC_ALL", "en_US.UTF-8"))).isEqualTo("zh");
    assertThat(cliLanguage(Map.of("LC_ALL", "en_GB", "LC_MESSAGES", "zh_CN", "LANG", "zh_CN")))
        .isEqualTo("en-GB");
    assertThat(cliLanguage(Map.of("LC_MESSAGES", "en_US.UTF-8", "LANG", "zh_CN.UTF-8")))
        .isEqualTo("en-US");
    // an empty variable does not decide; the next one does
    assertThat(cliLanguage(Map.of("LC_ALL", "", "LANG", "en_US.UTF-8"))).isEqualTo("en-US");
  }

  @Test
  void theCOrPosixLocaleMeansTheDefaultLanguage() {
    assertThat(cliLanguage(Map.of("LANG", "C"))).isEqualTo("zh-CN");
    assertThat(cliLanguage(Map.of("LANG", "C.UTF-8"))).isEqualTo("zh-CN");
    assertThat(cliLanguage(Map.of("LC_ALL", "POSIX", "LANG", "en_US.UTF-8"))).isEqualTo("zh-CN");
  }
}
