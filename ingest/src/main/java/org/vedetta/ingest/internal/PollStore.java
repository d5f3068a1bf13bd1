package org.vedetta.ingest.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.simpl.RAMJobStore;
import org.quartz.utils.DBConnectionManager;

/**
 * Where the poll schedule is kept, chosen by the database that holds the seen items: {@link Clustered} when it is
 * PostgreSQL, {@link InMemory} otherwise (H2: a single node).
 */
public sealed interface PollStore permits PollStore.InMemory, PollStore.Clustered {

  /**
   * The store for {@code dataSource}, told apart by {@link java.sql.DatabaseMetaData#getDatabaseProductName};
   * on PostgreSQL the Quartz tables are migrated first ({@link QuartzTables}).
   *
   * @throws IllegalStateException when the database cannot be reached
   */
  static PollStore of(DataSource dataSource) {
    String product;
    try (Connection connection = dataSource.getConnection()) {
      product = connection.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot tell which database holds ingest's tables: " + e.getMessage(), e);
    }
    if ("PostgreSQL".equals(product)) {
      QuartzTables.migrate(dataSource);
      return new Clustered(dataSource);
    }
    return new InMemory(product);
  }

  /** Registers what Quartz needs and sets the job store of one new scheduler in {@code quartz}. */
  void configure(Properties quartz);

  /** For the start-up log: which store, and what it means for the polling. */
  String description();

  /** Quartz's {@code RAMJobStore}: this process alone polls its sources; a restart starts a new schedule. */
  record InMemory(String database) implements PollStore {

    @Override
    public void configure(Properties quartz) {
      quartz.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, "ingest");
      quartz.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, RAMJobStore.class.getName());
    }

    @Override
    public String description() {
      return "an in-memory job store: " + database + ", a single node";
    }
  }

  /**
   * Quartz's clustered JDBC job store ({@code JobStoreTX} with the {@code PostgreSQLDelegate}) in the
   * {@code qrtz_*} tables of {@code dataSource}, over that data source's connections rather than a pool of
   * Quartz's ({@link DataSourceConnections}).
   * Every ingest process on that database is a node of one Quartz cluster: each fire of a source's trigger is
   * taken by exactly one node (triggers are acquired under a row lock), and a source's scheduled polls never
   * overlap across nodes. Nodes check in every {@link #CHECKIN_INTERVAL}; the others recover a node that has missed its
   * check-ins for that long plus Quartz's 7.5 s grace, releasing the triggers it held, so its sources go on
   * being polled about 15 s after it stops.
   */
  record Clustered(DataSource dataSource) implements PollStore {

    static final Duration CHECKIN_INTERVAL = Duration.ofSeconds(5);

    @Override
    public void configure(Properties quartz) {
      // Quartz's DBConnectionManager is JVM-wide: each scheduler registers its provider under a name of its own.
      String provider = "vedetta-ingest-" + UUID.randomUUID();
      DBConnectionManager.getInstance().addConnectionProvider(provider, new DataSourceConnections(dataSource));
      quartz.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, instanceId());
      quartz.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, JobStoreTX.class.getName());
      quartz.setProperty("org.quartz.jobStore.driverDelegateClass", PostgreSQLDelegate.class.getName());
      quartz.setProperty("org.quartz.jobStore.dataSource", provider);
      quartz.setProperty("org.quartz.jobStore.isClustered", "true");
      quartz.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(CHECKIN_INTERVAL.toMillis()));
      quartz.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    }

    @Override
    public String description() {
      return "a clustered JDBC job store in PostgreSQL, shared by every ingest process on this database";
    }

    /**
     * What {@code instanceId = AUTO} gives, the host name, but followed by a random suffix instead of the start
     * time in milliseconds: two schedulers started in one JVM in the same millisecond (tests) would otherwise be
     * one node to the cluster, and neither would recover the other.
     */
    private static String instanceId() {
      String host;
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        host = "ingest";
      }
      // ENTRY_ID (95 characters) is the instance id followed by a 13-digit counter.
      String shortHost = host.length() > 60 ? host.substring(0, 60) : host;
      return shortHost + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
  }
}
