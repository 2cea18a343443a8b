package dev.pindesk.adapters.central;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * At most {@code size} open connections, reused. Small on purpose (no pool library): the receiver's
 * request threads are bounded, and a connection that failed is dropped rather than returned, so a
 * restarted PostgreSQL is reconnected on the next request.
 */
final class ConnectionPool implements AutoCloseable {
  /** Opens one new connection. */
  @FunctionalInterface
  interface Factory {
    Connection open() throws SQLException;
  }

  private static final long WAIT_SECONDS = 30;

  private final int size;
  private final Factory factory;
  private final Deque<Connection> idle = new ArrayDeque<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition returned = lock.newCondition();
  private int open;
  private boolean closed;

  ConnectionPool(int size, Factory factory) {
    this.size = size;
    this.factory = factory;
  }

  /** A connection in auto-commit mode; give it back with {@link #release}. */
  Connection borrow() throws SQLException {
    lock.lock();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      while (true) {
        if (closed) {
          throw new SQLException("the central database is closed");
        }
        Connection c = idle.pollFirst();
        if (c != null) {
          return c;
        }
        if (open < size) {
          open++;
          break;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new SQLException("no database connection free after " + WAIT_SECONDS + " s");
        }
        returned.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a database connection");
    } finally {
      lock.unlock();
    }
    try {
      return factory.open();
    } catch (SQLException | RuntimeException e) {
      forget();
      throw e;
    }
  }

  /** Returns {@code c}; a connection that is not {@code healthy} is closed instead. */
  void release(Connection c, boolean healthy) {
    lock.lock();
    try {
      if (healthy && !closed) {
        idle.addFirst(c);
        returned.signal();
        return;
      }
    } finally {
      lock.unlock();
    }
    closeQuietly(c);
    forget();
  }

  /** A connection outside the pool (the caller closes it), e.g. for schema migrations. */
  Connection fresh() throws SQLException {
    return factory.open();
  }

  private void forget() {
    lock.lock();
    try {
      open--;
      returned.signal();
    } finally {
      lock.unlock();
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // Already broken: nothing more to do with it.
    }
  }

  @Override
  public void close() {
    Deque<Connection> toClose;
    lock.lock();
    try {
      closed = true;
      toClose = new ArrayDeque<>(idle);
      open -= idle.size();
      idle.clear();
      returned.signalAll();
    } finally {
      lock.unlock();
    }
    toClose.forEach(ConnectionPool::closeQuietly);
  }
}
