package dev.pindesk.ui.audit;

import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.SupervisorJournal;
import dev.pindesk.ports.TableReport;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What the audit window is given by the composition root: the journal reader, the PDF report, the
 * journal and key store proposed in the unlock form (the supervisor may choose others), the
 * language, the text size and the time zone the supervisor reads times in.
 */
public record AuditContext(
    SupervisorJournal reader,
    TableReport report,
    Optional<Path> journal,
    Optional<Path> keyStore,
    Messages messages,
    double fontScale,
    ZoneId zone) {}
