package fr.maillage.db;

import java.nio.file.Path;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Minimal embedded Neo4j Community server for local development and CI.
 *
 * Why embedded: no Docker on dev/CI machines, and the Neo4j tarball is not on
 * Maven Central, whereas org.neo4j:neo4j is. Its transitive neo4j-bolt module
 * gives us a real Bolt endpoint, so the TypeScript code talks to it with the
 * normal neo4j-driver exactly as it would to a standalone server.
 *
 * Env: NEO4J_BOLT_PORT (default 7687), NEO4J_DATA_DIR (default ./.neo4j-data).
 * Stop with SIGTERM (scripts/db-stop.sh): the shutdown hook closes the store
 * cleanly so the next start does not need recovery.
 */
public final class Launcher {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(env("NEO4J_BOLT_PORT", "7687"));
        Path dataDir = Path.of(env("NEO4J_DATA_DIR", ".neo4j-data")).toAbsolutePath().normalize();

        DatabaseManagementService managementService = new DatabaseManagementServiceBuilder(dataDir)
                // Bolt on loopback only: this is an unauthenticated dev database.
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                // Drivers still may send basic credentials; with auth off they are ignored.
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                // No browser / HTTP API needed (and the embedded artifact ships no web server anyway).
                .setConfig(HttpConnector.enabled, false)
                // Modest memory: the defaults size the page cache from total RAM,
                // which is wasteful on shared dev machines and small CI runners.
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(512))
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.gibiBytes(1))
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, ByteUnit.mebiBytes(512))
                // Netty waits a 5 s "quiet period" twice (boss + worker loops) when closing Bolt;
                // nothing is in flight at that point, so 0 (measured: db:stop 7 s -> 2 s).
                // (Internal setting, pinned Neo4j version: revisit if the build breaks on upgrade.)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();

        // Embedded Neo4j installs no shutdown hook of its own: without this a SIGTERM
        // would kill the JVM with the store still open (recovery on next start).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Shutting down Neo4j...");
            managementService.shutdown();
            System.out.println("Neo4j shut down cleanly");
        }, "neo4j-shutdown"));

        // Ask the DBMS itself for its version: also proves the default database is online.
        GraphDatabaseService db = managementService.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        String version = db.executeTransactionally(
                "CALL dbms.components() YIELD versions RETURN versions[0] AS v",
                Map.of(),
                r -> String.valueOf(r.next().get("v")));

        System.out.printf("Neo4j %s ready, Bolt on 127.0.0.1:%d, data in %s%n", version, port, dataDir);
        System.out.flush();

        // Keep the main thread parked; the JVM exits via the shutdown hook on SIGTERM/SIGINT.
        Thread.currentThread().join();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
