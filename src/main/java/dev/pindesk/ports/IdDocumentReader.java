package dev.pindesk.ports;

import dev.pindesk.domain.id.IdDocument;
import java.util.Optional;

/**
 * A certified resident-ID reader (vendor SDK, not PC/SC). PinDesk works without one: the clerk
 * types the number and checks the document visually; a reader only fills the same form.
 */
public interface IdDocumentReader {

  /** For status displays. */
  String description();

  /** Whether a reader is connected; manual entry is used when not. */
  boolean available();

  /** Reads the document on the reader, if any. */
  Optional<IdDocument> read();

  /** No reader: manual entry only. */
  IdDocumentReader MANUAL =
      new IdDocumentReader() {
        @Override
        public String description() {
          return "manual entry";
        }

        @Override
        public boolean available() {
          return false;
        }

        @Override
        public Optional<IdDocument> read() {
          return Optional.empty();
        }
      };
}
