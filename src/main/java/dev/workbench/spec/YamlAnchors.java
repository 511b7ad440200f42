package dev.workbench.spec;

import java.io.StringReader;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;

/**
 * Refuses YAML anchors ({@code &name}) and aliases ({@code *name}) by name: the spec binder does not
 * resolve them, and a spec that is hashed and stored should say what it means where it says it.
 */
final class YamlAnchors {

    private YamlAnchors() {}

    static void refuse(String text, String source) {
        try {
            for (Event event : new Yaml().parse(new StringReader(text))) {
                if (event instanceof NodeEvent node && node.getAnchor() != null) {
                    String kind = event instanceof AliasEvent ? "alias '*" : "anchor '&";
                    throw new SpecException(
                            source,
                            "",
                            event.getStartMark().getLine() + 1,
                            "YAML " + kind
                                    + node.getAnchor() + "' is not supported: specs do not use anchors or aliases; "
                                    + "write the values out where they are used");
                }
            }
        } catch (YAMLException e) {
            // malformed YAML is reported, with its line, when the spec is bound
        }
    }
}
