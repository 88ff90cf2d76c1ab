package creditgraph.devservices;

import static org.elasticsearch.rest.RestRequest.Method.GET;
import static org.elasticsearch.rest.RestRequest.Method.HEAD;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.elasticsearch.Build;
import org.elasticsearch.client.internal.node.NodeClient;
import org.elasticsearch.cluster.metadata.IndexNameExpressionResolver;
import org.elasticsearch.cluster.node.DiscoveryNodes;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.common.io.stream.NamedWriteableRegistry;
import org.elasticsearch.common.settings.ClusterSettings;
import org.elasticsearch.common.settings.IndexScopedSettings;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.settings.SettingsFilter;
import org.elasticsearch.features.NodeFeature;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.IndexVersion;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.ActionPlugin;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.rest.BaseRestHandler;
import org.elasticsearch.rest.RestController;
import org.elasticsearch.rest.RestHandler;
import org.elasticsearch.rest.RestRequest;
import org.elasticsearch.rest.RestResponse;
import org.elasticsearch.rest.RestStatus;
import org.elasticsearch.xcontent.XContentBuilder;

/**
 * The parts of two stock Elasticsearch modules that Elastic does not publish to Maven Central.
 *
 * <ul>
 *   <li><b>analysis-common</b> (subset): the {@code cjk} analyzer, the {@code cjk_width} and
 *       {@code cjk_bigram} token filters, the {@code ngram}/{@code edge_ngram} tokenizers and
 *       filters, and the {@code whitespace}/{@code keyword} tokenizers. Same names, parameters,
 *       defaults and Lucene classes as the real module, so index settings written against this
 *       dev server work unchanged on a packaged Elasticsearch 8.
 *       (Already in the server jar itself: the standard/simple/whitespace/keyword/stop analyzers,
 *       the standard tokenizer, lowercase/stop/shingle filters, all highlighters.)
 *   <li><b>rest-root</b>: {@code GET /} and {@code HEAD /} (cluster info; what clients' info()
 *       and ping() call).
 * </ul>
 */
public class UnpublishedModulesPlugin extends Plugin implements AnalysisPlugin, ActionPlugin {

    private volatile ClusterService clusterService;

    @Override
    public Collection<?> createComponents(PluginServices services) {
        clusterService = services.clusterService();
        return List.of();
    }

