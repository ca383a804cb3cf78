package dev.coro.weaver;

import dev.coro.testkit.ClassFiles;
import dev.coro.weaver.GenericType.ArrayType;
import dev.coro.weaver.GenericType.ClassType;
import dev.coro.weaver.GenericType.MethodSig;
import dev.coro.weaver.GenericType.TypeParam;
import dev.coro.weaver.GenericType.TypeVar;
import dev.coro.weaver.GenericType.Wildcard;
import dev.coro.weaver.fixture.Mistyped;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The type check's building blocks, and what it must not reject: classes it cannot find and class
 * files without generic signatures. (The rejections and their well-typed twins are fixtures in
 * coro-tests, run in every weaving mode.)
 */
class TypeCheckerTest {
    private static final String HIDDEN = "dev/coro/weaver/fixture/Mistyped$Hidden";
    private static final ClassLoader LOADER = TypeCheckerTest.class.getClassLoader();

    private static ClassType cls(String name, GenericType... args) {
        return new ClassType(name, List.of(args));
    }

    @Test
    void parsesMethodSignaturesWithBoundedTypeVariablesWildcardsAndArrays() {
        MethodSig sig = GenericType.parseMethod("<T:Ljava/lang/Number;:Ljava/lang/Comparable<TT;>;U::Ljava/lang/Runnable;>"
                + "(Ljava/util/List<+TT;>;I)Ldev/coro/Coro<TT;-Ljava/lang/Integer;[[I>;^Ljava/io/IOException;");
        assertEquals(List.of(new TypeParam("T", List.of(cls("java/lang/Number"),
                cls("java/lang/Comparable", new TypeVar("T")))), new TypeParam("U", List.of(cls("java/lang/Runnable")))),
                sig.typeParams());
        assertEquals(List.of(cls("java/util/List", new Wildcard('+', new TypeVar("T"))), new GenericType.Primitive('I')),
                sig.params());
        assertEquals(cls("dev/coro/Coro", new TypeVar("T"), new Wildcard('-', cls("java/lang/Integer")),
                new ArrayType(new ArrayType(new GenericType.Primitive('I')))), sig.returnType());
        assertEquals("Coro<T, ? super Integer, int[][]>", GenericType.display(sig.returnType()));
    }

    @Test
    void innerClassTypesAreErasedToTheirBinaryNameWithTheLastPartsArguments() {
        GenericType t = GenericType.parseType("Lp/Outer<Ljava/lang/String;>.Inner<*>;");
        assertEquals(cls("p/Outer$Inner", new Wildcard('*', null)), t);
        assertEquals("Outer.Inner<?>", GenericType.display(t));
    }

    @Test
    void aSignatureThatDoesNotParseIsNotChecked() {
        assertNull(GenericType.parseMethod("(Ljava/lang/String"));
        assertNull(GenericType.parseType("Ljava/util/List<Ljava/lang/String;"));
        assertNull(GenericType.parseClass("<T:Ljava/lang/Object;"));
        assertNull(GenericType.parseType("Q"));
    }

    @Test
    void genericSupertypesCarryTheTypeArgumentsThrough() {
        TypeFacts facts = new TypeFacts(ClassHierarchy.ofClassLoader(LOADER), new ClassNode());
        ClassType list = cls("java/util/ArrayList", new Wildcard('+', cls("java/lang/Number")));
        assertEquals(cls("java/lang/Iterable", new Wildcard('+', cls("java/lang/Number"))),
                facts.asSuper(list, "java/lang/Iterable"));
        assertNull(facts.asSuper(cls("java/util/ArrayList"), "java/lang/Iterable"), "raw");
        assertEquals(cls("java/lang/Iterable", new TypeVar("Y")),
                facts.asSuper(cls("dev/coro/Coro", new TypeVar("Y"), new TypeVar("S"), new TypeVar("R")),
                        "java/lang/Iterable"));
    }

    @Test
    void onlyTypesThatCannotShareAValueAreDisjoint() {
        TypeFacts facts = new TypeFacts(ClassHierarchy.ofClassLoader(LOADER), new ClassNode());
        String[][] disjoint = {{"java/lang/String", "java/lang/Long"}, {"java/lang/Integer", "java/lang/CharSequence"},
                {"[J", "[I"}, {"[Ljava/lang/String;", "java/lang/Number"}, {"[Ljava/lang/String;", "[Ljava/lang/Long;"}};
        String[][] overlapping = {{"java/lang/Object", "java/lang/Long"}, {"java/lang/Number", "java/lang/Long"},
                {"java/lang/Long", "java/lang/Number"}, {"java/util/ArrayList", "java/lang/Comparable"},
                {"java/lang/Runnable", "java/lang/Comparable"}, {"[I", "java/io/Serializable"},
                {"[Ljava/lang/Integer;", "[Ljava/lang/Number;"}, {"no/such/Clazz", "java/lang/Long"}};
        for (String[] p : disjoint) assertTrue(facts.disjoint(type(p[0]), type(p[1])), p[0] + " vs " + p[1]);
        for (String[] p : overlapping) assertFalse(facts.disjoint(type(p[0]), type(p[1])), p[0] + " vs " + p[1]);
    }

