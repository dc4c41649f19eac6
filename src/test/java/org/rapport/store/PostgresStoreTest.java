package org.rapport.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every store test, against a shared PostgreSQL store: a department's server that all laptops point at. Each test gets
 * its own schema. Runs when RAPPORT_TEST_PG_URL is set (.ci/run starts a local PostgreSQL and sets it), e.g.
 * {@code jdbc:postgresql://localhost/rapport_test?user=rapport&password=rapport}.
 */
@EnabledIfEnvironmentVariable(named = "RAPPORT_TEST_PG_URL", matches = "jdbc:postgresql:.+")
class PostgresStoreTest extends StoreTest {
    private static final String URL = System.getenv("RAPPORT_TEST_PG_URL");
    private final Map<Path, String> schemas = new java.util.HashMap<>();
    private final List<String> created = new ArrayList<>();

    @Override
    protected Store newStore(Path folder) {
        String schema = schemas.computeIfAbsent(folder, f -> {
            String name = "t_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + name);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            created.add(name);
            return name;
        });
        String url = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        Store.initShared(url, null, null); // what the administrator's `rapport db init` does, once
        return Store.openShared(url, null, null, clock);
    }

    @AfterEach
    void dropSchemas() throws Exception {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            for (String name : created) s.execute("DROP SCHEMA " + name + " CASCADE");
        }
    }
}
