package tmsp.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the test context at its own database on the running PostgreSQL, created fresh once per test
 * JVM (dropped first if a previous run left it). Host, port, user and name come from the environment:
 * TMSP_TEST_PG_HOST, TMSP_TEST_PG_PORT, TMSP_TEST_PG_USER, TMSP_TEST_DB.
 */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String HOST = env("TMSP_TEST_PG_HOST", "127.0.0.1");
    public static final String PORT = env("TMSP_TEST_PG_PORT", "5432");
    public static final String USER = env("TMSP_TEST_PG_USER", "postgres");
    public static final String NAME = env("TMSP_TEST_DB", "tmsp_it");

    private static boolean created;

    public static String url() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + NAME;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        createOnce();
        TestPropertyValues.of(
                "spring.datasource.url=" + url(),
                "spring.datasource.username=" + USER,
                "spring.datasource.password=").applyTo(context);
    }

    static synchronized void createOnce() {
        if (created) {
            return;
        }
        String admin = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, USER, "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + NAME + " with (force)");
            // C collation: the same order on every machine, whatever its locale.
            s.execute("create database " + NAME + " template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'");
        } catch (SQLException e) {
            throw new IllegalStateException("Tests need PostgreSQL at " + HOST + ":" + PORT + " as " + USER
                    + " (start it, or set TMSP_TEST_PG_HOST/PORT/USER): " + e.getMessage(), e);
        }
        created = true;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
