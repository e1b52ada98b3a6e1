package org.healthycities.documents.internal;

import java.util.Map;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;

/**
 * Tika's {@link AutoDetectParser} (its guard against bombs, its handling of embedded documents) without the work it
 * would do a second time for every upload: {@link TextExtractor} has detected the type already and says so in the
 * metadata ({@link #DETECTED}), and a type's parser is looked up in a map made once instead of one that Tika's
 * composite parsers make anew, from every parser's types, on every parse (a profile of 200 applications at once:
 * the second detection and those maps were over a third of the parse threads' time). Embedded documents, which
 * carry no detected type, are detected as before.
 */
class DetectedTypeParser extends AutoDetectParser {

    /** The metadata key under which the caller gives the type it has detected. */
    static final String DETECTED = "hc:detected-type";

    private final transient Detector detector;
    private final transient Parser all;
    /** Made with the first parse's context: every context of TextExtractor is made the same way. */
    private transient volatile Map<MediaType, Parser> parsers;

    DetectedTypeParser() {
        this(TikaConfig.getDefaultConfig());
    }

    private DetectedTypeParser(TikaConfig config) {
        super(config);
        this.detector = getDetector();
        this.all = config.getParser();
        setDetector((in, metadata) -> {
            String detected = metadata.get(DETECTED);
            return detected != null ? MediaType.parse(detected) : detector.detect(in, metadata);
        });
    }

    /** The type's own parser (a PDF's, a DOCX's), or Tika's fallback, as CompositeParser finds it. */
    @Override
    protected Parser getParser(Metadata metadata, ParseContext context) {
        if (!(all instanceof CompositeParser parsers)) {
            return super.getParser(metadata, context);
        }
        Map<MediaType, Parser> map = parsersByType(parsers, context);
        MediaTypeRegistry registry = getMediaTypeRegistry();
        String named = metadata.get(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE);
        MediaType type = MediaType.parse(named != null ? named : metadata.get(Metadata.CONTENT_TYPE));
        for (type = type == null ? null : registry.normalize(type); type != null; type = registry.getSupertype(type)) {
            Parser parser = map.get(type);
            if (parser != null) {
                return parser;
            }
        }
        return getFallback();
    }

    private Map<MediaType, Parser> parsersByType(CompositeParser composite, ParseContext context) {
        Map<MediaType, Parser> map = parsers;
        if (map == null) {
            map = Map.copyOf(composite.getParsers(context));
            parsers = map;
        }
        return map;
    }
}
