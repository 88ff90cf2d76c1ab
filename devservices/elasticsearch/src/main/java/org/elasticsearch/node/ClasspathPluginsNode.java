package org.elasticsearch.node;

import java.util.Collection;
import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.MockPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

/**
 * A stock Elasticsearch {@link Node} whose plugins are given as classes on the classpath.
 *
 * <p>Why this class exists: a distribution loads Netty4 and the other modules from
 * {@code modules/} directories through the launcher CLI, and the test framework's
 * {@code MockNode} does this for unit tests but insists on a randomized-testing context and
 * on not running as root (CI runs as root). This is the small piece of {@code MockNode} we
 * need: everything else — cluster, indices, search, REST, the Netty4 HTTP layer — is the
 * unmodified server code. It lives in {@code org.elasticsearch.node} because the
 * {@code Node(NodeConstruction)} constructor and {@code NodeServiceProvider} are package-private.
 */
public class ClasspathPluginsNode extends Node {

    public ClasspathPluginsNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
        super(NodeConstruction.prepareConstruction(environment, null, new NodeServiceProvider() {
            @Override
            PluginsService newPluginService(Environment env, PluginsLoader ignored) {
                return new MockPluginsService(env.settings(), env, plugins);
            }
        }, true));
    }
}
