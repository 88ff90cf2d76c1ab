package creditgraph.devservices;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.elasticsearch.Build;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.ClasspathPluginsNode;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

/**
 * Runs a single real Elasticsearch 8 node (server jar from Maven Central) for dev and CI.
 *
 * <p>HTTP (plain, no security: the free x-pack security module is not part of the server jar)
 * on {@code http://127.0.0.1:9200}; the node-to-node transport port is bound to loopback too.
 * Plugins: the stock Netty4 HTTP/transport module and {@link UnpublishedModulesPlugin}.
 *
 * <p>Usage: {@code java -jar elasticsearch-launcher.jar --home DIR [--port 9200]}.
 * The port may also come from the ES_HTTP_PORT environment variable.
 */
public final class ElasticsearchLauncher {

    public static void main(String[] args) throws Exception {
        // As the distribution's jvm.options: our shutdown hook closes the node, and log4j must
        // keep working until it has (otherwise the shutdown messages are lost).
        System.setProperty("log4j.shutdownHookEnabled", "false");
        System.setProperty("log4j2.disable.jmx", "true");
        Path home = Path.of(arg(args, "--home", ".devservices/elasticsearch")).toAbsolutePath();
        String httpPort = arg(args, "--port", env("ES_HTTP_PORT", "9200"));
        String transportPort = env("ES_TRANSPORT_PORT", "9300-9399");
        long t0 = System.nanoTime();
        Files.createDirectories(home.resolve("config"));

        Settings settings = Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("cluster.name", "creditgraph-dev")
                .put("node.name", "devservices")
                // One node that elects itself; bootstrap checks stay off because we bind loopback.
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", httpPort)
                .put("transport.port", transportPort)
                // Dev machines and CI often have full-ish disks; never flip indices to read-only.
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                // Let tests clean up with wildcards (DELETE /test-*).
                .put("action.destructive_requires_name", false)
                .build();

        Environment environment = InternalSettingsPreparer.prepareEnvironment(
                settings, Map.of(), home.resolve("config"), () -> "devservices");
        // INFO logging to stdout (services.sh redirects it to .devservices/elasticsearch.log),
        // configured the way the distribution does it: from config/log4j2.properties.
        Files.writeString(home.resolve("config/log4j2.properties"), String.join("\n",
                "status = error",
                "appender.console.type = Console",
                "appender.console.name = console",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] %m%n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.console.ref = console",
                ""));
        LogConfigurator.configure(environment, true);

        Node node = new ClasspathPluginsNode(environment, List.of(Netty4Plugin.class, UnpublishedModulesPlugin.class));
        node.start();

        // Stop cleanly (flush shards, release ports) on SIGTERM from `services.sh down`.
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "es-shutdown"));

        System.out.printf("READY elasticsearch %s http://127.0.0.1:%s home=%s started_in_ms=%d%n",
                Build.current().version(), httpPort, home, (System.nanoTime() - t0) / 1_000_000);
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
