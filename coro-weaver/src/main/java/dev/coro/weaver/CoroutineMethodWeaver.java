package dev.coro.weaver;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Weaves one {@code @Coroutine} method: runs the passes in order and returns what they built.
 *
 * <ol>
 *   <li>{@link ConstructorMover}: no uninitialised object across a suspension point;
 *   <li>{@link StackSpiller}: an empty operand stack at each suspension point;
 *   <li>{@link LivenessAnalyzer}: the live locals, and their types, at each point;
 *   <li>{@link StateMachineEmitter}: the body method; {@link StackMapComputer}: its frames;
 *   <li>{@link FrameClassEmitter}: the frame class;
 *   <li>the entry: the original method now only creates the frame, through an {@code invokedynamic}
 *       whose bootstrap defines the frame class on first use.
 * </ol>
 */
final class CoroutineMethodWeaver {
    private CoroutineMethodWeaver() {}

    /**
     * The woven method: its new entry, its body, the host's static trampoline to an instance body
     * when the frame is no nestmate (else null), and the frame class.
     */
    record Woven(MethodNode entry, MethodNode body, MethodNode trampoline, String frameClass, byte[] frameClassFile) {}

    /**
     * @param nest whether the frame class joins the host's nest (then the body and the frame's members are private)
     */
    static Woven weave(ClassNode host, MethodNode m, String frameClass, boolean nest, ClassHierarchy hierarchy) {
        boolean isInterface = (host.access & Opcodes.ACC_INTERFACE) != 0;
        boolean isStatic = (m.access & Opcodes.ACC_STATIC) != 0;
        for (AbstractInsnNode insn : m.instructions) {
            int op = insn.getOpcode();
            if (op == Opcodes.JSR || op == Opcodes.RET) {
                throw new WeaveException(Diagnostic.Code.UNSUPPORTED_CODE, ControlFlow.lineOf(insn),
                        "JSR/RET subroutines (pre-Java 6 bytecode) cannot be woven");
            }
        }
        MethodNode original = copyHeader(m);
        int firstLine = ControlFlow.firstLine(m);

        ConstructorMover.apply(host.name, m);
        StackSpiller.apply(host.name, m, hierarchy);
        LivenessAnalyzer.Result facts = LivenessAnalyzer.analyze(host.name, m, hierarchy);
        List<List<LivenessAnalyzer.Saved>> saved = new ArrayList<>();
        for (LivenessAnalyzer.Point p : facts.points()) saved.add(p.saved());
        FrameLayout layout = FrameLayout.of(saved);

        MethodNode body = StateMachineEmitter.emit(bodyAccess(isStatic, isInterface, nest), m, frameClass, facts, layout);
        body = StackMapComputer.compute(host, body, hierarchy);
        MethodNode trampoline = isStatic || nest ? null : trampoline(host, m, isInterface, firstLine);

        FrameClassEmitter.Shape shape = new FrameClassEmitter.Shape(host.name, isInterface, nest, host.sourceFile,
                m.name, m.desc, isStatic, firstLine, lines(firstLine, facts));
        byte[] frameFile = FrameClassEmitter.emit(shape, frameClass, layout.fields());

        MethodNode entry = entry(host, original, frameClass, frameFile, CoroutineChecker.isPrimed(original));
        return new Woven(entry, body, trampoline, frameClass, frameFile);
    }

    /**
     * Private in a nest; outside one, a static body is package-private (public in an interface, which
     * has no package-private methods) and an instance body stays private behind the host's trampoline,
     * so a subclass's coroutine of the same name and parameters can never override it.
     */
    private static int bodyAccess(boolean isStatic, boolean isInterface, boolean nest) {
        if (!isStatic) return Opcodes.ACC_PRIVATE;
        if (nest) return Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC;
        return Opcodes.ACC_STATIC | (isInterface ? Opcodes.ACC_PUBLIC : 0);
    }

    /** For each resume label, the line of its {@code Yield} call (label 0: the method's first line); one char each. */
    private static String lines(int firstLine, LivenessAnalyzer.Result facts) {
        StringBuilder out = new StringBuilder().append(lineChar(firstLine));
        for (LivenessAnalyzer.Point p : facts.points()) out.append(lineChar(p.line()));
        return out.toString();
    }

    private static char lineChar(int line) {
        return line > 0 && line <= Character.MAX_VALUE ? (char) line : 0;
    }

