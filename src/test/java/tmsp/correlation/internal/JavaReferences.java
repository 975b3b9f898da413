package tmsp.correlation.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The classes a piece of rule-consequence Java really refers to, according to the Java compiler: the body is
 * compiled in memory as a method of a class that sees the fact model, and every class named in the constant
 * pools of what comes out (the class, its lambdas and inner classes) is collected. Independent of
 * {@link DraftConfinement}'s token reading, so it can tell when that reading let something through.
 */
final class JavaReferences {

    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();
    private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L([\\w/$]+);");

    private JavaReferences() {
    }

    /** The internal names ({@code java/lang/String}) the compiled body refers to; empty if it does not compile. */
    static Optional<Set<String>> of(String body) {
        String source = """
                package tmsp.rules.fuzz;
                import tmsp.correlation.*;
                import java.util.*;
                import java.time.*;
                class Draft {
                    DetectionFact $d;
                    RaisedIncidents incidents;
                    org.kie.api.runtime.rule.RuleContext kcontext;
                    org.kie.api.runtime.rule.RuleContext drools;
                    void then() throws Exception {
                """ + body + "\n}}\n";
        InMemoryClasses classes = new InMemoryClasses(JAVAC.getStandardFileManager(null, null, null));
        JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///tmsp/rules/fuzz/Draft.java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        List<String> options = List.of("-proc:none", "-nowarn", "-Xlint:none", "-g:none",
                "-classpath", System.getProperty("java.class.path"));
        boolean compiled = JAVAC.getTask(null, classes, diagnostic -> { }, options, null, List.of(unit)).call();
        if (!compiled) {
            return Optional.empty();
        }
        Set<String> referenced = new TreeSet<>();
        classes.bytes.values().forEach(bytes -> referenced.addAll(constantPoolTypes(bytes.toByteArray())));
        return Optional.of(referenced);
    }

    /** Class entries and every type inside descriptors and signatures of one class file's constant pool. */
    static Set<String> constantPoolTypes(byte[] classFile) {
        Set<String> types = new TreeSet<>();
        List<String> utf8 = new ArrayList<>();
        List<Integer> classNameIndexes = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(classFile))) {
            in.skipBytes(8);
            int count = in.readUnsignedShort();
            utf8.add(null);
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                String text = null;
                switch (tag) {
                    case 1 -> text = in.readUTF();
                    case 7 -> classNameIndexes.add(in.readUnsignedShort());
                    case 8, 16, 19, 20 -> in.skipBytes(2);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 15 -> in.skipBytes(3);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        utf8.add(null);
                        i++;
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
                utf8.add(text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int index : classNameIndexes) {
            String name = utf8.get(index);
            String type = name.startsWith("[") ? arrayElement(name) : name;
            if (type != null) {
                types.add(type);
            }
        }
        for (String text : utf8) {
            if (text != null) {
                Matcher m = TYPE_IN_DESCRIPTOR.matcher(text);
                while (m.find()) {
                    types.add(m.group(1));
                }
            }
        }
        return types;
    }

    private static String arrayElement(String descriptor) {
        Matcher m = TYPE_IN_DESCRIPTOR.matcher(descriptor);
        return m.find() ? m.group(1) : null;
    }

    /** Keeps what the compiler writes in memory, by class name. */
    private static final class InMemoryClasses extends ForwardingJavaFileManager<StandardJavaFileManager> {

        final Map<String, ByteArrayOutputStream> bytes = new ConcurrentHashMap<>();

        InMemoryClasses(StandardJavaFileManager files) {
            super(files);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(JavaFileManager.Location location, String className,
                                                   JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension),
                    kind) {
                @Override
                public OutputStream openOutputStream() {
                    return bytes.computeIfAbsent(className, name -> new ByteArrayOutputStream());
                }
            };
        }
    }
}
