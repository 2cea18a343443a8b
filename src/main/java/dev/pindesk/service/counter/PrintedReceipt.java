package dev.pindesk.service.counter;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A printed receipt: its PDF and whether the job was sent (false: the print dialog was cancelled).
 */
public record PrintedReceipt(Path path, boolean sent) {
  public PrintedReceipt {
    Objects.requireNonNull(path, "path");
  }
}