    /**
     * <pre>
     *   static Object m(Host self, params..., CoroFrame f, int l, Object s, Throwable t) {
     *     return self.m(params..., f, l, s, t);          // INVOKESPECIAL: the private body, never an override
     *   }
     * </pre>
     */
    private static MethodNode trampoline(ClassNode host, MethodNode m, boolean isInterface, int firstLine) {
        String desc = Names.trampolineDesc(host.name, m.desc);
        MethodNode t = new MethodNode(Opcodes.ASM9, Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC
                | (isInterface ? Opcodes.ACC_PUBLIC : 0), m.name, desc, null, null);
        InsnList code = t.instructions;
        LabelNode start = new LabelNode();
        code.add(start);
        if (firstLine > 0) code.add(new LineNumberNode(firstLine, start));
        int slot = 0;
        for (Type a : Type.getArgumentTypes(desc)) {
            code.add(new VarInsnNode(a.getOpcode(Opcodes.ILOAD), slot));
            slot += a.getSize();
        }
        code.add(new org.objectweb.asm.tree.MethodInsnNode(Opcodes.INVOKESPECIAL, host.name, m.name,
                Names.bodyDesc(m.desc), isInterface));
        code.add(new InsnNode(Opcodes.ARETURN));
        t.maxLocals = slot;
        t.maxStack = slot;
        return t;
    }

    /** The original method without code: name, access, signature, annotations, parameters. */
    private static MethodNode copyHeader(MethodNode m) {
        MethodNode h = new MethodNode(Opcodes.ASM9, m.access, m.name, m.desc, m.signature,
                m.exceptions == null ? null : m.exceptions.toArray(new String[0]));
        h.parameters = m.parameters;
        h.visibleAnnotations = m.visibleAnnotations;
        h.invisibleAnnotations = m.invisibleAnnotations;
        h.visibleTypeAnnotations = m.visibleTypeAnnotations;
        h.invisibleTypeAnnotations = m.invisibleTypeAnnotations;
        h.visibleParameterAnnotations = m.visibleParameterAnnotations;
        h.invisibleParameterAnnotations = m.invisibleParameterAnnotations;
        h.visibleAnnotableParameterCount = m.visibleAnnotableParameterCount;
        h.invisibleAnnotableParameterCount = m.invisibleAnnotableParameterCount;
        h.annotationDefault = m.annotationDefault;
        h.attrs = m.attrs;
        h.maxLocals = m.maxLocals;
        h.localVariables = new ArrayList<>();
        int firstLine = ControlFlow.firstLine(m);
        h.instructions = new InsnList();
        if (firstLine > 0) {
            LabelNode l = new LabelNode();
            h.instructions.add(l);
            h.instructions.add(new LineNumberNode(firstLine, l));
        }
        int argSlots = (Type.getArgumentsAndReturnSizes(m.desc) >> 2) - ((m.access & Opcodes.ACC_STATIC) != 0 ? 1 : 0);
        if (m.localVariables != null) {
            for (LocalVariableNode lv : m.localVariables) {
                if (lv.index < argSlots) {
                    h.localVariables.add(new LocalVariableNode(lv.name, lv.desc, lv.signature, lv.start, lv.end,
                            lv.index));
                }
            }
        }
        return h;
    }

    /**
     * <pre>
     *   ALOAD 0?; xLOAD params...
     *   INVOKEDYNAMIC m(C?, params...)Coro [Bootstrap.coroutine, contract, "pkg.C-m-Coro", frame class bytes, flags]
     *   ARETURN
     * </pre>
     */
    private static MethodNode entry(ClassNode host, MethodNode h, String frameClass, byte[] frameFile, boolean primed) {
        boolean isStatic = (h.access & Opcodes.ACC_STATIC) != 0;
        InsnList code = h.instructions;
        LabelNode start = code.size() > 0 ? (LabelNode) code.getFirst() : new LabelNode();
        if (code.size() == 0) code.add(start);
        StringBuilder desc = new StringBuilder("(");
        int slot = 0;
        if (!isStatic) {
            code.add(new VarInsnNode(Opcodes.ALOAD, 0));
            desc.append('L').append(host.name).append(';');
            slot = 1;
        }
        for (Type t : Type.getArgumentTypes(h.desc)) {
            code.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), slot));
            desc.append(t.getDescriptor());
            slot += t.getSize();
        }
        desc.append(')').append(Names.CORO_DESC);
        Handle bsm = new Handle(Opcodes.H_INVOKESTATIC, Names.BOOTSTRAP, Names.BOOTSTRAP_NAME, Names.BOOTSTRAP_DESC,
                false);
        String bytes = new String(frameFile, StandardCharsets.ISO_8859_1);
        if (modifiedUtf8Length(bytes) > 65535) {
            throw new WeaveException(Diagnostic.Code.METHOD_TOO_LARGE,
                    "the coroutine keeps too many locals: its frame class would exceed 64 KB");
        }
        code.add(new InvokeDynamicInsnNode(h.name, desc.toString(), bsm, Names.CONTRACT, Names.binaryName(frameClass),
                bytes, primed ? Names.FLAG_PRIMED : 0));
        code.add(new InsnNode(Opcodes.ARETURN));
        LabelNode end = new LabelNode();
        code.add(end);
        for (LocalVariableNode lv : h.localVariables) {
            lv.start = start;
            lv.end = end;
        }
        h.tryCatchBlocks = new ArrayList<>();
        h.maxLocals = slot;
        h.maxStack = Math.max(slot, 1);
        return h;
    }

    private static int modifiedUtf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c >= 1 && c <= 0x7F ? 1 : 2;
        }
        return n;
    }
}
