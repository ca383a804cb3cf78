package dev.coro.weaver;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

/**
 * {@link ClassHierarchy}: superclasses, interfaces and access read from class files (the JDK's and
 * some built here), the verifier's merge, the nearest class a package may name, and what a class it
 * cannot find or read becomes. (Hierarchies that loop: {@link HostileHierarchyTest}.)
 */
class ClassHierarchyTest {
    /** t/Base (public) <- t/Hidden (package-private) <- t/Deeper (package-private); u/Other (public) extends t/Hidden. */
    private static ClassHierarchy hierarchy() {
        return HostileHierarchyTest.over(Map.of(
                "t/Base", HostileHierarchyTest.header("t/Base", "java/lang/Object", ACC_PUBLIC),
                "t/Hidden", HostileHierarchyTest.header("t/Hidden", "t/Base", 0),
                "t/Deeper", HostileHierarchyTest.header("t/Deeper", "t/Hidden", 0),
                "u/Other", HostileHierarchyTest.header("u/Other", "t/Hidden", ACC_PUBLIC),
                "t/Bad", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 55}));
    }

    @Test
    void theNearestClassAPackageMayName() {
        ClassHierarchy h = hierarchy();
        assertEquals("t/Deeper", h.accessibleFrom("t/Deeper", "t"), "its own package");
        assertEquals("t/Base", h.accessibleFrom("t/Deeper", "u"), "past two package-private classes");
        assertEquals("u/Other", h.accessibleFrom("u/Other", "v"), "a public class, whatever its superclass");
        assertEquals("java/lang/Object", h.accessibleFrom("java/lang/AbstractStringBuilder", "t"));
        assertEquals("java/lang/AbstractStringBuilder", h.accessibleFrom("java/lang/AbstractStringBuilder", "java/lang"));
        assertEquals("", ClassHierarchy.packageOf("Top"));
        assertEquals("java/lang", ClassHierarchy.packageOf("java/lang/String"));
    }

    @Test
    void commonSuperclassesAsTheVerifierMergesThem() {
        ClassHierarchy h = hierarchy();
        assertEquals("java/lang/Number", h.commonSuperClass("java/lang/Integer", "java/lang/Long"));
        assertEquals("java/lang/AbstractStringBuilder", h.commonSuperClass("java/lang/StringBuilder", "java/lang/StringBuffer"));
        assertEquals("t/Hidden", h.commonSuperClass("t/Deeper", "u/Other"));
        assertEquals("java/lang/Object", h.commonSuperClass("java/util/ArrayList", "java/util/List"), "an interface is Object");
        assertEquals("java/lang/Object", h.commonSuperClass("java/lang/String", "t/Base"));
        assertEquals("t/Base", h.commonSuperClass("t/Base", "t/Base"));
    }

    @Test
    void subclassesAndInterfacesThroughSuperinterfaces() {
        ClassHierarchy h = hierarchy();
        assertTrue(h.isSubclassOrImplements("java/util/Collection", "java/util/ArrayList"), "through List");
        assertTrue(h.isSubclassOrImplements("java/lang/Iterable", "java/util/ArrayList"));
        assertTrue(h.isSubclassOrImplements("t/Base", "u/Other"));
        assertTrue(h.isSubclassOrImplements("java/lang/Object", "t/Gone"), "everything is an Object, found or not");
        assertFalse(h.isSubclassOrImplements("java/lang/Runnable", "java/lang/String"));
        assertFalse(h.isSubclassOrImplements("u/Other", "t/Base"));
        assertTrue(h.isInterface("java/util/List"));
        assertFalse(h.isInterface("t/Base"));
        assertNull(h.superName("java/lang/Object"));
        assertEquals("t/Base", h.superName("t/Hidden"));
    }

    @Test
    void aClassThatCannotBeFoundOrReadIsADiagnostic() {
        ClassHierarchy h = hierarchy();
        WeaveException gone = assertThrows(WeaveException.class, () -> h.superName("t/Gone"));
        assertEquals(Diagnostic.Code.MISSING_CLASS, gone.code);
        assertEquals("cannot find class t.Gone on the classpath: it is needed to compute stack map frames", gone.getMessage());
        WeaveException bad = assertThrows(WeaveException.class, () -> h.isInterface("t/Bad"));
        assertEquals(Diagnostic.Code.MISSING_CLASS, bad.code);
        assertTrue(bad.getMessage().startsWith("class file of t.Bad is corrupt: "), bad.getMessage());
        ClassHierarchy failing = new ClassHierarchy(name -> {
            throw new IOException("disk on fire");
        });
        WeaveException io = assertThrows(WeaveException.class, () -> failing.isInterface("t/Any"));
        assertEquals("cannot read class t.Any (needed for stack map frames): java.io.IOException: disk on fire",
                io.getMessage());
        assertNull(failing.classFileOrNull("t/Any"));
    }

    @Test
    void aRegisteredClassNeedsNoClassFile() {
        ClassHierarchy h = hierarchy();
        h.register("t/New", "t/Hidden", List.of("java/lang/Runnable"), ACC_PUBLIC);
        assertEquals("t/Hidden", h.commonSuperClass("t/New", "t/Deeper"));
        assertTrue(h.isSubclassOrImplements("java/lang/Runnable", "t/New"));
        assertEquals("t/New", h.accessibleFrom("t/New", "v"));
    }
}
