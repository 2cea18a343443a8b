package dev.pindesk.adapters.journal;

import dev.pindesk.domain.audit.JournalException;
import dev.pindesk.domain.audit.JournalInUseException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one-writer rule: an OS lock on {@code JOURNAL.lock}, released by the OS even when the process
 * is killed. A second PinDesk on the same journal fails at open with a clear message.
 */
final class WriterLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private WriterLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static WriterLock acquire(Path journal) throws JournalException {
    Path file = journal.resolveSibling(journal.getFileName() + ".lock");
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw new JournalInUseException(journal + ": journal is in use by another PinDesk");
      }
      return new WriterLock(channel, lock);
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw new JournalInUseException(journal + ": journal is already open in this PinDesk");
    } catch (IOException e) {
      closeQuietly(channel);
      throw new JournalException(journal + ": cannot lock the journal: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException ignored) {
      // the lock attempt already failed; nothing more to release
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // the OS releases the lock with the channel or the process anyway
    }
  }
}
