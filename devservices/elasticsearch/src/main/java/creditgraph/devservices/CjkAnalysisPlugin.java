package creditgraph.devservices;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
public class CjkAnalysisPlugin extends Plugin implements AnalysisPlugin {}