    private static Type type(String s) {
        return Type.getObjectType(s);
    }

    @Test
    void aClassTheCheckCannotFindIsNotARejection() throws Exception {
        byte[] bytes = ClassFiles.bytesOf(Mistyped.class);
        ClassNode cls = new ClassNode();
        new ClassReader(bytes).accept(cls, 0);

        List<Diagnostic> seen = TypeChecker.check(cls, ClassHierarchy.ofClassLoader(LOADER));
        assertEquals(List.of(TEXT, "Mistyped.java:14: dev.coro.weaver.fixture.Mistyped.values():"
                + " Yield.value of a Mistyped.Hidden in a coroutine that yields Long", FROM_PARAMETER), formatted(seen));
        for (Diagnostic d : seen) assertEquals(Diagnostic.Code.TYPE_MISMATCH, d.code());

        ClassHierarchy withoutHidden = new ClassHierarchy(name -> HIDDEN.equals(name) ? null
                : ClassHierarchy.ofClassLoader(LOADER).classFileOrNull(name));
        assertEquals(List.of(TEXT, FROM_PARAMETER), formatted(TypeChecker.check(cls, withoutHidden)));
    }

    private static final String TEXT = "Mistyped.java:13: dev.coro.weaver.fixture.Mistyped.values(): Yield.value"
            + " of a String in a coroutine that yields Long";
    private static final String FROM_PARAMETER = "Mistyped.java:20: dev.coro.weaver.fixture.Mistyped.fromParameter():"
            + " Yield.from of an Iterable of String in a coroutine that yields Long";

    @Test
    void withoutLocalVariableTablesAParameterHasItsTypeFromTheMethodSignature() throws Exception {
        ClassWriter w = new ClassWriter(0);
        new ClassReader(ClassFiles.bytesOf(Mistyped.class)).accept(w, ClassReader.SKIP_DEBUG);
        ClassNode cls = new ClassNode();
        new ClassReader(w.toByteArray()).accept(cls, 0);
        List<Diagnostic> seen = TypeChecker.check(cls, ClassHierarchy.ofClassLoader(LOADER));
        // no line numbers either (SKIP_DEBUG): the line is unknown, the problem is not
        assertEquals(List.of("Mistyped.class: dev.coro.weaver.fixture.Mistyped.values(): Yield.value of a String in a"
                + " coroutine that yields Long", "Mistyped.class: dev.coro.weaver.fixture.Mistyped.values(): Yield.value"
                + " of a Mistyped.Hidden in a coroutine that yields Long", "Mistyped.class: dev.coro.weaver.fixture"
                + ".Mistyped.fromParameter(): Yield.from of an Iterable of String in a coroutine that yields Long"),
                formatted(seen));
        for (Diagnostic d : seen) assertEquals(Diagnostic.Code.TYPE_MISMATCH, d.code());
    }

    @Test
    void aClassFileWithoutGenericSignaturesIsNotChecked() throws Exception {
        byte[] stripped = stripSignatures(ClassFiles.bytesOf(Mistyped.class));
        WeaveResult r = new Weaver(ClassHierarchy.ofClassLoader(LOADER)).weave(stripped);
        assertEquals(WeaveResult.Status.WOVEN, r.status(), r.diagnostics().toString());
    }

    private static List<String> formatted(List<Diagnostic> ds) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : ds) out.add(d.format());
        return out;
    }

    /** The class file as a compiler that writes no Signature attributes would have made it. */
    private static byte[] stripSignatures(byte[] bytes) {
        ClassWriter w = new ClassWriter(0);
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9, w) {
            @Override
            public void visit(int v, int access, String name, String sig, String sup, String[] itfs) {
                super.visit(v, access, name, null, sup, itfs);
            }

            @Override
            public FieldVisitor visitField(int access, String name, String desc, String sig, Object value) {
                return super.visitField(access, name, desc, null, value);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, desc, null, exceptions)) {
                    @Override
                    public void visitLocalVariable(String n, String d, String s, Label start, Label end, int index) {
                        super.visitLocalVariable(n, d, null, start, end, index);
                    }
                };
            }
        }, 0);
        return w.toByteArray();
    }
}
