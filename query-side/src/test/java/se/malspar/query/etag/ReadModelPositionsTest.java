package se.malspar.query.etag;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.query.QuerySideApplication;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Read models that share a processor advance several positions in one batch; two batches (segments)
 * that lock those rows in different orders deadlock. So a batch writes them in the order of the read
 * models' names, whatever order its handlers advanced them in.
 */
@MalsparApplicationTest(classes = QuerySideApplication.class)
class ReadModelPositionsTest {

    private static final String FIRST = "lock-order-a";
    private static final String SECOND = "lock-order-b";

    @Autowired
    ReadModelPositions positions;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aBatchLocksThePositionsItAdvancedInTheOrderOfTheReadModelsNames() throws Exception {
        positions.reset(FIRST);
        positions.reset(SECOND);
        ExecutorService batches = Executors.newSingleThreadExecutor();
        try (Connection holder = dataSource.getConnection(); Connection probe = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("select 1 from read_model_position where read_model = '" + FIRST + "' for update");
            }
            Future<?> batch = batches.submit(() -> transactions.executeWithoutResult(status -> {
                DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
                positions.advance(SECOND, 5);
                positions.advance(FIRST, 7);
                unitOfWork.commit();
            }));
            // The batch waits for the first name's row, which another transaction holds...
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                            select count(*) from pg_stat_activity
                            where wait_event_type = 'Lock' and query like '%read_model_position%'""")
                    .query(Long.class).single() == 1);
            // ...and has not locked the second one yet, though its handlers advanced that first.
            probe.setAutoCommit(false);
            try (Statement s = probe.createStatement()) {
                s.execute("select 1 from read_model_position where read_model = '" + SECOND + "' for update nowait");
            }
            probe.rollback();
            holder.rollback();
            batch.get(10, TimeUnit.SECONDS);
        } finally {
            batches.shutdownNow();
        }
        assertThat(jdbc.sql("select position from read_model_position where read_model = :m").param("m", FIRST)
                .query(Long.class).single()).isEqualTo(7);
        assertThat(jdbc.sql("select position from read_model_position where read_model = :m").param("m", SECOND)
                .query(Long.class).single()).isEqualTo(5);
    }
}
