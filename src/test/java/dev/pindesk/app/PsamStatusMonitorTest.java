package dev.pindesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.sam.PsamProfiles;
import dev.pindesk.adapters.sam.PsamSecurityModule;
import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.adapters.virtualcard.VirtualPsam;
import dev.pindesk.service.SecurityModuleStatus;
import dev.pindesk.service.SecurityModuleStatus.Health;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PsamStatusMonitorTest {
  private static final String PSAM = "SAM Reader";
  private final InProcessCardTerminals readers = new InProcessCardTerminals(PSAM);
  private final PsamSecurityModule psam =
      new PsamSecurityModule(
          readers, PSAM, PsamProfiles.builtIn(PsamProfiles.DEFAULT_ID).orElseThrow());

  @Test
  void saysReadyMissingLockedOrWrongFromAProbe() {
    assertThat(PsamStatusMonitor.status(psam).messageKey()).isEqualTo("status.sm.psam.missing");
    readers.insert(PSAM, VirtualPsam.training());
    SecurityModuleStatus ready = PsamStatusMonitor.status(psam);
    assertThat(ready.messageKey()).isEqualTo("status.sm.psam.ready");
    assertThat(ready.health()).isEqualTo(Health.OK);
    assertThat(ready.detail()).contains("pboc-psam-generic");
    readers.remove(PSAM);
    readers.insert(PSAM, VirtualPsam.builder().locked(true).build());
    assertThat(PsamStatusMonitor.status(psam).messageKey()).isEqualTo("status.sm.psam.locked");
    readers.remove(PSAM);
    readers.insert(PSAM, VirtualPsam.builder().wrongApplication(true).build());
    assertThat(PsamStatusMonitor.status(psam).health()).isEqualTo(Health.ERROR);
  }

  @Test
  void publishesOnlyChanges() {
    ProbedStatusFeed monitor = PsamStatusMonitor.feed(psam);
    List<String> seen = new ArrayList<>();
    readers.insert(PSAM, VirtualPsam.training());
    monitor.probeOnce();
    monitor.probeOnce();
    monitor.subscribe(s -> seen.add(s.messageKey()));
    readers.remove(PSAM);
    monitor.probeOnce();
    assertThat(seen).startsWith("status.sm.psam.ready").contains("status.sm.psam.missing");
    assertThat(seen.stream().filter("status.sm.psam.ready"::equals)).hasSizeLessThanOrEqualTo(2);
  }
}
