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

    /** The woven method: its new entry, its body, and the frame class. */
    record Woven(MethodNode entry, MethodNode body, String frameClass, byte[] frameClassFile) {}

    static Woven weave(ClassNode host, MethodNode m, String frameClass, ClassHierarchy hierarchy) {
        boolean isInterface = (host.access & Opcodes.ACC_INTERFACE) != 0;
        for (AbstractInsnNode insn : m.instructions) {
            int op = insn.getOpcode();
            if (op == Opcodes.JSR || op == Opcodes.RET) {
                throw new WeaveException(Diagnostic.Code.UNSUPPORTED_CODE, ControlFlow.lineOf(insn),
                        "JSR/RET subroutines (pre-Java 6 bytecode) cannot be woven");
            }
        }
        MethodNode original = copyHeader(m);

        ConstructorMover.apply(host.name, m);
        StackSpiller.apply(host.name, m, hierarchy);
        LivenessAnalyzer.Result facts = LivenessAnalyzer.analyze(host.name, m, hierarchy);

        FrameLayout layout = new FrameLayout();
        List<FrameLayout.Slot> entrySlots = layout.assign(facts.entry());
        List<List<FrameLayout.Slot>> pointSlots = new ArrayList<>();
        for (LivenessAnalyzer.Point p : facts.points()) pointSlots.add(layout.assign(p.saved()));

        MethodNode body = StateMachineEmitter.emit(isInterface, m, frameClass, facts, layout, entrySlots, pointSlots);
        body = StackMapComputer.compute(host, body, hierarchy);

        Type[] ctorParams = erasedParams(original, host);
        byte[] frameFile = FrameClassEmitter.emit(host.name, isInterface, host.sourceFile, frameClass, m.name,
                ctorParams, entrySlots, layout.fields());

        MethodNode entry = entry(host, original, frameClass, frameFile, CoroutineChecker.isPrimed(original));
        return new Woven(entry, body, frameClass, frameFile);
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

    /** {@code (this?, params...)} with every reference erased to Object: the frame's constructor. */
    private static Type[] erasedParams(MethodNode m, ClassNode host) {
        List<Type> out = new ArrayList<>();
        if ((m.access & Opcodes.ACC_STATIC) == 0) out.add(Names.OBJECT_TYPE);
        for (Type t : Type.getArgumentTypes(m.desc)) {
            out.add(t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY ? Names.OBJECT_TYPE : t);
        }
        return out.toArray(new Type[0]);
    }

    /**
     * <pre>
     *   ALOAD 0?; xLOAD params...
     *   INVOKEDYNAMIC m(C?, params...)Coro [Bootstrap.coroutine, "pkg.C$m$Coro", frame class bytes, primed]
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
        code.add(new InvokeDynamicInsnNode(h.name, desc.toString(), bsm, Names.binaryName(frameClass), bytes,
                primed ? 1 : 0));
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