    // ---------------------------------------------------------------- analysis-common subset

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        // CJKAnalyzer = standard tokenizer + cjk_width + lowercase + cjk_bigram + CJK stopwords.
        return Map.of("cjk", (indexSettings, env, name, settings) -> new AbstractIndexAnalyzerProvider<CJKAnalyzer>(name, settings) {
            private final CJKAnalyzer analyzer =
                    new CJKAnalyzer(Analysis.parseStopWords(env, settings, CJKAnalyzer.getDefaultStopSet()));

            @Override
            public CJKAnalyzer get() {
                return analyzer;
            }
        });
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
                "cjk_width", (indexSettings, env, name, settings) -> new NormalizingTokenFilterFactory() {
                    @Override
                    public String name() {
                        return name;
                    }

                    @Override
                    public TokenStream create(TokenStream in) {
                        return new CJKWidthFilter(in);
                    }
                },
                "cjk_bigram", (indexSettings, env, name, settings) -> {
                    int flags = CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;
                    for (String script : settings.getAsList("ignored_scripts")) {
                        switch (script) {
                            case "han" -> flags &= ~CJKBigramFilter.HAN;
                            case "hiragana" -> flags &= ~CJKBigramFilter.HIRAGANA;
                            case "katakana" -> flags &= ~CJKBigramFilter.KATAKANA;
                            case "hangul" -> flags &= ~CJKBigramFilter.HANGUL;
                            default -> throw new IllegalArgumentException("unknown script [" + script + "] in [ignored_scripts]");
                        }
                    }
                    int f = flags;
                    boolean unigrams = settings.getAsBoolean("output_unigrams", false);
                    return filter(name, in -> new CJKBigramFilter(in, f, unigrams));
                },
                "ngram", (indexSettings, env, name, settings) -> {
                    int min = settings.getAsInt("min_gram", 1);
                    int max = settings.getAsInt("max_gram", 2);
                    checkNgramDiff(indexSettings, min, max, "NGram Token Filter");
                    boolean keep = settings.getAsBoolean("preserve_original", false);
                    return filter(name, in -> new NGramTokenFilter(in, min, max, keep));
                },
                "edge_ngram", (indexSettings, env, name, settings) -> {
                    int min = settings.getAsInt("min_gram", 1);
                    int max = settings.getAsInt("max_gram", 2);
                    boolean keep = settings.getAsBoolean("preserve_original", false);
                    return filter(name, in -> new EdgeNGramTokenFilter(in, min, max, keep));
                });
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of(
                "whitespace", (indexSettings, env, name, settings) -> {
                    int maxLen = settings.getAsInt("max_token_length", 255);
                    return TokenizerFactory.newFactory(name, () -> new WhitespaceTokenizer(maxLen));
                },
                "keyword", (indexSettings, env, name, settings) -> {
                    int bufferSize = settings.getAsInt("buffer_size", 256);
                    return TokenizerFactory.newFactory(name, () -> new KeywordTokenizer(bufferSize));
                },
                "ngram", (indexSettings, env, name, settings) -> {
                    int min = settings.getAsInt("min_gram", 1);
                    int max = settings.getAsInt("max_gram", 2);
                    checkNgramDiff(indexSettings, min, max, "NGram Tokenizer");
                    IntPredicate tokenChar = tokenChars(settings);
                    return TokenizerFactory.newFactory(name, () -> tokenChar == null
                            ? new NGramTokenizer(min, max)
                            : new NGramTokenizer(min, max) {
                                @Override
                                protected boolean isTokenChar(int chr) {
                                    return tokenChar.test(chr);
                                }
                            });
                },
                "edge_ngram", (indexSettings, env, name, settings) -> {
                    int min = settings.getAsInt("min_gram", 1);
                    int max = settings.getAsInt("max_gram", 2);
                    IntPredicate tokenChar = tokenChars(settings);
                    return TokenizerFactory.newFactory(name, () -> tokenChar == null
                            ? new EdgeNGramTokenizer(min, max)
                            : new EdgeNGramTokenizer(min, max) {
                                @Override
                                protected boolean isTokenChar(int chr) {
                                    return tokenChar.test(chr);
                                }
                            });
                });
    }

    private static TokenFilterFactory filter(String name, java.util.function.UnaryOperator<TokenStream> f) {
        return new TokenFilterFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public TokenStream create(TokenStream in) {
                return f.apply(in);
            }
        };
    }

    /** Same guard as the real module: index.max_ngram_diff (default 1) caps max_gram - min_gram. */
    private static void checkNgramDiff(IndexSettings indexSettings, int min, int max, String what) {
        if (indexSettings != null && max - min > indexSettings.getMaxNgramDiff()) {
            throw new IllegalArgumentException("The difference between max_gram and min_gram in " + what
                    + " must be less than or equal to: [" + indexSettings.getMaxNgramDiff() + "] but was ["
                    + (max - min) + "]. This limit can be set by changing the ["
                    + IndexSettings.MAX_NGRAM_DIFF_SETTING.getKey() + "] index level setting.");
        }
    }

    /** token_chars: letter, digit, whitespace, punctuation, symbol, custom (+ custom_token_chars). */
    private static IntPredicate tokenChars(Settings settings) {
        List<String> classes = settings.getAsList("token_chars");
        if (classes.isEmpty()) {
            return null; // every character is part of a token
        }
        IntPredicate p = c -> false;
        for (String cls : classes) {
            IntPredicate next = switch (cls) {
                case "letter" -> Character::isLetter;
                case "digit" -> Character::isDigit;
                case "whitespace" -> Character::isWhitespace;
                case "punctuation" -> c -> switch (Character.getType(c)) {
                    case Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.OTHER_PUNCTUATION,
                         Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
                         Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION -> true;
                    default -> false;
                };
                case "symbol" -> c -> switch (Character.getType(c)) {
                    case Character.CURRENCY_SYMBOL, Character.MATH_SYMBOL, Character.OTHER_SYMBOL,
                         Character.MODIFIER_SYMBOL -> true;
                    default -> false;
                };
                case "custom" -> {
                    String custom = settings.get("custom_token_chars", "");
                    yield c -> custom.indexOf(c) >= 0;
                }
                default -> throw new IllegalArgumentException("Unknown token type: '" + cls
                        + "', must be one of [symbol, digit, whitespace, letter, punctuation, custom]");
            };
            p = p.or(next);
        }
        return p;
    }

    // ---------------------------------------------------------------- rest-root: GET / and HEAD /

    @Override
    public Collection<RestHandler> getRestHandlers(Settings settings, NamedWriteableRegistry namedWriteableRegistry,
            RestController restController, ClusterSettings clusterSettings, IndexScopedSettings indexScopedSettings,
            SettingsFilter settingsFilter, IndexNameExpressionResolver indexNameExpressionResolver,
            Supplier<DiscoveryNodes> nodesInCluster, Predicate<NodeFeature> clusterSupportsFeature) {
        return List.of(new BaseRestHandler() {
            @Override
            public String getName() {
                return "main_action";
            }

            @Override
            public List<Route> routes() {
                return List.of(new Route(GET, "/"), new Route(HEAD, "/"));
            }

            @Override
            protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
                return channel -> {
                    var state = clusterService.state();
                    Build build = Build.current();
                    XContentBuilder b = channel.newBuilder();
                    b.startObject()
                            .field("name", clusterService.localNode().getName())
                            .field("cluster_name", state.getClusterName().value())
                            .field("cluster_uuid", state.metadata().clusterUUID())
                            .startObject("version")
                            .field("number", build.qualifiedVersion())
                            .field("build_flavor", build.flavor())
                            .field("build_type", build.type().displayName())
                            .field("build_hash", build.hash())
                            .field("build_date", build.date())
                            .field("build_snapshot", build.isSnapshot())
                            .field("lucene_version", IndexVersion.current().luceneVersion().toString())
                            .field("minimum_wire_compatibility_version", build.minWireCompatVersion())
                            .field("minimum_index_compatibility_version", build.minIndexCompatVersion())
                            .endObject()
                            .field("tagline", "You Know, for Search")
                            .endObject();
                    channel.sendResponse(new RestResponse(RestStatus.OK, b));
                };
            }
        });
    }
}
