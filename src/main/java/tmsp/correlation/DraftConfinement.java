package tmsp.correlation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tmsp.correlation.DrlTokens.Kind;
import tmsp.correlation.DrlTokens.Token;

/**
 * Refuses a rule draft that reaches beyond what correlation rules need: the fact model, the incident API and an
 * allow-list of {@code java.lang}, {@code java.util} and {@code java.time} types. Rules are code that runs inside
 * the portal, so anything else (reflection, threads, files, sockets, {@code System}, {@code Runtime}, another
 * package's classes, the engine behind {@code kcontext}) is refused before the draft is compiled, with the line,
 * column and reason of each use. It reads tokens, not a full grammar, and so refuses by name: a type not on the
 * list is refused wherever it appears, and a dangerous method name is refused on any receiver.
 */
final class DraftConfinement {

    /** A use the draft may not make. */
    record Violation(String file, int line, int column, String reason) {

        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": " + reason;
        }
    }

    static final String RULE_PACKAGE_PREFIX = "tmsp.rules.";

    private static final Set<String> MODEL = Set.of("DetectionFact", "HostSeen", "LogonOutcome", "PriorIncident",
            "RaisedIncidents");

    private static final Set<String> JAVA_LANG = Set.of("String", "Integer", "Long", "Double", "Float", "Short",
            "Byte", "Boolean", "Character", "Math", "Number", "Object", "Comparable", "CharSequence", "StringBuilder",
            "Iterable");

    private static final Set<String> JAVA_UTIL = Set.of("List", "ArrayList", "LinkedList", "Map", "HashMap",
            "LinkedHashMap", "TreeMap", "Set", "HashSet", "LinkedHashSet", "TreeSet", "Collection", "Collections",
            "Iterator", "Arrays", "Objects", "Optional", "Comparator", "Deque", "ArrayDeque", "Queue");

    private static final Set<String> JAVA_TIME = Set.of("Instant", "Duration", "LocalDate", "LocalDateTime",
            "LocalTime", "ZonedDateTime", "OffsetDateTime", "ZoneOffset", "ZoneId", "DayOfWeek", "Period");

    /** Names refused on any receiver or alone: what reaches reflection, class loading, the process or the engine. */
    private static final Set<String> REFUSED_NAMES = Set.of("getClass", "class", "classLoader", "getClassLoader",
            "forName", "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getField", "getFields",
            "getDeclaredField", "getDeclaredFields", "getConstructor", "getConstructors", "getDeclaredConstructor",
            "getDeclaredConstructors", "setAccessible", "invoke", "newInstance", "exec", "exit", "halt", "getRuntime",
            "load", "loadLibrary", "getenv", "getProperty", "setProperty", "getProperties", "wait", "notify",
            "notifyAll", "finalize", "currentThread", "repeat", "nCopies", "ensureCapacity", "setLength", "getInteger",
            "getLong", "getBoolean", "parallel", "parallelStream", "parallelSort", "parallelSetAll", "parallelPrefix", "getKieRuntime", "getKnowledgeRuntime",
            "getKieBase", "getKieSession", "getWorkingMemory", "getEntryPoint", "getChannels", "dispose", "destroy",
            "synchronized", "native", "volatile", "transient", "strictfp");

    /** Package roots that name classes outside the draft's reach. */
    private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jakarta", "jdk", "sun", "com", "org",
            "net", "io", "tmsp", "kotlin", "scala", "groovy", "lombok");

    private final String file;
    private final List<Token> tokens;
    private final List<Violation> violations = new ArrayList<>();
    private final Set<String> declaredTypes = new HashSet<>();

    private DraftConfinement(String file, List<Token> tokens) {
        this.file = file;
        this.tokens = tokens;
    }

    /** Every violation of one DRL file, in the order they appear; empty when the draft stays inside. */
    static List<Violation> check(String file, String drl) {
        DrlTokens.Result read = DrlTokens.of(drl);
        DraftConfinement check = new DraftConfinement(file, read.tokens());
        read.problems().forEach(p -> check.violations.add(new Violation(file, p.line(), p.column(), p.reason())));
        check.run();
        check.violations.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                : Integer.compare(a.column(), b.column()));
        return List.copyOf(check.violations);
    }

    private void run() {
        collectDeclaredTypes();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() != Kind.IDENTIFIER) {
                continue;
            }
            if (isStatementStart(i) && token.is("package")) {
                i = packageStatement(i);
            } else if (isStatementStart(i) && token.is("import")) {
                i = importStatement(i);
            } else {
                i = name(i);
            }
        }
    }

    /** {@code declare Name}: a fact type of the draft's own, which its rules may use like a model type. */
    private void collectDeclaredTypes() {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).is("declare") && tokens.get(i + 1).kind() == Kind.IDENTIFIER) {
                int next = i + 1;
                if (tokens.get(next).is("enum") || tokens.get(next).is("trait")) {
                    next++;
                }
                if (next < tokens.size() && tokens.get(next).kind() == Kind.IDENTIFIER && !isQualified(next)) {
                    declaredTypes.add(tokens.get(next).text());
                }
            }
        }
    }

    private int packageStatement(int i) {
        QualifiedName name = qualifiedName(i + 1);
        if (!name.text().startsWith(RULE_PACKAGE_PREFIX) || name.text().length() == RULE_PACKAGE_PREFIX.length()) {
            refuse(tokens.get(i), "the package must be " + RULE_PACKAGE_PREFIX + "<name>, not '" + name.text() + "'");
        }
        return name.last();
    }

    private int importStatement(int i) {
        int at = i + 1;
        if (at < tokens.size() && (tokens.get(at).is("static") || tokens.get(at).is("function")
                || tokens.get(at).is("accumulate"))) {
            refuse(tokens.get(at), "'import " + tokens.get(at).text() + "' is not allowed");
            at++;
        }
        QualifiedName name = qualifiedName(at);
        if (!allowedQualifiedType(name.text())) {
            refuse(tokens.get(i), "import of '" + name.text() + "' is not allowed: a rule may use the fact model ("
                    + "tmsp.correlation." + String.join(", ", sorted(MODEL)) + ") and listed java.util and "
                    + "java.time types");
        }
        return name.last();
    }

    private int name(int i) {
        Token token = tokens.get(i);
        String text = token.text();
        if (REFUSED_NAMES.contains(text)) {
            refuse(token, "'" + text + "' is not allowed in a rule");
            return i;
        }
        if (isUnboundedLoop(i)) {
            refuse(token, "a '" + text + "' loop is not allowed in a rule: a loop that never ends cannot be stopped"
                    + " from outside; use accumulate, or for (x : collection) over a collection");
            return i;
        }
        boolean member = i > 0 && (tokens.get(i - 1).is(".") || tokens.get(i - 1).is("@")
                || (tokens.get(i - 1).is(":") && i > 1 && tokens.get(i - 2).is(":")));
        if (member) {
            return i;
        }
        if ((text.equals("kcontext") || text.equals("drools")) && followedBy(i, ".")) {
            refuse(token, "'" + text + "' may only be handed to incidents.raise, not used");
            return i;
        }
        if (PACKAGE_ROOTS.contains(text) && followedBy(i, ".")) {
            QualifiedName name = qualifiedName(i);
            String type = typePart(name.text());
            if (!allowedQualifiedType(type)) {
                refuse(token, "'" + name.text() + "' is outside what a rule may use");
            }
            return name.last();
        }
        if (looksLikeType(text) && !allowedSimpleType(text)) {
            refuse(token, "the type '" + text + "' is not allowed in a rule");
        }
        return i;
    }

    /**
     * {@code while}, {@code do} and the counting {@code for (init; test; step)}: loops whose end depends on code, so
     * one that never ends would hold a correlation thread for good. A for-each over a collection always ends.
     */
    private boolean isUnboundedLoop(int i) {
        Token token = tokens.get(i);
        if (token.is("while") || token.is("do")) {
            return true;
        }
        if (!token.is("for") || !followedBy(i, "(")) {
            return false;
        }
        int depth = 0;
        for (int j = i + 1; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            if (t.is("(")) {
                depth++;
            } else if (t.is(")") && --depth == 0) {
                return false;
            } else if (t.is(";") && depth == 1) {
                return true;
            }
        }
        return true; // unclosed: refuse rather than guess
    }

    private boolean allowedSimpleType(String name) {
        return MODEL.contains(name) || JAVA_LANG.contains(name) || JAVA_UTIL.contains(name)
                || JAVA_TIME.contains(name) || declaredTypes.contains(name);
    }

    private static boolean allowedQualifiedType(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        String pkg = name.substring(0, dot);
        String simple = name.substring(dot + 1);
        return switch (pkg) {
            case "tmsp.correlation" -> MODEL.contains(simple);
            case "java.lang" -> JAVA_LANG.contains(simple);
            case "java.util" -> JAVA_UTIL.contains(simple);
            case "java.time" -> JAVA_TIME.contains(simple);
            default -> false;
        };
    }

    /** {@code java.util.Map.Entry} → {@code java.util.Map}: the package and the first type name after it. */
    private static String typePart(String qualified) {
        String[] parts = qualified.split("\\.");
        StringBuilder type = new StringBuilder();
        for (String part : parts) {
            type.append(type.isEmpty() ? "" : ".").append(part);
            if (looksLikeType(part)) {
                break;
            }
        }
        return type.toString();
    }

    /** A capitalised name with a lower-case letter in it: a class; {@code FAILURE} is a constant. */
    private static boolean looksLikeType(String name) {
        return Character.isUpperCase(name.charAt(0)) && !name.equals(name.toUpperCase(java.util.Locale.ROOT));
    }

    private record QualifiedName(String text, int last) {
    }

    /** Reads {@code a.b.c} (and a trailing {@code .*}) from token {@code i}. */
    private QualifiedName qualifiedName(int i) {
        if (i >= tokens.size() || tokens.get(i).kind() != Kind.IDENTIFIER) {
            return new QualifiedName("", Math.min(i, tokens.size() - 1));
        }
        StringBuilder text = new StringBuilder(tokens.get(i).text());
        int last = i;
        while (last + 2 < tokens.size() && tokens.get(last + 1).is(".")
                && (tokens.get(last + 2).kind() == Kind.IDENTIFIER || tokens.get(last + 2).is("*"))) {
            text.append('.').append(tokens.get(last + 2).text());
            last += 2;
        }
        return new QualifiedName(text.toString(), last);
    }

    private boolean isQualified(int i) {
        return followedBy(i, ".");
    }

    private boolean followedBy(int i, String symbol) {
        return i + 1 < tokens.size() && tokens.get(i + 1).is(symbol);
    }

    /** {@code package} and {@code import} are statements only where nothing else is going on. */
    private boolean isStatementStart(int i) {
        return i == 0 || tokens.get(i - 1).line() < tokens.get(i).line() || tokens.get(i - 1).is(";");
    }

    private void refuse(Token token, String reason) {
        violations.add(new Violation(file, token.line(), token.column(), reason));
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
