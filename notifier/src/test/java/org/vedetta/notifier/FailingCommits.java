package org.vedetta.notifier;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A real database whose next {@code commit()} can be made to fail, as if the process died at that instant: the
 * commit never reaches the database, the transaction is rolled back, and the caller sees an exception. Used to
 * put a crash exactly between the SMTP server's acceptance of a mail and the commit that records it.
 */
public final class FailingCommits implements DataSource {

  /** What happens instead of the commit. */
  @FunctionalInterface
  public interface Crash {
    void instead() throws SQLException;
  }

  private final DataSource delegate;
  private final Crash crash;
  private final AtomicReference<BooleanSupplier> armed = new AtomicReference<>();
  private final AtomicInteger failed = new AtomicInteger();

  /** The commit throws, and the transaction is rolled back. */
  public FailingCommits(DataSource delegate) {
    this(delegate, () -> {
      throw new SQLException("simulated crash: the process died before this commit", "08006");
    });
  }

  /** {@code crash} runs instead of the commit: e.g. {@code Runtime.getRuntime().halt(9)}, a real death. */
  public FailingCommits(DataSource delegate, Crash crash) {
    this.delegate = delegate;
    this.crash = crash;
  }

  /**
   * The first {@code commit()} called while {@code when} holds fails (once); commits before it go through.
   * E.g. {@code failNextCommitWhen(() -> smtp.getReceivedMessages().length > 0)}: the commit after the hand-over.
   */
  public void failNextCommitWhen(BooleanSupplier when) {
    armed.set(when);
  }

  /** How many commits were made to fail. */
  public int failedCommits() {
    return failed.get();
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return wrap(delegate.getConnection(username, password));
  }

  private Connection wrap(Connection connection) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (isCommit(method)) {
        BooleanSupplier when = armed.get();
        if (when != null && when.getAsBoolean() && armed.compareAndSet(when, null)) {
          failed.incrementAndGet();
          crash.instead();
        }
      }
      try {
        return method.invoke(connection, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        handler);
  }

  private static boolean isCommit(Method method) {
    return method.getName().equals("commit") && method.getParameterCount() == 0;
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper for " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
