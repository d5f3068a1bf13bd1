package org.vedetta.app.kafka;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.apache.kafka.common.errors.RetriableException;
import org.vedetta.model.MalformedRecordException;

/**
 * Tells a failure that may pass (the database or the broker unreachable, a timeout, a lock given up) from one the
 * same record will always meet (a value the stage rejects, a bug), by the exception and its causes: a stage waits
 * out the first kind, and dead-letters a record only for the second.
 */
public final class Failures {

  /** How a stage should take a failure. */
  public enum Kind {
    /** Something outside the record failed: wait and try the same record again, for as long as it lasts. */
    TRANSIENT,
    /** The record itself cannot be processed: dead-letter it at once. */
    PERMANENT,
    /** Neither is known: try a few times, then dead-letter. */
    UNKNOWN
  }

  /**
   * SQLState classes and codes of failures that pass: connection exceptions (08), insufficient resources (53),
   * operator intervention (57P01-57P03: shutdown, crash, starting up), serialization failures and deadlocks (40001,
   * 40P01), locks not available (55P03) and timeouts (HYT00, HYT01).
   */
  private static final Set<String> TRANSIENT_STATE_CLASSES = Set.of("08", "53");
  private static final Set<String> TRANSIENT_STATES =
      Set.of("57P01", "57P02", "57P03", "40001", "40P01", "55P03", "HYT00", "HYT01");

  private Failures() {}

  public static Kind classify(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (isTransient(t)) {
        return Kind.TRANSIENT;
      }
    }
    return failure instanceof MalformedRecordException || failure instanceof IllegalArgumentException
        || failure instanceof NullPointerException || failure instanceof ClassCastException
        || failure instanceof ArithmeticException || failure instanceof IndexOutOfBoundsException
        || failure instanceof UnsupportedOperationException
        ? Kind.PERMANENT : Kind.UNKNOWN;
  }

  private static boolean isTransient(Throwable t) {
    if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
        || t instanceof SQLNonTransientConnectionException || t instanceof RetriableException
        || t instanceof IOException || t instanceof java.util.concurrent.TimeoutException) {
      return true;
    }
    if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
      String state = sql.getSQLState();
      return TRANSIENT_STATE_CLASSES.contains(state.substring(0, 2)) || TRANSIENT_STATES.contains(state);
    }
    return false;
  }
}
