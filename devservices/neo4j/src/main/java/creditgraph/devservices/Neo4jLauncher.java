package creditgraph.devservices;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.Version;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs Neo4j Community (embedded, from Maven Central) as a dev/CI server that speaks Bolt.
 *
 * <p>This is the same database engine and Cypher runtime as the Neo4j server distribution;
 * only the packaging differs (no HTTP API / Browser). Drivers connect with
 * {@code bolt://127.0.0.1:7687} (or {@code neo4j://...}).
 *
 * <p>Usage: {@code java -jar neo4j-launcher.jar --home DIR [--port 7687]}.
 * The port may also come from the NEO4J_BOLT_PORT environment variable.
 */
public final class Neo4jLauncher {

    public static void main(String[] args) throws Exception {
        Path home = Path.of(arg(args, "--home", ".devservices/neo4j")).toAbsolutePath();
        int port = Integer.parseInt(arg(args, "--port", env("NEO4J_BOLT_PORT", "7687")));
        long t0 = System.nanoTime();

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                // Log to stdout; scripts/services.sh redirects it to .devservices/neo4j.log.
                .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                // Bolt is off by default in embedded mode. Listen on loopback only, plain text.
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress("127.0.0.1"))
                // Dev/test server: no authentication. Drivers may send no auth or any
                // user/password (e.g. neo4j / creditgraph-dev); both are accepted.
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                // Never phone home with usage data (the machine has no internet anyway).
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Small fixed page cache: test graphs are small and CI has 2 cores / shared RAM.
                .setConfig(GraphDatabaseSettings.pagecache_memory, 256L * 1024 * 1024)
                .build();

        // Stop cleanly (flush store, release the Bolt port) on SIGTERM from `services.sh down`.
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));

        // Prove the default database really answers Cypher before announcing readiness.
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        System.out.printf("READY neo4j %s bolt://127.0.0.1:%d home=%s started_in_ms=%d%n",
                Version.getNeo4jVersion(), port, home, (System.nanoTime() - t0) / 1_000_000);
        System.out.flush();
        stopped.await();
    }

    static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
