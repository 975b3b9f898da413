package tmsp.correlation;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/** Compiles DRL sources into a KieBase with the KIE API. Plain Java: rule tests need no Spring. */
public final class RuleCompiler {

    private RuleCompiler() {
    }

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);

    /** The folder that matches the DRL's package, where the KIE builder expects the file. */
    static String folderOf(String drl) {
        Matcher m = PACKAGE.matcher(drl);
        return m.find() ? m.group(1).replace('.', '/') + "/" : "";
    }

    /**
     * @param sources DRL text by file name
     * @throws RuleCompilationException with the compiler's messages if any file has an error
     */
    public static KieBase compile(Map<String, String> sources) {
        KieServices kie = KieServices.Factory.get();
        ReleaseId release = kie.newReleaseId("tmsp", "rules-" + UUID.randomUUID(), "1.0.0");
        KieFileSystem files = kie.newKieFileSystem().generateAndWritePomXML(release);
        sources.forEach((name, drl) -> files.write("src/main/resources/" + folderOf(drl) + name, drl));
        KieBuilder builder = kie.newKieBuilder(files).buildAll();
        List<String> errors = builder.getResults().getMessages(Message.Level.ERROR).stream()
                .map(m -> m.getPath() + ":" + m.getLine() + ": " + m.getText().strip()).toList();
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }
        try {
            return kie.newKieContainer(release).getKieBase();
        } finally {
            kie.getRepository().removeKieModule(release); // the container keeps what it needs
        }
    }
}
