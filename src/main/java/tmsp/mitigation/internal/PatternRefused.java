package tmsp.mitigation.internal;

/** A pattern step the Patterns page refuses with a message ({@code mitigation.patterns.error.*}), nothing kept. */
class PatternRefused extends RuntimeException {

    private final String messageKey;

    PatternRefused(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
