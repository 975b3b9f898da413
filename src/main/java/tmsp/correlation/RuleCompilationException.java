package tmsp.correlation;

import java.util.List;

/** DRL that does not compile, with every message the compiler gave (file, line, text). */
public class RuleCompilationException extends RuntimeException {

    private final List<String> messages;

    public RuleCompilationException(List<String> messages) {
        super("Rules do not compile:\n" + String.join("\n", messages));
        this.messages = List.copyOf(messages);
    }

    public List<String> messages() {
        return messages;
    }

    /** The messages with their file, line and column, for an editor to mark. */
    public List<RuleProblem> problems() {
        return messages.stream().map(RuleProblem::parse).toList();
    }
}
